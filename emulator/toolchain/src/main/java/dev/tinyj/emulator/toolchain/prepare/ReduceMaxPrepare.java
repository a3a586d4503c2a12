package dev.tinyj.emulator.toolchain.prepare;

import dev.tinyj.emulator.toolchain.ops.Bridge;
import dev.tinyj.emulator.toolchain.ops.OpSpec;
import dev.tinyj.emulator.toolchain.ops.Operands;
import dev.tinyj.emulator.toolchain.tflite.OptionField;
import dev.tinyj.emulator.toolchain.tflite.OptionField.Kind;
import dev.tinyj.runtime.kernels.ReduceMax;

/**
 * REDUCE_MAX prepare (int8; kernel {@link ReduceMax}), as tflite-micro
 * 90b983c2b3f1480642e040bbd2ddb37b998f3424 {@code micro/kernels/reduce_common.cc}
 * {@code PrepareMinMaxHelper}/{@code PrepareSimple} and the checks of {@code EvalMinMaxHelper}'s
 * int8 branch, shared with REDUCE_MIN ({@link MinMaxReduction}): two inputs, an int32 axis tensor,
 * input and output of one type with equal scales (compared as doubles) and equal zero points (TFLM
 * checks these at eval; TinyJ refuses at prepare). The axis list, output shape and kernel geometry
 * are {@link ReduceAxes}'s, shared with MEAN: keep_dims both ways, negative and repeated axes, an
 * empty axis list (a copy).
 *
 * <p>Refused beyond TFLM: a non-constant axis tensor (folded into the geometry), inputs of more
 * than 6 dims, a declared output whose element count is not the reduction's. float32 (which TFLM
 * also runs) is refused as an unsupported type, as is int16 (which TFLM does not run either).
 */
public final class ReduceMaxPrepare implements OpDeclaration {
    private static final OpSpec SPEC = OpSpec.of("REDUCE_MAX", 82, Bridge.eval(ReduceMax.class, 0),
                    "int8, up to 6-D; equal input and output quantization; keep_dims; axis folded")
            .withOptions("ReducerOptions", OptionField.of(0, "keep_dims", Kind.BOOL, "false"))
            .withOperands(Operands.of(2, 2, 1).folding(1));

    @Override
    public OpSpec spec() {
        return SPEC;
    }

    @Override
    public PreparedOp prepare(OpContext ctx) throws PrepareException {
        return MinMaxReduction.prepare(ctx, SPEC.name(), "max");
    }
}
