package fw.faults;

import dev.tinyj.hal.Serial;

/** Faults: lrem by zero in a helper called from loop(). */
public class DivideLongByZero {
    static long divisor;

    public static void setup() {
        divisor = 0;
    }

    static long remainder(long x) {
        return x % divisor; // FAULT
    }

    public static void loop() {
        Serial.println(remainder(1L << 40));
    }
}
