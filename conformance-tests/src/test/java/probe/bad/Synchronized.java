package probe.bad;

public final class Synchronized {
    static final int[] LOCK = new int[1];

    public static void setup() {
    }

    public static void loop() {
        synchronized (LOCK) {
            tick();
        }
    }

    static synchronized void tick() {
        LOCK[0]++;
    }
}
