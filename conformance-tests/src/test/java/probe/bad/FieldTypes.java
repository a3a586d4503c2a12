package probe.bad;

public final class FieldTypes {
    static String name;
    static long[][] grid;
    static Object[] slots;
    static int ok;

    public static void setup() {
        ok = grid == null ? 0 : 1;
    }

    public static void loop() {
    }
}
