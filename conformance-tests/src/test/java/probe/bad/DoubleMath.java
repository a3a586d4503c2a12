package probe.bad;

public final class DoubleMath {
    static float level;

    public static void setup() {
    }

    public static void loop() {
        double d = level;
        level = (float) (d * 2.5);
    }
}
