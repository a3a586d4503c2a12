package probe.bad;

import dev.tinyj.hal.Serial;

public final class Multi {
    static int x;

    public static void setup() {
        Serial.println("x=" + x);
    }

    public static void loop() {
        x = f(x);
        double d = x;
        Serial.println((float) d);
    }

    static int f(int v) {
        return v > 0 ? g(v - 1) : 0;
    }

    static int g(int v) {
        return f(v) + Integer.bitCount(v);
    }
}
