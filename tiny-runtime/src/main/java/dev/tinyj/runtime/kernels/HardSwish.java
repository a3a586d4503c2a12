package dev.tinyj.runtime.kernels;

import dev.tinyj.hal.Flash;

/**
 * HARD_SWISH, int8: TFLM's {@code reference_ops::HardSwish<int8_t>}
 * ({@code tensorflow/lite/kernels/internal/reference/hard_swish.h}; parameters from
 * {@code tensorflow/lite/micro/kernels/hard_swish_common.cc} {@code HardSwishPrepare}, tflite-micro
 * 90b983c2b3f1480642e040bbd2ddb37b998f3424), {@code x · relu6(x + 3) / 6} in 16-bit fixed point.
 * Every intermediate is an int16 as in the C++ (held in an {@code int}, narrowed with
 * {@code (short)} where the C++ narrows). Per element, in order:
 * <ol>
 * <li>{@code v = input − input_zero_point}; {@code hires = v · 2^7};</li>
 * <li>{@code preshift = SRDHM16(hires, output_multiplier)} (gemmlowp's int16
 * {@code SaturatingRoundingDoublingHighMul});</li>
 * <li>the "reluish" value: {@code hires}, for a positive reluish exponent {@code e} first
 * saturating-shifted left by {@code e − 1}, then {@code SRDHM16} by the reluish multiplier, then
 * (positive {@code e}) saturating-shifted left by 1, or (negative {@code e}) rounding-divided by
 * {@code 2^−e}; then mapped from [−1, 1] to [0, 1] as {@code (r + 2^15) >> 1};</li>
 * <li>{@code SaturatingDoublingHighMul(reluish, preshift)} (truncating, not rounding), rounding-divided
 * by {@code 2^−output_exponent}, plus the output zero point (int16 wrap), clamped to int8.</li>
 * </ol>
 * The rounding divisions are gemmlowp's {@code RoundingDivideByPOT} on int16: its mask
 * {@code 2^exponent − 1} is narrowed to int16, so for an exponent of 16 or more it is −1 and a
 * non-negative value divides to 1, a negative one to −1 (TFLM does the same).
 * Element i is read just before it is written, in increasing order, so the output may overwrite
 * the input.
 *
 * <p>Parameter block (int32 fields, byte offsets): {@link #P_COUNT} (elements),
 * {@link #P_INPUT_ZERO_POINT}, {@link #P_OUTPUT_ZERO_POINT}, {@link #P_OUTPUT_MULTIPLIER} (int16
 * Q15, from {@code DownScaleInt32ToInt16Multiplier}) and {@link #P_OUTPUT_EXPONENT} (≤ 0),
 * {@link #P_RELUISH_MULTIPLIER} (int16 Q15) and {@link #P_RELUISH_EXPONENT} (−31..31). Size
 * {@link #P_SIZE}.
 */
public final class HardSwish {
    private HardSwish() {
    }

    public static final int P_COUNT = 0;
    public static final int P_INPUT_ZERO_POINT = 4;
    public static final int P_OUTPUT_ZERO_POINT = 8;
    public static final int P_OUTPUT_MULTIPLIER = 12;
    public static final int P_OUTPUT_EXPONENT = 16;
    public static final int P_RELUISH_MULTIPLIER = 20;
    public static final int P_RELUISH_EXPONENT = 24;
    public static final int P_SIZE = 28;

    /** {@code output[i] = hard_swish(input[i])} for the block's element count, int8 to int8. */
    public static void eval(byte[] params, int p, byte[] input, int inputOff, byte[] output, int outputOff) {
        int count = Flash.readInt(params, p + P_COUNT);
        int inputZp = Flash.readInt(params, p + P_INPUT_ZERO_POINT);
        int outputZp = Flash.readInt(params, p + P_OUTPUT_ZERO_POINT);
        int outputMultiplier = Flash.readInt(params, p + P_OUTPUT_MULTIPLIER);
        int outputExponent = Flash.readInt(params, p + P_OUTPUT_EXPONENT);
        int reluishMultiplier = Flash.readInt(params, p + P_RELUISH_MULTIPLIER);
        int reluishExponent = Flash.readInt(params, p + P_RELUISH_EXPONENT);
        for (int i = 0; i < count; i++) {
            int hires = (short) ((input[inputOff + i] - inputZp) * 128);
            int preshift = srdhm16(hires, outputMultiplier);
            int reluish = hires;
            if (reluishExponent > 0) {
                reluish = saturatingLeftShift16(reluish, reluishExponent - 1);
            }
            reluish = srdhm16(reluish, reluishMultiplier);
            if (reluishExponent > 0) {
                reluish = saturatingLeftShift16(reluish, 1);
            }
            if (reluishExponent < 0) {
                reluish = roundingDivideByPOT16(reluish, -reluishExponent);
            }
            reluish = (reluish + 32768) >> 1;
            int value = roundingDivideByPOT16(doublingHighMul16(reluish, preshift), -outputExponent);
            value = (short) (value + outputZp);
            output[outputOff + i] = (byte) Math.min(127, Math.max(-128, value));
        }
    }

    /** gemmlowp {@code SaturatingRoundingDoublingHighMul(int16, int16)}: nudge ±2^14, truncating division by 2^15. */
    private static int srdhm16(int a, int b) {
        if (a == b && a == -32768) {
            return 32767;
        }
        int ab = a * b;
        int nudge = ab >= 0 ? 16384 : -16383;
        return (short) ((ab + nudge) / 32768);
    }

    /** TFLM's {@code SaturatingDoublingHighMul(int16, int16)} (hard_swish.h): the same without the nudge. */
    private static int doublingHighMul16(int a, int b) {
        if (a == b && a == -32768) {
            return 32767;
        }
        return (short) ((a * b) / 32768);
    }

    /** TFLM's {@code SaturatingLeftShift(int16, amount)}: {@code value · 2^amount} clamped to int16 (amount 0..30). */
    private static int saturatingLeftShift16(int value, int amount) {
        long result = (long) value * (1 << amount);
        return (int) Math.min(Math.max(result, -32768), 32767);
    }

    /**
     * gemmlowp {@code RoundingDivideByPOT<int16_t>(x, exponent)}: mask, remainder, threshold and
     * result each narrowed to int16 as the template's {@code IntegerType} narrows them.
     *
     * @param exponent 0..31
     */
    private static int roundingDivideByPOT16(int x, int exponent) {
        int mask = (short) ((1L << exponent) - 1);
        int remainder = (short) (x & mask);
        int threshold = (short) ((mask >> 1) + (x < 0 ? 1 : 0));
        return (short) ((short) (x >> exponent) + (remainder > threshold ? 1 : 0));
    }
}
