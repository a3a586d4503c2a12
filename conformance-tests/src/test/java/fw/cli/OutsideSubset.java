package fw.cli;

import dev.tinyj.hal.Serial;

/** CLI firmware outside the subset: a double and an object. */
public class OutsideSubset {
    static double gain = 1.5;

    public static void setup() {
    }

    public static void loop() {
        gain = gain * 2; // DOUBLE
        Object o = new Object(); // OBJECT
        Serial.println(o == null ? 0 : 1);
    }
}
