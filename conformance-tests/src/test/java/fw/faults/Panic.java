package fw.faults;

import dev.tinyj.hal.Mcu;

/** Faults: the firmware panics with a code and an argument. */
public class Panic {
    public static void setup() {
    }

    static void check(int index) {
        if (index > 3) {
            Mcu.panic(42, index); // FAULT
        }
    }

    public static void loop() {
        check(7);
    }
}
