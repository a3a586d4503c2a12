package probe.bad;

public final class DoubleSignature {
    static double total;

    public static void setup() {
    }

    public static void loop() {
        total = half(3);
    }

    static double half(int v) {
        return v / 2.0;
    }
}
