package dev.tinyj.emulator.toolchain.prepare;

import dev.tinyj.emulator.toolchain.graph.DType;
import dev.tinyj.emulator.toolchain.graph.Quantization;
import dev.tinyj.emulator.toolchain.graph.TensorInfo;
import dev.tinyj.runtime.kernels.LstmGate;
import dev.tinyj.runtime.kernels.UnidirectionalSequenceLstm;

/**
 * The fixed-point parameters of the integer LSTM, as TFLM's prepare computes them in
 * {@code PrepareGateParametersInteger}, {@code CreateGateParams}, {@code CreateInterGateMulParams}
 * and {@code CreateLstmCellStateInfo} ({@code tensorflow/lite/micro/kernels/lstm_eval_common.cc},
 * with {@code CalculateOpDataFullyConnected} of {@code fully_connected_common.cc} and
 * {@code GetQuantizedConvolutionMultipler} of {@code tensorflow/lite/kernels/kernel_util.cc},
 * tflite-micro 90b983c2b3f1480642e040bbd2ddb37b998f3424):
 *
 * <ul>
 * <li>each gate's two fully-connected products go to int16 at TFLM's fixed gate scale 2^−12
 *     (zero point 0): multiplier of {@code (double) (float) (input_scale × filter_scale) / 2^−12}
 *     (the product in float, as {@code GetQuantizedConvolutionMultipler} takes it), the filter
 *     offset −filter zero point; no bias scale check (TFLM passes no bias);</li>
 * <li>the gates' outputs are Q0.15 (scale 2^−15); forget × cell → cell:
 *     {@code 2^−15 · s_cell / s_cell}; input × cell gate → cell: {@code 2^−15 · 2^−15 / s_cell};
 *     tanh(cell) × output gate → hidden: {@code 2^−15 · 2^−15 / s_hidden} plus the hidden zero
 *     point (two double products then a double quotient, {@code QuantizeMultiplier});</li>
 * <li>the cell state: {@code CheckedLog2} of its scale in float (its "not a power of two" answer
 *     ignored, as TFLM ignores it) gives the tanh input shift {@code 15 + log2 − 3}; the cell clip
 *     {@code (int16) clamp(cell_clip / s_cell, −32768, 32767)}, truncated, applied when
 *     {@code cell_clip > 0}.</li>
 * </ul>
 */
final class LstmScales {
    private LstmScales() {
    }

    /** TFLM's gate (nonlinear input) scale, 2^−12: Q3.12. */
    static final float GATE_INPUT_SCALE = 0.000244140625f;
    /** TFLM's gate output (nonlinear output) scale, 2^−15: Q0.15. */
    static final float GATE_OUTPUT_SCALE = 0.000030517578125f;

    /**
     * Writes one gate's {@link LstmGate} fields at {@code gateAt}: the input-to-gate product of
     * {@code input} and {@code filter}, the recurrent product of {@code hidden} and
     * {@code recurrent}.
     */
    static void gate(OpContext ctx, ParamBlock block, int gateAt, TensorInfo input, TensorInfo filter,
            TensorInfo hidden, TensorInfo recurrent) throws PrepareException {
        QuantizedMultiplier in = fullyConnected(ctx, input, filter);
        QuantizedMultiplier rec = fullyConnected(ctx, hidden, recurrent);
        product(block, gateAt + LstmGate.G_INPUT, filter, in);
        product(block, gateAt + LstmGate.G_RECURRENT, recurrent, rec);
    }

    /** Writes one product's fields at {@code fieldsAt}: −filter zero point, multiplier, shift. */
    private static void product(ParamBlock block, int fieldsAt, TensorInfo filter, QuantizedMultiplier m) {
        block.set(fieldsAt + LstmGate.F_FILTER_OFFSET, -filter.quantization().zeroPoint0())
                .set(fieldsAt + LstmGate.F_MULTIPLIER, m.multiplier()).set(fieldsAt + LstmGate.F_SHIFT, m.shift());
    }

