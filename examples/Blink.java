import dev.tinyj.hal.Gpio;
import dev.tinyj.hal.Mcu;
import dev.tinyj.hal.Serial;

/** Blinks the LED on pin 13 and reports the time each half-period took, in cycles. */
public class Blink {
    static final int LED = 13;
    static int state;

    public static void setup() {
        Gpio.pinMode(LED, Gpio.OUTPUT);
        Serial.println("blink");
    }

    public static void loop() {
        long start = Mcu.cycles();
        state ^= 1;
        Gpio.digitalWrite(LED, state);
        Mcu.sleepMicros(500_000);
        Serial.print("led ");
        Serial.print(Gpio.digitalRead(LED));
        Serial.print(" after ");
        Serial.print(Mcu.cycles() - start);
        Serial.println(" cycles");
    }
}
