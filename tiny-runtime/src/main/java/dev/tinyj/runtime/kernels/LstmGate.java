package dev.tinyj.runtime.kernels;

import dev.tinyj.hal.Flash;
import dev.tinyj.runtime.math.FixedPoint;

/**
 * One of the two fully-connected products of an LSTM gate for one row and one unit, as TFLM's
 * {@code lstm_internal::CalculateLstmGate} computes them before its {@code AddElementWise} and
 * activation ({@code tensorflow/lite/micro/kernels/lstm_eval.h}, tflite-micro
 * 90b983c2b3f1480642e040bbd2ddb37b998f3424): {@code reference_integer_ops::FullyConnected} from
 * int8 to int16 with output offset 0, clamped to int16, at TFLM's fixed gate scale 2^−12 (Q3.12).
 * The input-to-gate product carries the gate's bias; the recurrent one has none.
 *
 * <p>Gate fields (int32 at {@code gateAt +} the {@code G_*} offsets of the LSTM's parameter block,
 * see {@link UnidirectionalSequenceLstm}): for each product, the filter offset (−filter zero
 * point), then the {@code QuantizeMultiplier} of {@code activation_scale · filter_scale / 2^−12}
 * (multiplier, shift).
 */
public final class LstmGate {
    private LstmGate() {
    }

    /** The input-to-gate product's fields: filter offset, multiplier, shift. */
    public static final int G_INPUT = 0;
    /** The recurrent product's fields: filter offset, multiplier, shift. */
    public static final int G_RECURRENT = 12;
    /** Within a product's fields: −filter zero point. */
    public static final int F_FILTER_OFFSET = 0;
    public static final int F_MULTIPLIER = 4;
    public static final int F_SHIFT = 8;
    /** Bytes of one gate's fields. */
    public static final int G_BYTES = 24;

    /**
     * {@code clamp16(MultiplyByQuantizedMultiplier(Σ (filter + filter_offset) · (x + x_offset) +
     * bias))} over {@code depth} values.
     *
     * @param fieldsAt the product's fields ({@code gateAt + G_INPUT} or {@code gateAt + G_RECURRENT})
     * @param x int8 activations (the input row or the hidden state row) from {@code xAt}
     * @param xOffset −activation zero point
     * @param filter int8 filter row of this unit from {@code filterAt}
     * @param bias the unit's int32 bias, 0 for the recurrent product
     */
    static int product(byte[] params, int fieldsAt, byte[] x, int xAt, int depth, int xOffset, byte[] filter,
            int filterAt, int bias) {
        int filterOffset = Flash.readInt(params, fieldsAt + F_FILTER_OFFSET);
        int acc = 0;
        for (int d = 0; d < depth; d++) {
            acc += (filter[filterAt + d] + filterOffset) * (x[xAt + d] + xOffset);
        }
        return toInt16(FixedPoint.multiplyByQuantizedMultiplier(acc + bias,
                Flash.readInt(params, fieldsAt + F_MULTIPLIER), Flash.readInt(params, fieldsAt + F_SHIFT)));
    }

    /** Clamps to int16. */
    static int toInt16(int x) {
        return Math.min(32767, Math.max(-32768, x));
    }
}
