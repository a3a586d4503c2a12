package fw.faults;

import dev.tinyj.hal.Progmem;

/** Faults: a store into a @Progmem table (flash is read-only). */
public class FlashWrite {
    @Progmem
    static final short[] GAINS = {1, 2, 4, 8};
    static short[] alias;

    public static void setup() {
        alias = GAINS;
    }

    public static void loop() {
        alias[2] = 3; // FAULT
    }
}
