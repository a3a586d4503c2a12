package fw.faults;

import dev.tinyj.hal.Serial;

/** Faults: idiv by zero in loop(). */
public class DivideIntByZero {
    static int divisor;

    public static void setup() {
        divisor = 0;
    }

    public static void loop() {
        Serial.println(100 / divisor); // FAULT
    }
}
