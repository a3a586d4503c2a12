package dev.tinyj.runtime.math;

import dev.tinyj.hal.Progmem;

/**
 * TFLite's int16 logistic and tanh by table interpolation: {@code reference_integer_ops::Logistic}
 * (int16 overload, {@code tensorflow/lite/kernels/internal/reference/integer_ops/logistic.h}) and
 * {@code reference_integer_ops::Tanh} (int16 overload, {@code .../integer_ops/tanh.h}) over
 * {@code sigmoid_table_uint16} ({@code tensorflow/lite/kernels/internal/common.h}), tflite-micro
 * 90b983c2b3f1480642e040bbd2ddb37b998f3424. The LSTM's gates use them (Q3.12 in, Q0.15 out).
 *
 * <p>Both scale the input by {@code multiplier · 2^−shift} with rounding ({@code (x · m + 2^(s−1))
 * >> s}, arithmetic shift), take its magnitude, and interpolate linearly in the table of
 * {@code sigmoid(i / 24)} in 0.16 format (256 entries, in flash): logistic with 9 fraction bits per
 * step, tanh (as {@code 2·sigmoid(2x) − 1}) with 8; past the table both saturate. The multiplier
 * and shift here are the ones the reference uses after its power-of-two case
 * ({@code input_multiplier == 0}: multiplier {@code 3 << input_left_shift}, shift 0), which the host
 * folds; with multiplier 3 and shift 0 the input is Q3.12 (the table covers ±10.7).
 */
public final class Int16Sigmoid {
    private Int16Sigmoid() {
    }

    /**
     * {@code sigmoid_table_uint16} of TFLite's {@code common.h}: {@code sigmoid(i / 24)} in 0.16
     * format (65536 · σ within 1.5, ending at 65535), i = 0..255.
     */
    @Progmem
    static final char[] SIGMOID_TABLE = {32768, 33451, 34133, 34813, 35493, 36169, 36843, 37513, 38180, 38841,
        39498, 40149, 40794, 41432, 42064, 42688, 43304, 43912, 44511, 45102, 45683, 46255, 46817, 47369, 47911,
        48443, 48964, 49475, 49975, 50464, 50942, 51409, 51865, 52311, 52745, 53169, 53581, 53983, 54374, 54755,
        55125, 55485, 55834, 56174, 56503, 56823, 57133, 57433, 57724, 58007, 58280, 58544, 58800, 59048, 59288,
        59519, 59743, 59959, 60168, 60370, 60565, 60753, 60935, 61110, 61279, 61441, 61599, 61750, 61896, 62036,
        62172, 62302, 62428, 62549, 62666, 62778, 62886, 62990, 63090, 63186, 63279, 63368, 63454, 63536, 63615,
        63691, 63765, 63835, 63903, 63968, 64030, 64090, 64148, 64204, 64257, 64308, 64357, 64405, 64450, 64494,
        64536, 64576, 64614, 64652, 64687, 64721, 64754, 64786, 64816, 64845, 64873, 64900, 64926, 64950, 64974,
        64997, 65019, 65039, 65060, 65079, 65097, 65115, 65132, 65149, 65164, 65179, 65194, 65208, 65221, 65234,
        65246, 65258, 65269, 65280, 65291, 65301, 65310, 65319, 65328, 65337, 65345, 65352, 65360, 65367, 65374,
        65381, 65387, 65393, 65399, 65404, 65410, 65415, 65420, 65425, 65429, 65433, 65438, 65442, 65445, 65449,
        65453, 65456, 65459, 65462, 65465, 65468, 65471, 65474, 65476, 65479, 65481, 65483, 65485, 65488, 65489,
        65491, 65493, 65495, 65497, 65498, 65500, 65501, 65503, 65504, 65505, 65507, 65508, 65509, 65510, 65511,
        65512, 65513, 65514, 65515, 65516, 65517, 65517, 65518, 65519, 65520, 65520, 65521, 65522, 65522, 65523,
        65523, 65524, 65524, 65525, 65525, 65526, 65526, 65526, 65527, 65527, 65528, 65528, 65528, 65529, 65529,
        65529, 65529, 65530, 65530, 65530, 65530, 65531, 65531, 65531, 65531, 65531, 65532, 65532, 65532, 65532,
        65532, 65532, 65533, 65533, 65533, 65533, 65533, 65533, 65533, 65533, 65534, 65534, 65534, 65534, 65534,
        65534, 65534, 65534, 65534, 65534, 65535};

    /**
     * The int16 logistic of {@code x}: Q0.15 in [0, 32767].
     *
     * @param x int16 input
     * @param multiplier input multiplier (3 for the LSTM's Q3.12 gates)
     * @param shift rounding right shift of the scaled input, 0..31
     */
    public static int logistic(int x, int multiplier, int shift) {
        int scaled = scale(x, multiplier, shift);
        int magnitude = Math.abs(scaled);
        int step = magnitude >> 9;
        int result;
        if (step >= 255) {
            result = 0x7FFF << 10;
        } else {
            int ua = SIGMOID_TABLE[step];
            int ub = SIGMOID_TABLE[step + 1];
            result = (ua << 9) + (magnitude & 0x1FF) * (ub - ua);
        }
        result = scaled >= 0 ? result + (1 << 9) : (1 << (16 + 9)) - result + (1 << 9) - 1;
        return result >> 10;
    }

    /**
     * The int16 tanh of {@code x}: Q0.15 in [−32767, 32767].
     *
     * @param x int16 input
     * @param multiplier input multiplier (3 · 2^k after the power-of-two fold)
     * @param shift rounding right shift of the scaled input, 0..31
     */
    public static int tanh(int x, int multiplier, int shift) {
        int scaled = scale(x, multiplier, shift);
        int magnitude = Math.abs(scaled);
        int step = magnitude >> 8;
        int result;
        if (step >= 255) {
            result = 0xFFFF << 8;
        } else {
            int ua = SIGMOID_TABLE[step];
            int ub = SIGMOID_TABLE[step + 1];
            result = (ua << 8) + (magnitude & 0xFF) * (ub - ua);
        }
        result = scaled >= 0 ? result - (1 << (14 + 9)) + (1 << (9 - 2))
                : -result + (1 << (14 + 9)) + (1 << (9 - 2)) - 1;
        return (short) (result >> (9 - 1));
    }

    /** {@code (x · multiplier + round) >> shift} with round = 2^(shift − 1) (0 when shift is 0). */
    private static int scale(int x, int multiplier, int shift) {
        int round = shift > 0 ? 1 << (shift - 1) : 0;
        return (x * multiplier + round) >> shift;
    }
}
