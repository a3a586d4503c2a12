package probe.bad;

public final class TypeChecks {
    static int[] buf = new int[2];

    public static void setup() {
    }

    public static void loop() {
        Object o = buf;
        if (o instanceof int[]) {
            buf = (int[]) o;
        }
    }
}
