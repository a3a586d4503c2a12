package dev.tinyj.runtime.kernels;

import dev.tinyj.hal.Flash;
import dev.tinyj.runtime.math.FixedPoint;

/**
 * One LSTM gate's pre-activation for one row and one unit, as TFLM's
 * {@code lstm_internal::CalculateLstmGate} computes it before its activation
 * ({@code tensorflow/lite/micro/kernels/lstm_eval.h}, tflite-micro
 * 90b983c2b3f1480642e040bbd2ddb37b998f3424): the input fully-connected (with the gate's bias) and
 * the recurrent fully-connected (no bias), each {@code reference_integer_ops::FullyConnected} from
 * int8 to int16 (output offset 0, clamped to int16), then {@code AddElementWise}: their sum
 * saturated to int16. The result is Q3.12 (TFLM's fixed nonlinear input scale 2^−12).
 *
 * <p>Gate fields (int32 at {@code gateAt +} the {@code G_*} offsets of the LSTM's parameter block,
 * see {@link UnidirectionalSequenceLstm}): filter offsets (−filter zero point) and the
 * {@code QuantizeMultiplier} of {@code input_scale · filter_scale / 2^−12} for both products.
 */
public final class LstmGate {
    private LstmGate() {
    }

    /** −input-to-gate filter zero point. */
    public static final int G_INPUT_FILTER_OFFSET = 0;
    public static final int G_INPUT_MULTIPLIER = 4;
    public static final int G_INPUT_SHIFT = 8;
    /** −recurrent-to-gate filter zero point. */
    public static final int G_RECURRENT_FILTER_OFFSET = 12;
    public static final int G_RECURRENT_MULTIPLIER = 16;
    public static final int G_RECURRENT_SHIFT = 20;
    /** Bytes of one gate's fields. */
    public static final int G_BYTES = 24;

    /**
     * {@code sat16(FC(input row) + FC(hidden row))} for {@code unit}.
     *
     * @param input int8 input, the row at {@code inputRow}, {@code inputDim} values
     * @param inputOffset −input zero point
     * @param filter int8 [units, inputDim] at {@code filterOff}
     * @param bias int32 [units] little-endian at {@code biasOff}
     * @param hidden int8 hidden state, the row at {@code hiddenRow}, {@code stateDim} values
     * @param hiddenOffset −hidden state zero point
     * @param recurrent int8 [units, stateDim] at {@code recurrentOff}
     */
    static int preActivation(byte[] params, int gateAt, int unit, byte[] input, int inputRow, int inputDim,
            int inputOffset, byte[] filter, int filterOff, byte[] bias, int biasOff, byte[] hidden, int hiddenRow,
            int stateDim, int hiddenOffset, byte[] recurrent, int recurrentOff) {
        int filterOffset = Flash.readInt(params, gateAt + G_INPUT_FILTER_OFFSET);
        int f = filterOff + unit * inputDim;
        int acc = 0;
        for (int d = 0; d < inputDim; d++) {
            acc += (filter[f + d] + filterOffset) * (input[inputRow + d] + inputOffset);
        }
        acc += Flash.readInt(bias, biasOff + 4 * unit);
        int fromInput = toInt16(FixedPoint.multiplyByQuantizedMultiplier(acc,
                Flash.readInt(params, gateAt + G_INPUT_MULTIPLIER), Flash.readInt(params, gateAt + G_INPUT_SHIFT)));
        int recurrentOffset = Flash.readInt(params, gateAt + G_RECURRENT_FILTER_OFFSET);
        int r = recurrentOff + unit * stateDim;
        acc = 0;
        for (int d = 0; d < stateDim; d++) {
            acc += (recurrent[r + d] + recurrentOffset) * (hidden[hiddenRow + d] + hiddenOffset);
        }
        int fromHidden = toInt16(FixedPoint.multiplyByQuantizedMultiplier(acc,
                Flash.readInt(params, gateAt + G_RECURRENT_MULTIPLIER),
                Flash.readInt(params, gateAt + G_RECURRENT_SHIFT)));
        return toInt16(fromInput + fromHidden);
    }

    /** Clamps to int16. */
    static int toInt16(int x) {
        return Math.min(32767, Math.max(-32768, x));
    }
}
