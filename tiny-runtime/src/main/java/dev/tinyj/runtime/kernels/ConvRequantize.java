package dev.tinyj.runtime.kernels;

import dev.tinyj.hal.Flash;
import dev.tinyj.runtime.math.FixedPoint;

/**
 * The output stage shared by {@link Conv2D}, {@link DepthwiseConv2D} and {@link FullyConnected}:
 * the int32 accumulator (bias already added) is scaled by the channel's quantized multiplier,
 * moved to the output zero point and clamped to the fused activation range, exactly as the tail of
 * TFLM's {@code reference_integer_ops::ConvPerChannel}, {@code DepthwiseConvPerChannel} and
 * {@code FullyConnected[PerChannel]} does it (tflite-micro
 * 90b983c2b3f1480642e040bbd2ddb37b998f3424, {@code kernels/internal/reference/integer_ops/}).
 *
 * <p>Channel multipliers live in the params block as two int32 arrays (all multipliers, then all
 * shifts) of {@code count} entries; a per-tensor layer stores one entry and reads it with a channel
 * step of 0, a per-channel layer one entry per output channel with a step of 1.
 */
public final class ConvRequantize {
    private ConvRequantize() {
    }

    /**
     * {@code clamp(MultiplyByQuantizedMultiplier(acc, multiplier, shift) + outputOffset, min, max)}.
     *
     * @param shift TFLite convention: positive shifts left
     */
    public static int toInt8(int acc, int multiplier, int shift, int outputOffset, int min, int max) {
        int v = FixedPoint.multiplyByQuantizedMultiplier(acc, multiplier, shift) + outputOffset;
        v = Math.max(v, min);
        return Math.min(v, max);
    }

    /**
     * The multiplier of channel {@code channel}.
     *
     * @param at byte offset of the multiplier array in {@code params}
     * @param step 1 for per-channel arrays, 0 for a single per-tensor entry
     */
    public static int multiplier(byte[] params, int at, int step, int channel) {
        return Flash.readInt(params, at + 4 * step * channel);
    }

    /**
     * The shift of channel {@code channel}: the shift array follows the {@code count} multipliers.
     *
     * @param count entries in each array (1 per-tensor, else the output depth)
     */
    public static int shift(byte[] params, int at, int count, int step, int channel) {
        return Flash.readInt(params, at + 4 * count + 4 * step * channel);
    }
}
