package probe.bad;

import dev.tinyj.hal.Adc;
import dev.tinyj.hal.Mcu;

public final class HostOnlyHal {
    public static void setup() {
        Mcu.reset();
        Adc.bind(new int[] {1, 2});
    }

    public static void loop() {
    }
}
