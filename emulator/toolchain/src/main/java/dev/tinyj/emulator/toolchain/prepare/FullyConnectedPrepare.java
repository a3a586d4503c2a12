package dev.tinyj.emulator.toolchain.prepare;

import dev.tinyj.emulator.toolchain.graph.TensorInfo;
import dev.tinyj.emulator.toolchain.ops.Bridge;
import dev.tinyj.emulator.toolchain.ops.OpSpec;
import dev.tinyj.emulator.toolchain.ops.Operands;
import dev.tinyj.emulator.toolchain.tflite.OptionField.Kind;
import dev.tinyj.emulator.toolchain.tflite.OptionField;
import dev.tinyj.runtime.kernels.FullyConnected;

/**
 * FULLY_CONNECTED prepare, as TFLM's {@code FullyConnectedPrepare} /
 * {@code CalculateOpDataFullyConnected} ({@code micro/kernels/fully_connected.cc},
 * {@code fully_connected_common.cc}, tflite-micro 90b983c2b3f1480642e040bbd2ddb37b998f3424), with
 * TFLite's output shape inference: filter [units, accum depth] (weights format DEFAULT); the input
 * is read as rows of accum depth (its flat size must be a multiple); output
 * {@code [rows, units]}, or with {@code keep_num_dims} the input shape with its last dimension
 * replaced by units. Several filter scales select the per-channel kernel path (filter offset 0);
 * one scale the per-tensor path (filter offset −filter zero point, float scale product).
 */
public final class FullyConnectedPrepare implements OpDeclaration {
    private static final OpSpec SPEC = OpSpec.of("FULLY_CONNECTED", 9, Bridge.eval(FullyConnected.class, 0, 1, 2),
                    "int8, per-tensor (filter zero point subtracted) and per-channel; optional bias; keep_num_dims")
            .withOptions("FullyConnectedOptions", OptionField.activation(0),
                    OptionField.of(1, "weights_format", Kind.WEIGHTS_FORMAT, "DEFAULT"),
                    OptionField.of(2, "keep_num_dims", Kind.BOOL, "false"),
                    OptionField.of(3, "asymmetric_quantize_inputs", Kind.BOOL, "false"),
                    OptionField.of(4, "quantized_bias_type", Kind.TENSOR_TYPE, "FLOAT32"))
            .withOperands(Operands.of(2, 3, 2).optional(2))
            .withMacs((in, out, o) -> out.flatSize() * in.get(1).dim(-1));

    @Override
    public OpSpec spec() {
        return SPEC;
    }

    @Override
    public PreparedOp prepare(OpContext ctx) throws PrepareException {
        return prepare(ctx, ConvScheme.INT8);
    }

    /** The FULLY_CONNECTED checks and parameters for the activations and bias of {@code scheme}. */
    static PreparedOp prepare(OpContext ctx, ConvScheme scheme) throws PrepareException {
        requireCount(ctx);
        TensorInfo input = ctx.input(0);
        TensorInfo filter = ctx.input(1);
        TensorInfo output = ctx.output();
        ConvQuantization.requireQuantized(ctx, input, "input", scheme.activations());
        ConvQuantization.requireInt8(ctx, filter, "filter");
        ConvQuantization.requireQuantized(ctx, output, "output", scheme.activations());
        Rows rows = Rows.of(ctx);
        int units = rows.units();
        ConvScheme.Bias bias = scheme.bias(ctx, units);
        boolean perChannel = filter.quantization().perChannel();
        ConvQuantization q = perChannel
                ? ConvQuantization.perChannel(ctx, input, filter, output, units)
                : ConvQuantization.fullyConnectedPerTensor(ctx, input, filter, bias.tensor(), output);
        if (bias.acc64()) {
            q.requireInt64Shifts(ctx);
        }
        ActivationRange act = ConvQuantization.activation(ctx, output);
        ParamBlock block = ParamBlock.of(FullyConnected.P_MULTIPLIERS + q.bytes() - 8)
                .set(FullyConnected.P_BATCHES, rows.rows()).set(FullyConnected.P_ACCUM_DEPTH, rows.depth())
                .set(FullyConnected.P_OUT_D, units)
                .set(FullyConnected.P_INPUT_OFFSET, -input.quantization().zeroPoint0())
                .set(FullyConnected.P_FILTER_OFFSET, perChannel ? 0 : -filter.quantization().zeroPoint0())
                .set(FullyConnected.P_OUTPUT_OFFSET, output.quantization().zeroPoint0())
                .set(FullyConnected.P_ACT_MIN, act.min()).set(FullyConnected.P_ACT_MAX, act.max())
                .set(FullyConnected.P_HAS_BIAS, bias.word());
        q.writeTo(block, FullyConnected.P_QUANT_COUNT, FullyConnected.P_QUANT_STEP, FullyConnected.P_MULTIPLIERS);
        return new PreparedOp(block.bytes(), rows.outShape(), 0);
    }

    /** Two or three inputs (input, filter[, bias]). */
    static void requireCount(OpContext ctx) throws PrepareException {
        if (ctx.inputs().size() < 2 || ctx.inputs().size() > 3) {
            throw new PrepareException(ctx.where() + ": expected 2 or 3 inputs (input, filter[, bias]), got "
                    + ctx.inputs().size());
        }
    }

    /**
     * How the layer sees its input, shared with the float32 variant: {@code rows} rows of
     * {@code depth} (the filter's dimension 1) into {@code units} outputs (its dimension 0), and the
     * output shape TFLite infers ({@code [rows, units]}, or with {@code keep_num_dims} the input's
     * shape ending in units), which the declared output must have.
     *
     * @param rows input rows (batches)
     * @param depth accumulation depth
     * @param units output units
     * @param outShape the output shape
     */
    record Rows(int rows, int depth, int units, int[] outShape) {
        static Rows of(OpContext ctx) throws PrepareException {
            TensorInfo input = ctx.input(0);
            TensorInfo filter = ctx.input(1);
            if (filter.shape().length != 2 || filter.dim(1) <= 0) {
                throw new PrepareException(ctx.where() + ": " + filter.describe() + " (filter) must be [units, depth]");
            }
            int units = filter.dim(0);
            int depth = filter.dim(1);
            if (input.shape().length == 0 || input.flatSize() % depth != 0) {
                throw new PrepareException(ctx.where() + ": " + input.describe() + " (input) is not a whole number "
                        + "of rows of " + depth);
            }
            int rows = input.flatSize() / depth;
            int[] outShape;
            if (ctx.options().bool("keep_num_dims", false)) {
                outShape = input.shape().clone();
                outShape[outShape.length - 1] = units;
                if (input.dim(-1) != depth) {
                    throw new PrepareException(ctx.where() + ": keep_num_dims needs " + input.describe()
                            + " (input) to end in " + depth);
                }
            } else {
                outShape = new int[] {rows, units};
            }
            ConvQuantization.requireShape(ctx, outShape);
            return new Rows(rows, depth, units, outShape);
        }
    }
}
