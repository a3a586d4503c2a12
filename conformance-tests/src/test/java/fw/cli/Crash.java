package fw.cli;

import dev.tinyj.hal.Serial;

/** CLI firmware: prints, then indexes past the end of an array. */
public class Crash {
    static int[] data;

    public static void setup() {
        data = new int[2];
        Serial.println("before");
    }

    public static void loop() {
        data[2] = 1; // FAULT
    }
}
