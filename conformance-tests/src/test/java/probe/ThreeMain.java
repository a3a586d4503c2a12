package probe;

public final class ThreeMain {
    static int ticks = ThreeB.start();

    public static void setup() {
        ThreeA.init();
    }

    public static void loop() {
        ticks = ThreeA.step(ticks);
    }
}
