package dev.tinyj.emulator.toolchain.prepare;

import static dev.tinyj.runtime.kernels.Svdf.P_BATCH;
import static dev.tinyj.runtime.kernels.Svdf.P_FILTERS;
import static dev.tinyj.runtime.kernels.Svdf.P_INPUT_SIZE;
import static dev.tinyj.runtime.kernels.Svdf.P_INPUT_ZERO_POINT;
import static dev.tinyj.runtime.kernels.Svdf.P_MEMORY;
import static dev.tinyj.runtime.kernels.Svdf.P_MULTIPLIER_1;
import static dev.tinyj.runtime.kernels.Svdf.P_MULTIPLIER_2;
import static dev.tinyj.runtime.kernels.Svdf.P_OUTPUT_ZERO_POINT;
import static dev.tinyj.runtime.kernels.Svdf.P_RANK;
import static dev.tinyj.runtime.kernels.Svdf.P_SHIFT_1;
import static dev.tinyj.runtime.kernels.Svdf.P_SHIFT_2;
import static dev.tinyj.runtime.kernels.Svdf.P_SIZE;
import static dev.tinyj.runtime.kernels.Svdf.P_STATE_BYTES;
import static dev.tinyj.runtime.kernels.Svdf.P_STATE_ZERO_POINT;

import dev.tinyj.emulator.toolchain.graph.DType;
import dev.tinyj.emulator.toolchain.graph.Quantization;
import dev.tinyj.emulator.toolchain.graph.TensorInfo;
import dev.tinyj.emulator.toolchain.ops.Bridge;
import dev.tinyj.emulator.toolchain.ops.OpSpec;
import dev.tinyj.emulator.toolchain.ops.Operands;
import dev.tinyj.emulator.toolchain.tflite.OptionField;
import dev.tinyj.emulator.toolchain.tflite.OptionField.Kind;
import dev.tinyj.runtime.kernels.Svdf;
import java.util.Arrays;

/**
 * Prepare of SVDF (kernel {@link Svdf}), as tflite-micro 90b983c2b3f1480642e040bbd2ddb37b998f3424
 * {@code micro/kernels/svdf_common.cc} {@code PrepareSvdf} for the integer path, its checks in its
 * order: rank divides the filter count; input [batch, input_size] int8; output [batch, units]
 * int8; weights_feature [filters, input_size] int8; weights_time [filters, memory] int16 or int8;
 * bias [units] int32; activation state [batch, memory × filters] int16 or int8, a variable tensor
 * (the compiler checks {@code is_variable}: it is this op's state operand). Then
 * {@code effective_scale_1 = (double) (input_scale · weights_feature_scale / state_scale)} and
 * {@code effective_scale_2 = (double) (state_scale · weights_time_scale / output_scale)}, each
 * product and quotient in float as TFLM computes them, through QuantizeMultiplier; the bias scale
 * must be within 1e-5 of {@code state_scale · weights_time_scale}.
 *
 * <p>Refused beyond TFLM: the float path (float32 input; not supported yet); an absent bias (TFLM's
 * prepare reads the bias scale through the null tensor, TODO #1751 there); a state type other than
 * weights_time's (TFLM's eval reads the state as weights_time's type, whatever the state's is); a
 * rank of 0 or less (TFLM divides by it). The integer path applies no fused activation and
 * ignores the weights' zero points, as TFLM's.
 */
public final class SvdfPrepare implements OpDeclaration {
    private static final OpSpec SPEC = OpSpec.of("SVDF", 27, Bridge.eval(Svdf.class, 0, 1, 2, 3, 4),
                    "int8 input, weights_feature and output; int16 or int8 weights_time and state (a variable"
                    + " tensor, kept between inferences); int32 bias required; float refused")
            .withOptions("SVDFOptions", OptionField.of(0, "rank", Kind.INT, "0"), OptionField.activation(1),
                    OptionField.of(2, "asymmetric_quantize_inputs", Kind.BOOL, "false"))
            .withOperands(Operands.exactly(5).withState(4))
            .withMacs((in, out, o) -> (long) in.get(0).dim(0) * in.get(1).dim(0)
                    * (in.get(1).dim(1) + in.get(2).dim(1)));

    @Override
    public OpSpec spec() {
        return SPEC;
    }

