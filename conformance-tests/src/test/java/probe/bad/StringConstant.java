package probe.bad;

import dev.tinyj.hal.Serial;

public final class StringConstant {
    public static void setup() {
        Serial.println("ok");
    }

    public static void loop() {
        String s = "hello";
        Serial.println(s);
    }
}
