package probe.bad;

import dev.tinyj.hal.Serial;

public final class StringConcat {
    static int count;

    public static void setup() {
    }

    public static void loop() {
        Serial.println("count=" + count);
    }
}
