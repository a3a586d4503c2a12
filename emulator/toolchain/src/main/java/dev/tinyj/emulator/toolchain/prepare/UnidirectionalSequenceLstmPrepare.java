package dev.tinyj.emulator.toolchain.prepare;

import dev.tinyj.emulator.toolchain.graph.DType;
import dev.tinyj.emulator.toolchain.graph.TensorInfo;
import dev.tinyj.emulator.toolchain.ops.Bridge;
import dev.tinyj.emulator.toolchain.ops.OpSpec;
import dev.tinyj.emulator.toolchain.ops.Operands;
import dev.tinyj.emulator.toolchain.tflite.OptionField;
import dev.tinyj.emulator.toolchain.tflite.OptionField.Kind;
import dev.tinyj.runtime.kernels.LstmGate;
import dev.tinyj.runtime.kernels.UnidirectionalSequenceLstm;
import java.util.Arrays;

/**
 * UNIDIRECTIONAL_SEQUENCE_LSTM prepare, as TFLM's {@code UnidirectionalSequenceLstmPrepare}
 * ({@code micro/kernels/unidirectional_sequence_lstm.cc}) with {@code LstmTensors::ValidateTensorStatus}
 * ({@code lstm_eval.cc}), {@code CreateLstmSizeInfo} and {@code ValidateTensorSize}
 * ({@code lstm_eval_common.cc}) and the type dispatch of its {@code Eval}, tflite-micro
 * 90b983c2b3f1480642e040bbd2ddb37b998f3424; the fixed-point parameters are {@link LstmScales}'.
 *
 * <p>Checks, in TFLM's order where it has one: 24 inputs; int8 input, hidden state and output
 * (TFLM requires the three of one type and runs int8 with int8 weights as its 8x8→16 path; int16
 * activations, its 16x8 path, and float32 are refused as unsupported types), int16 cell state,
 * int8 weights 1..8 and int32 biases 12..15, all present; no peephole (9..11), projection
 * (16, 17) or layer-norm (20..23) tensor, which TFLM refuses too (and so no CIFG: the input gate's
 * tensors are required); per-tensor weight quantization (TFLM's per-channel branch leaves the
 * per-tensor multiplier its LSTM reads unset); a 3-D input ({@code [B, T, I]}, or
 * {@code [T, B, I]} with {@code time_major}); the state dimension S from the hidden state's
 * dimension 1; filters [S, I] and [S, S], biases [S], both states B·S elements, output
 * {@code [dim0, dim1, S]} of the input's first two dimensions. The cell gate's activation must be
 * TANH: TFLM's gate runs only tanh or sigmoid and asserts on anything else, and a .tflite cannot
 * name sigmoid. {@code proj_clip} and {@code asymmetric_quantize_inputs} are read and ignored, as
 * TFLM ignores them.
 */
public final class UnidirectionalSequenceLstmPrepare implements OpDeclaration {
    /** TFLite operand positions ({@code lstm_shared.h}). */
    static final int INPUT = 0;
    static final int INPUT_TO_INPUT = 1;
    static final int RECURRENT_TO_INPUT = 5;
    static final int INPUT_GATE_BIAS = 12;
    static final int HIDDEN_STATE = 18;
    static final int CELL_STATE = 19;
    static final int INPUTS = 24;
    /** Peephole (9..11), projection (16, 17) and layer-norm (20..23) tensors: must be absent. */
    private static final int[] VARIANTS = {9, 10, 11, 16, 17, 20, 21, 22, 23};

