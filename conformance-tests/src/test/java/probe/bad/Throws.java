package probe.bad;

public final class Throws {
    static int state;

    public static void setup() {
    }

    public static void loop() {
        if (state < 0) {
            throw new IllegalStateException();
        }
    }
}
