package probe.bad;

public final class NativeMethod {
    public static void setup() {
    }

    public static void loop() {
        tick();
    }

    static native void tick();
}