    @Override
    public PreparedOp prepare(OpContext ctx) throws PrepareException {
        TensorInfo input = ctx.input(0);
        TensorInfo weightsFeature = ctx.input(1);
        TensorInfo weightsTime = ctx.input(2);
        TensorInfo bias = ctx.input(3);
        TensorInfo state = ctx.input(4);
        TensorInfo output = ctx.output();
        int rank = ctx.options().integer("rank", 0);
        rank2(ctx, input, "input");
        rank2(ctx, weightsFeature, "weights_feature");
        rank2(ctx, weightsTime, "weights_time");
        int batch = input.dim(0);
        int inputSize = input.dim(1);
        int filters = weightsFeature.dim(0);
        int memory = weightsTime.dim(1);
        if (rank <= 0 || filters % rank != 0) {
            throw new PrepareException(ctx.where() + ": rank " + rank + " does not divide the "
                    + filters + " filters of " + weightsFeature.describe());
        }
        int units = filters / rank;
        if (input.type() == DType.FLOAT32) {
            throw new PrepareException(ctx.where() + ": the float SVDF path is not supported; " + input.describe()
                    + " (input) must be int8");
        }
        expectShape(ctx, output, "output", batch, units);
        expectShape(ctx, weightsFeature, "weights_feature", filters, inputSize);
        expectShape(ctx, weightsTime, "weights_time", filters, memory);
        if (bias == null) {
            throw new PrepareException(ctx.where() + ": the integer path needs a bias (TFLM's PrepareSvdf reads"
                    + " its scale)");
        }
        if (bias.shape().length < 1 || bias.dim(0) != units) {
            throw new PrepareException(ctx.where() + ": bias " + bias.describe() + " needs " + units + " values");
        }
        expectShape(ctx, state, "activation state", batch, memory * filters);
        Quantization qi = require(ctx, input, DType.INT8, "input");
        Quantization qf = require(ctx, weightsFeature, DType.INT8, "weights_feature");
        if (weightsTime.type() != DType.INT16 && weightsTime.type() != DType.INT8) {
            throw PrepareException.unsupportedType(ctx.where(), weightsTime, "weights_time", "int16, int8");
        }
        Quantization qt = require(ctx, weightsTime, weightsTime.type(), "weights_time");
        Quantization qb = require(ctx, bias, DType.INT32, "bias");
        if (state.type() != weightsTime.type()) {
            throw new PrepareException(ctx.where() + ": activation state " + state.describe() + " must have"
                    + " weights_time's type " + weightsTime.type().label() + " (TFLM reads it as that type)");
        }
        Quantization qs = require(ctx, state, state.type(), "activation state");
        Quantization qo = require(ctx, output, DType.INT8, "output");
        double scale1 = (double) (qi.scale0() * qf.scale0() / qs.scale0());
        double scale2 = (double) (qs.scale0() * qt.scale0() / qo.scale0());
        float stateTimesTime = qs.scale0() * qt.scale0();
        if (!(Math.abs((double) qb.scale0() - (double) stateTimesTime) < 1e-5)) {
            throw new PrepareException(ctx.where() + ": bias scale " + qb.scale0() + " is not within 1e-5 of"
                    + " state scale × weights_time scale = " + stateTimesTime);
        }
        QuantizedMultiplier m1 = QuantizedMultiplier.of(scale1);
        QuantizedMultiplier m2 = QuantizedMultiplier.of(scale2);
        ParamBlock f = ParamBlock.of(P_SIZE)
                .set(P_BATCH, batch).set(P_INPUT_SIZE, inputSize).set(P_FILTERS, filters).set(P_RANK, rank)
                .set(P_MEMORY, memory).set(P_STATE_BYTES, state.type().bytes())
                .set(P_INPUT_ZERO_POINT, qi.zeroPoint0()).set(P_STATE_ZERO_POINT, qs.zeroPoint0())
                .set(P_OUTPUT_ZERO_POINT, qo.zeroPoint0())
                .set(P_MULTIPLIER_1, m1.multiplier()).set(P_SHIFT_1, m1.shift())
                .set(P_MULTIPLIER_2, m2.multiplier()).set(P_SHIFT_2, m2.shift());
        return new PreparedOp(f.bytes(), new int[] {batch, units}, 0);
    }

    private static void rank2(OpContext ctx, TensorInfo t, String role) throws PrepareException {
        if (t.shape().length != 2) {
            throw new PrepareException(ctx.where() + ": " + role + " " + t.describe() + " must have 2 dimensions");
        }
    }

    private static void expectShape(OpContext ctx, TensorInfo t, String role, int d0, int d1)
            throws PrepareException {
        if (!Arrays.equals(t.shape(), new int[] {d0, d1})) {
            throw new PrepareException(ctx.where() + ": " + role + " " + t.describe() + " must have shape ["
                    + d0 + "," + d1 + "]");
        }
    }

    /** The per-tensor quantization of {@code t}, which must have type {@code type}. */
    private static Quantization require(OpContext ctx, TensorInfo t, DType type, String role)
            throws PrepareException {
        if (t.type() != type) {
            throw PrepareException.unsupportedType(ctx.where(), t, role, type.label());
        }
        Quantization q = t.quantization();
        if (q == null || q.scale().length != 1) {
            throw new PrepareException(ctx.where() + ": " + role + " " + t.describe()
                    + " needs per-tensor affine quantization");
        }
        return q;
    }
}
