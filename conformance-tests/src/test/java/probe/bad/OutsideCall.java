package probe.bad;

public final class OutsideCall {
    static int bits;

    public static void setup() {
    }

    public static void loop() {
        bits = Integer.bitCount(bits);
    }
}
