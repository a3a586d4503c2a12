import dev.tinyj.hal.Flash;
import dev.tinyj.hal.Gpio;
import dev.tinyj.hal.Mcu;
import dev.tinyj.hal.Serial;
import dev.tinyj.runtime.model.ModelImage;
import dev.tinyj.runtime.model.ModelRunner;

/**
 * TinyML's "hello world" on TinyJ: the sine model in flash segment 0 predicts y = sin(x) for a
 * sweep of x over [0, 2pi); each loop() runs one inference, sets the LED on pin 9 to a PWM
 * brightness that follows y, and prints x and y. Quantization parameters come from the model
 * image's tensor table (real = scale x (q - zero_point)).
 */
public class HelloSine {
    static final int LED = 9;
    static final int STEPS = 16;
    static final float TWO_PI = 6.2831855f;

    static byte[] image;
    static byte[] arena;
    static int step;

    public static void setup() {
        image = Flash.segment(0);
        ModelImage.validate(image);
        arena = new byte[ModelImage.arenaBytes(image)];
        Gpio.pinMode(LED, Gpio.OUTPUT);
        Serial.println("x y");
    }

    public static void loop() {
        float x = TWO_PI * step / STEPS;
        step = (step + 1) % STEPS;
        int in = ModelImage.inputTensor(image, 0);
        float inScale = Float.intBitsToFloat(ModelImage.tensorField(image, in, ModelImage.T_SCALE_BITS));
        int inZero = ModelImage.tensorField(image, in, ModelImage.T_ZERO_POINT);
        float scaled = x / inScale;
        int q = (int) (scaled + (scaled >= 0 ? 0.5f : -0.5f)) + inZero; // round half away from zero
        arena[ModelImage.inputOffset(image, 0)] = (byte) Math.max(-128, Math.min(127, q));

        long start = Mcu.cycles();
        ModelRunner.invoke(image, arena);
        long cycles = Mcu.cycles() - start;

        int out = ModelImage.outputTensor(image, 0);
        float outScale = Float.intBitsToFloat(ModelImage.tensorField(image, out, ModelImage.T_SCALE_BITS));
        int outZero = ModelImage.tensorField(image, out, ModelImage.T_ZERO_POINT);
        float y = outScale * (arena[ModelImage.outputOffset(image, 0)] - outZero);
        Gpio.analogWrite(LED, (int) ((y + 1f) * 127.5f));

        Serial.print(x);
        Serial.print(' ');
        Serial.print(y);
        Serial.print("  (");
        Serial.print(cycles);
        Serial.println(" cycles)");
    }
}
