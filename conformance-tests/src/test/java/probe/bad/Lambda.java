package probe.bad;

public final class Lambda {
    static int count;

    public static void setup() {
    }

    public static void loop() {
        Runnable r = () -> count++;
        r.run();
    }
}