    private static final OpSpec SPEC = OpSpec.of("UNIDIRECTIONAL_SEQUENCE_LSTM", 44,
                    Bridge.eval(UnidirectionalSequenceLstm.class, 0, 1, 2, 3, 4, 5, 6, 7, 8, 12, 13, 14, 15, 18, 19),
                    "int8 input/output, int8 weights, int16 cell state (TFLM's 8x8→16); time or batch major; "
                            + "cell clip; no peephole, projection, layer norm")
            .withOptions("UnidirectionalSequenceLSTMOptions", OptionField.activation(0),
                    OptionField.of(1, "cell_clip", Kind.FLOAT, "0.0"),
                    OptionField.of(2, "proj_clip", Kind.FLOAT, "0.0"),
                    OptionField.of(3, "time_major", Kind.BOOL, "false"),
                    OptionField.of(4, "asymmetric_quantize_inputs", Kind.BOOL, "false"),
                    OptionField.of(5, "diagonal_recurrent_tensors", Kind.BOOL, "false"))
            .withOperands(new Operands(INPUTS, INPUTS, mask(0, 1, 2, 3, 4, 5, 6, 7, 8, 12, 13, 14, 15, 18, 19), 0,
                    mask(VARIANTS), mask(HIDDEN_STATE, CELL_STATE), mask(VARIANTS)))
            .withMacs((in, out, o) -> 4L * out.flatSize() * (in.get(INPUT).dim(-1) + out.dim(-1)));

    @Override
    public OpSpec spec() {
        return SPEC;
    }

    @Override
    public PreparedOp prepare(OpContext ctx) throws PrepareException {
        if (ctx.inputs().size() != INPUTS) {
            throw fail(ctx, "expected " + INPUTS + " inputs, got " + ctx.inputs().size());
        }
        TensorInfo input = required(ctx, INPUT, "input");
        TensorInfo hidden = required(ctx, HIDDEN_STATE, "hidden state");
        TensorInfo cell = required(ctx, CELL_STATE, "cell state");
        TensorInfo output = ctx.output();
        requireType(ctx, input, "input", DType.INT8);
        requireType(ctx, hidden, "hidden state", DType.INT8);
        requireType(ctx, output, "output", DType.INT8);
        requireType(ctx, cell, "cell state", DType.INT16);
        for (int k = INPUT_TO_INPUT; k < INPUT_TO_INPUT + 8; k++) {
            requireType(ctx, required(ctx, k, "weights"), "weights", DType.INT8);
        }
        for (int k = INPUT_GATE_BIAS; k < INPUT_GATE_BIAS + 4; k++) {
            requireType(ctx, required(ctx, k, "bias"), "bias", DType.INT32);
        }
        for (int k : VARIANTS) {
            if (ctx.input(k) != null) {
                throw fail(ctx, "input " + k + " " + ctx.input(k).describe() + " makes a peephole, projection or "
                        + "layer-norm LSTM; TFLM's LSTM (and TinyJ) runs only the standard one (inputs 9-11, 16, 17, "
                        + "20-23 absent)");
            }
        }
        String activation = ctx.options().string("fused_activation_function", "NONE");
        if (!activation.equals("TANH")) {
            throw fail(ctx, "cell gate activation " + activation + ": TFLM's LSTM runs TANH (it asserts on others)");
        }
        boolean timeMajor = ctx.options().bool("time_major", false);
        if (input.shape().length != 3) {
            throw fail(ctx, input.describe() + " (input) must be 3-D: [batch, time, input] or, time major, "
                    + "[time, batch, input]");
        }
        if (hidden.shape().length < 2) {
            throw fail(ctx, hidden.describe() + " (hidden state) needs a dimension 1: the state size");
        }
        int batches = input.dim(timeMajor ? 1 : 0);
        int steps = input.dim(timeMajor ? 0 : 1);
        int inputDim = input.dim(2);
        int stateDim = hidden.dim(1);
        for (int k = INPUT_TO_INPUT; k < INPUT_TO_INPUT + 8; k++) {
            requireShape(ctx, ctx.input(k), "weights", stateDim, k < RECURRENT_TO_INPUT ? inputDim : stateDim);
        }
        for (int k = INPUT_GATE_BIAS; k < INPUT_GATE_BIAS + 4; k++) {
            requireShape(ctx, ctx.input(k), "bias", stateDim);
        }
        long states = (long) batches * stateDim;
        if (hidden.flatSize() != states || cell.flatSize() != states) {
            throw fail(ctx, "the hidden and cell states need " + states + " elements (batch " + batches + " × state "
                    + stateDim + "), got " + hidden.flatSize() + " and " + cell.flatSize());
        }
        int[] outShape = {input.dim(0), input.dim(1), stateDim};
        if (!Arrays.equals(output.shape(), outShape)) {
            throw fail(ctx, output.describe() + " (output) must be " + Arrays.toString(outShape).replace(" ", ""));
        }
        requirePerTensor(ctx, input, "input");
        requirePerTensor(ctx, hidden, "hidden state");
        requirePerTensor(ctx, cell, "cell state");
        ParamBlock block = ParamBlock.of(UnidirectionalSequenceLstm.P_SIZE)
                .set(UnidirectionalSequenceLstm.P_BATCHES, batches)
                .set(UnidirectionalSequenceLstm.P_TIME_STEPS, steps)
                .set(UnidirectionalSequenceLstm.P_INPUT_DIM, inputDim)
                .set(UnidirectionalSequenceLstm.P_STATE_DIM, stateDim)
                .set(UnidirectionalSequenceLstm.P_TIME_MAJOR, timeMajor ? 1 : 0)
                .set(UnidirectionalSequenceLstm.P_INPUT_OFFSET, -input.quantization().zeroPoint0())
                .set(UnidirectionalSequenceLstm.P_HIDDEN_OFFSET, -hidden.quantization().zeroPoint0());
        for (int gate = 0; gate < 4; gate++) {
            TensorInfo filter = ctx.input(INPUT_TO_INPUT + gate);
            TensorInfo recurrent = ctx.input(RECURRENT_TO_INPUT + gate);
            requirePerTensor(ctx, filter, "weights");
            requirePerTensor(ctx, recurrent, "weights");
            LstmScales.gate(ctx, block, UnidirectionalSequenceLstm.P_GATES + gate * LstmGate.G_BYTES, input, filter,
                    hidden, recurrent);
        }
        LstmScales.products(block, cell.quantization().scale0(), hidden.quantization());
        LstmScales.cell(ctx, block, cell, ctx.options().real("cell_clip", 0.0f));
        return new PreparedOp(block.bytes(), outShape, 0);
    }

