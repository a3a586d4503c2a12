package dev.tinyj.emulator.toolchain.prepare;

import dev.tinyj.emulator.toolchain.ops.Bridge;
import dev.tinyj.emulator.toolchain.ops.OpSpec;
import dev.tinyj.emulator.toolchain.ops.Operands;
import dev.tinyj.emulator.toolchain.tflite.OptionField;
import dev.tinyj.emulator.toolchain.tflite.OptionField.Kind;
import dev.tinyj.runtime.kernels.ReduceMin;

/**
 * REDUCE_MIN prepare (int8; kernel {@link ReduceMin}), as tflite-micro
 * 90b983c2b3f1480642e040bbd2ddb37b998f3424 {@code micro/kernels/reduce.cc} registers it:
 * {@code PrepareMinMax} and {@code EvalMinHelper}, the same prepare and int8 checks as REDUCE_MAX
 * ({@link MinMaxReduction}): two inputs, a constant int32 axis tensor, equal input and output
 * quantization, keep_dims both ways, negative, repeated and no axes.
 *
 * <p>Refused beyond TFLM: a non-constant axis tensor (folded into the geometry), inputs of more
 * than 6 dims, a declared output whose element count is not the reduction's. float32 (which TFLM
 * also runs) is refused as an unsupported type, as is int16 (which TFLM does not run either).
 */
public final class ReduceMinPrepare implements OpDeclaration {
    private static final OpSpec SPEC = OpSpec.of("REDUCE_MIN", 89, Bridge.eval(ReduceMin.class, 0),
                    "int8, up to 6-D; equal input and output quantization; keep_dims; axis folded")
            .withOptions("ReducerOptions", OptionField.of(0, "keep_dims", Kind.BOOL, "false"))
            .withOperands(Operands.of(2, 2, 1).folding(1));

    @Override
    public OpSpec spec() {
        return SPEC;
    }

    @Override
    public PreparedOp prepare(OpContext ctx) throws PrepareException {
        return MinMaxReduction.prepare(ctx, SPEC.name(), "min");
    }
}
