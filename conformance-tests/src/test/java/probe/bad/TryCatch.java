package probe.bad;

import dev.tinyj.hal.Mcu;

public final class TryCatch {
    static int[] data = new int[4];

    public static void setup() {
    }

    public static void loop() {
        try {
            data[5] = 1;
        } catch (ArrayIndexOutOfBoundsException e) {
            Mcu.panic(1, 5);
        }
    }
}
