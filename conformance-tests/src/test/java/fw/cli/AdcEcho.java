package fw.cli;

import dev.tinyj.hal.Adc;
import dev.tinyj.hal.Serial;

/** CLI firmware: prints one ADC sample per loop(). */
public class AdcEcho {
    public static void setup() {
    }

    public static void loop() {
        Serial.println(Adc.read(0));
    }
}