    /** The int8 × int8 → int16 product's multiplier ({@code CalculateOpDataFullyConnected}, per-tensor). */
    private static QuantizedMultiplier fullyConnected(OpContext ctx, TensorInfo input, TensorInfo filter)
            throws PrepareException {
        TensorInfo gateOutput = new TensorInfo(-1, "gate", DType.INT16, new int[0],
                Quantization.perTensor(GATE_INPUT_SCALE, 0), null);
        ConvQuantization q = ConvQuantization.fullyConnectedPerTensor(ctx, input, filter, null, gateOutput);
        return new QuantizedMultiplier(q.multipliers()[0], q.shifts()[0]);
    }

    /** Writes the three element-wise products' multipliers and shifts, and the hidden zero point. */
    static void products(ParamBlock block, float cellScale, Quantization hidden) {
        QuantizedMultiplier forget = interGate(GATE_OUTPUT_SCALE, cellScale, cellScale);
        QuantizedMultiplier input = interGate(GATE_OUTPUT_SCALE, GATE_OUTPUT_SCALE, cellScale);
        QuantizedMultiplier out = interGate(GATE_OUTPUT_SCALE, GATE_OUTPUT_SCALE, hidden.scale0());
        block.set(UnidirectionalSequenceLstm.P_FORGET_MULTIPLIER, forget.multiplier())
                .set(UnidirectionalSequenceLstm.P_FORGET_SHIFT, forget.shift())
                .set(UnidirectionalSequenceLstm.P_INPUT_MULTIPLIER, input.multiplier())
                .set(UnidirectionalSequenceLstm.P_INPUT_SHIFT, input.shift())
                .set(UnidirectionalSequenceLstm.P_HIDDEN_MULTIPLIER, out.multiplier())
                .set(UnidirectionalSequenceLstm.P_HIDDEN_SHIFT, out.shift())
                .set(UnidirectionalSequenceLstm.P_HIDDEN_ZERO_POINT, hidden.zeroPoint0());
    }

    /** {@code CreateInterGateMulParams}: {@code (double) s1 · (double) s2 / (double) s_out}. */
    private static QuantizedMultiplier interGate(float s1, float s2, float out) {
        double inputProduct = (double) s1 * (double) s2;
        return QuantizedMultiplier.of(inputProduct / (double) out);
    }

    /**
     * Writes the cell state's tanh scaling and clip.
     *
     * @throws PrepareException when the cell state scale's power of two puts the int16 tanh's
     *     input scaling outside int32 arithmetic (TFLM would shift by 32 or more or overflow)
     */
    static void cell(OpContext ctx, ParamBlock block, TensorInfo cellState, float cellClip) throws PrepareException {
        float scale = cellState.quantization().scale0();
        int power = checkedLog2(scale);
        int leftShift = 15 + power - 3;
        if (leftShift < -31 || leftShift > 14) {
            throw new PrepareException(ctx.where() + ": " + cellState.describe() + " (cell state) scale " + scale
                    + " is 2^" + power + "; the int16 tanh needs a power from -43 to 2");
        }
        block.set(UnidirectionalSequenceLstm.P_CELL_TANH_MULTIPLIER, leftShift >= 0 ? 3 << leftShift : 3)
                .set(UnidirectionalSequenceLstm.P_CELL_TANH_SHIFT, leftShift >= 0 ? 0 : -leftShift);
        int clip = -1;
        if (cellClip > 0) {
            double q = Math.min(Math.max((double) cellClip / (double) scale, -32768.0), 32767.0);
            clip = (short) (long) q;
        }
        block.set(UnidirectionalSequenceLstm.P_CELL_CLIP, clip);
    }

    /**
     * {@code CheckedLog2}'s result: {@code log(x) · (1 / log(2))} in float, rounded half away from
     * zero ({@code TfLiteRound}).
     */
    static int checkedLog2(float x) {
        float log2 = (float) Math.log(x) * (1.0f / (float) Math.log(2.0f));
        return QuantizedMultiplier.roundHalfAwayFromZero(log2);
    }
}
