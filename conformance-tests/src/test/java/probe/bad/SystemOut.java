package probe.bad;

public final class SystemOut {
    public static void setup() {
    }

    public static void loop() {
        System.out.println(42);
        run(null);
    }

    static void run(Runnable r) {
        r.run();
    }
}
