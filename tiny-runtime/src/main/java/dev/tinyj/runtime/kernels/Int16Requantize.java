package dev.tinyj.runtime.kernels;

import dev.tinyj.hal.Flash;
import dev.tinyj.runtime.math.FixedPoint;

/**
 * What the int16 (16x8: int16 activations, int8 weights) kernels {@link Conv2DInt16},
 * {@link DepthwiseConv2DInt16} and {@link FullyConnectedInt16} share: int16 element access and
 * the output stage of TFLM's {@code reference_integer_ops::ConvPerChannel<AccumScalar>},
 * {@code DepthwiseConvPerChannel} (int16) and {@code FullyConnected[PerChannel]<int16_t, int8_t,
 * int16_t, BiasType>} (tflite-micro 90b983c2b3f1480642e040bbd2ddb37b998f3424,
 * {@code tensorflow/lite/kernels/internal/reference/integer_ops/}).
 *
 * <p>The accumulator is TFLM's {@code AccumScalar}/{@code BiasType}: int64 with an int64 bias
 * (or with no bias, TFLM's default), int32 with an int32 bias. Products of an int8 weight and an
 * int16 activation are int32 in both; the kernels add them into a {@code long}, whose low 32 bits
 * are exactly the wrapping int32 sum, so one loop serves both and only the requantization differs
 * ({@link #toInt16}). The choice is in the {@code P_HAS_BIAS} word of the parameter block:
 * {@link #BIAS} when a bias operand is passed, plus {@link #ACC64} for 64-bit accumulation.
 *
 * <p>Tensors are {@code byte[]}: int16 elements little-endian ({@code Flash.readShort}), int64
 * bias as two little-endian int32 words.
 */
public final class Int16Requantize {
    private Int16Requantize() {
    }

    /** {@code P_HAS_BIAS} flag: a bias operand is passed. */
    public static final int BIAS = 1;
    /** {@code P_HAS_BIAS} flag: accumulate in 64 bits and read an int64 bias (else 32 bits, int32 bias). */
    public static final int ACC64 = 2;

    /** The int16 element {@code index} of {@code data} starting at byte {@code off}. */
    public static int load(byte[] data, int off, int index) {
        return Flash.readShort(data, off + 2 * index);
    }

    /** Stores the low 16 bits of {@code value} as element {@code index} of {@code data} at byte {@code off}. */
    public static void store(byte[] data, int off, int index, int value) {
        int at = off + 2 * index;
        data[at] = (byte) value;
        data[at + 1] = (byte) (value >> 8);
    }

    /** Bias of channel {@code channel}: int64 when {@code acc64}, else int32 (sign-extended). */
    public static long bias(byte[] bias, int biasOff, int channel, boolean acc64) {
        if (acc64) {
            int at = biasOff + 8 * channel;
            return (long) Flash.readInt(bias, at + 4) << 32 | Flash.readInt(bias, at) & 0xFFFFFFFFL;
        }
        return Flash.readInt(bias, biasOff + 4 * channel);
    }

    /**
     * {@code clamp(MultiplyByQuantizedMultiplier(acc, multiplier, shift) + outputOffset, min, max)}
     * with TFLM's int64 overload when {@code acc64}, else its int32 overload on the low 32 bits.
     *
     * @param shift TFLite convention: positive shifts left
     */
    public static int toInt16(long acc, int multiplier, int shift, boolean acc64, int outputOffset, int min,
            int max) {
        int v = acc64 ? FixedPoint.multiplyByQuantizedMultiplier(acc, multiplier, shift)
                : FixedPoint.multiplyByQuantizedMultiplier((int) acc, multiplier, shift);
        v += outputOffset;
        v = Math.max(v, min);
        return Math.min(v, max);
    }
}
