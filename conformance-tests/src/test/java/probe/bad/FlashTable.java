package probe.bad;

import dev.tinyj.hal.Progmem;
import dev.tinyj.hal.Serial;

/** A 100,000-byte @Progmem table: within the verifier's limit, beyond the Arduino Uno's 32 KiB flash. */
public final class FlashTable {
    @Progmem
    static final byte[] T = new byte[100_000];

    public static void setup() {
    }

    public static void loop() {
        Serial.println(T[0]);
    }
}
