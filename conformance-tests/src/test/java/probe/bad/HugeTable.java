package probe.bad;

import dev.tinyj.hal.Progmem;
import dev.tinyj.hal.Serial;

/** A 2,000,000,000-byte @Progmem table (issue 12): refused by the limit, never allocated. */
public final class HugeTable {
    @Progmem
    static final byte[] T = new byte[2_000_000_000];

    public static void setup() {
    }

    public static void loop() {
        Serial.println(T[0]);
    }
}
