package fw.cli;

import dev.tinyj.hal.Serial;

/** CLI firmware: prints a greeting in setup() and the loop number in each loop(). */
public class Hello {
    static int count;

    public static void setup() {
        count = 0;
        Serial.println("hello");
    }

    public static void loop() {
        count++;
        Serial.print("loop ");
        Serial.println(count);
    }
}
