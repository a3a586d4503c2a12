package dev.tinyj.runtime.demo;

import dev.tinyj.hal.Mcu;
import dev.tinyj.hal.Profiler;
import dev.tinyj.hal.Progmem;
import dev.tinyj.hal.Serial;

/**
 * Demo firmware: one int8 fully-connected neuron, the inner loop of every int8 model. A 64-input
 * dot product of an int8 input (zero point {@link #INPUT_ZERO_POINT}) with int8 weights from a
 * flash table, an int32 bias, then requantization to int8 with a fixed-point multiplier
 * (gemmlowp's SaturatingRoundingDoublingHighMul and a rounding right shift, as TFLite's
 * MultiplyByQuantizedMultiplier does) and a ReLU clamp.
 *
 * <p>Each {@code loop()} derives a new input from the previous output, prints the output and the
 * cycles of the measured window, so runs are deterministic and easy to compare between boards.
 */
public final class DotProductDemo {
    static final int N = 64;
    static final int INPUT_ZERO_POINT = -3;
    static final int OUTPUT_ZERO_POINT = -128;
    /** 0.0123 as a Q31 multiplier with shift -6: (1,690,632,356 / 2^31) x 2^-6. */
    static final int MULTIPLIER = 1_690_632_356;
    static final int SHIFT = 6;
    static final int BIAS = 1_234;

    @Progmem
    static final byte[] WEIGHTS = {
        12, -7, 33, 90, -128, 5, 0, 17, -45, 66, 23, -9, 100, -100, 1, 2,
        -3, 4, 55, -66, 77, -88, 99, -110, 121, -127, 8, 16, 32, 64, -64, -32,
        -16, -8, 3, 6, 9, 12, 15, 18, 21, 24, 27, 30, -30, -27, -24, -21,
        -18, -15, -12, -9, -6, -3, 127, 126, -125, 124, -123, 122, 11, 22, 33, 44
    };

    static byte[] input;
    static int round;

    private DotProductDemo() {
    }

    public static void setup() {
        input = new byte[N];
        for (int i = 0; i < N; i++) {
            input[i] = (byte) (i * 37 - 100);
        }
        Serial.println("TinyJ demo: int8 dot product, 64 inputs");
    }

    public static void loop() {
        long start = Mcu.cycles();
        Profiler.begin(0);
        int acc = BIAS;
        for (int i = 0; i < N; i++) {
            acc += (input[i] - INPUT_ZERO_POINT) * WEIGHTS[i];
        }
        int out = rescale(acc) + OUTPUT_ZERO_POINT;
        out = Math.max(OUTPUT_ZERO_POINT, Math.min(127, out));
        Profiler.end(0);
        long cycles = Mcu.cycles() - start;

        round++;
        Serial.print("round ");
        Serial.print(round);
        Serial.print(": acc ");
        Serial.print(acc);
        Serial.print(" -> int8 ");
        Serial.print(out);
        Serial.print(" (");
        Serial.print(cycles);
        Serial.println(" cycles)");
        for (int i = 0; i < N; i++) {
            input[i] = (byte) (input[i] + out + i);
        }
    }

    /** MultiplyByQuantizedMultiplier for a right shift: SRDHM then rounding divide by 2^SHIFT. */
    static int rescale(int x) {
        int high = srdhm(x, MULTIPLIER);
        int mask = (1 << SHIFT) - 1;
        int remainder = high & mask;
        int threshold = (mask >> 1) + (high < 0 ? 1 : 0);
        return (high >> SHIFT) + (remainder > threshold ? 1 : 0);
    }

    /** gemmlowp SaturatingRoundingDoublingHighMul: (a x b x 2 + 2^31 nudge) / 2^32, saturating. */
    static int srdhm(int a, int b) {
        if (a == Integer.MIN_VALUE && b == Integer.MIN_VALUE) {
            return Integer.MAX_VALUE;
        }
        long ab = (long) a * (long) b;
        long nudge = ab >= 0 ? 1L << 30 : 1 - (1L << 30);
        return (int) ((ab + nudge) / (1L << 31));
    }
}
