package probe.bad;

public final class InstanceField {
    int value;

    public static void setup() {
    }

    public static void loop() {
        bump(null);
    }

    static void bump(InstanceField f) {
        f.value = f.value + 1;
    }
}
