package fw.cli;

import dev.tinyj.hal.Mcu;
import dev.tinyj.hal.Serial;

/** CLI firmware: sleeps 250 ms per loop() in the board's timed-sleep mode, then prints a tick. */
public class Sleeper {
    public static void setup() {
    }

    public static void loop() {
        Mcu.sleepMicros(250_000);
        Serial.println("tick");
    }
}
