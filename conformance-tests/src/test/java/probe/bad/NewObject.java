package probe.bad;

public final class NewObject {
    public static void setup() {
    }

    public static void loop() {
        Object o = new Object();
        o.hashCode();
    }
}
