package probe.bad;

public final class Assert {
    static int count;

    public static void setup() {
    }

    public static void loop() {
        assert count >= 0;
        count++;
    }
}
