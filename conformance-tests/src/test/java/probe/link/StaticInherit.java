package probe.link;

import dev.tinyj.hal.Serial;

/** Writes {@code Base.x}, reads {@code Sub.x}: one field, so a JVM prints 5 (issue 12). */
public final class StaticInherit {
    public static void setup() {
        Base.x = 5;
        Serial.println(Sub.x);
        Sub.x = 7;
        Serial.println(Base.x);
    }

    public static void loop() {
    }
}
