package dev.tinyj.runtime.math;

/**
 * Fixed-point primitives of gemmlowp and TFLite, in the restricted subset (int and long only).
 * Pinned to tflite-micro commit 90b983c2b3f1480642e040bbd2ddb37b998f3424:
 * {@code third_party/gemmlowp/fixedpoint/fixedpoint.h} and
 * {@code tensorflow/lite/kernels/internal/common.h} ({@code MultiplyByQuantizedMultiplier}, the
 * default double-rounding form: {@code TFLITE_SINGLE_ROUNDING} is not defined in TFLM).
 */
public final class FixedPoint {
    private FixedPoint() {
    }

    /**
     * gemmlowp {@code SaturatingRoundingDoublingHighMul}: the high 32 bits of {@code 2·a·b},
     * rounded to nearest with the nudge {@code ±2^30} and a division by {@code 2^31} that
     * truncates toward zero (not a shift); saturates the one overflow case
     * {@code a == b == Integer.MIN_VALUE} to {@code Integer.MAX_VALUE}.
     */
    public static int saturatingRoundingDoublingHighMul(int a, int b) {
        if (a == b && a == Integer.MIN_VALUE) {
            return Integer.MAX_VALUE;
        }
        long ab = (long) a * (long) b;
        long nudge = ab >= 0 ? 1L << 30 : 1 - (1L << 30);
        return (int) ((ab + nudge) / (1L << 31));
    }

    /**
     * gemmlowp {@code RoundingDivideByPOT}: {@code x / 2^exponent} rounded to nearest, ties away
     * from zero.
     *
     * @param exponent 0..31
     */
    public static int roundingDivideByPOT(int x, int exponent) {
        int mask = (int) ((1L << exponent) - 1);
        int remainder = x & mask;
        int threshold = (mask >> 1) + (x < 0 ? 1 : 0);
        return (x >> exponent) + (remainder > threshold ? 1 : 0);
    }

    /**
     * TFLite {@code MultiplyByQuantizedMultiplier(x, quantized_multiplier, shift)}: {@code x} times
     * the real multiplier {@code quantized_multiplier · 2^(shift − 31)}. A positive shift is applied
     * as a left shift before the high multiply (wrapping like the C++ int32 multiply), a negative
     * one as a rounding right shift after it.
     *
     * @param multiplier Q31 multiplier from {@code QuantizeMultiplier} (≥ 0)
     * @param shift exponent, −31..30
     */
    public static int multiplyByQuantizedMultiplier(int x, int multiplier, int shift) {
        int leftShift = shift > 0 ? shift : 0;
        int rightShift = shift > 0 ? 0 : -shift;
        return roundingDivideByPOT(saturatingRoundingDoublingHighMul(x * (1 << leftShift), multiplier), rightShift);
    }

    /**
     * TFLite {@code MultiplyByQuantizedMultiplier(int64_t x, quantized_multiplier, shift)}, the
     * double-rounding form the 16x8 kernels use on their 64-bit accumulators
     * ({@code tensorflow/lite/kernels/internal/common.cc}): the Q31 multiplier is first rounded to
     * 16 bits ({@code (multiplier + 2^15) >> 16}, or {@code 0x7FFF} from {@code 0x7FFF0000} up),
     * then {@code (x · reduced + 2^(total − 1)) >> total} with {@code total = 15 − shift}, the
     * product and sum wrapping in 64 bits and the result truncated to 32 bits as the C++ does.
     *
     * @param multiplier Q31 multiplier from {@code QuantizeMultiplier}
     * @param shift exponent; TFLM asserts −31..7, the arithmetic is defined up to 14 (prepare
     *     refuses more)
     */
    public static int multiplyByQuantizedMultiplier(long x, int multiplier, int shift) {
        int reduced = multiplier < 0x7FFF0000 ? (multiplier + (1 << 15)) >> 16 : 0x7FFF;
        int totalShift = 15 - shift;
        return (int) ((x * reduced + (1L << (totalShift - 1))) >> totalShift);
    }
}