    private static TensorInfo required(OpContext ctx, int k, String role) throws PrepareException {
        TensorInfo t = ctx.input(k);
        if (t == null) {
            throw fail(ctx, "input " + k + " (" + role + ") is required");
        }
        return t;
    }

    private static void requireType(OpContext ctx, TensorInfo t, String role, DType type) throws PrepareException {
        if (t.type() != type) {
            throw PrepareException.unsupportedType(ctx.where(), t, role, type.label() + " (TFLM's 8x8→16 LSTM: int8 "
                    + "input, hidden state, output and weights, int16 cell state, int32 bias)");
        }
    }

    private static void requireShape(OpContext ctx, TensorInfo t, String role, int... dims) throws PrepareException {
        if (!Arrays.equals(t.shape(), dims)) {
            throw fail(ctx, t.describe() + " (" + role + ") must be " + Arrays.toString(dims).replace(" ", ""));
        }
    }

    private static void requirePerTensor(OpContext ctx, TensorInfo t, String role) throws PrepareException {
        if (t.quantization() == null || t.quantization().scale().length != 1) {
            throw fail(ctx, t.describe() + " (" + role + ") needs per-tensor affine quantization (one scale)");
        }
    }

    private static PrepareException fail(OpContext ctx, String detail) {
        return new PrepareException(ctx.where() + ": " + detail);
    }

    private static int mask(int... ks) {
        int m = 0;
        for (int k : ks) {
            m |= 1 << k;
        }
        return m;
    }
}
