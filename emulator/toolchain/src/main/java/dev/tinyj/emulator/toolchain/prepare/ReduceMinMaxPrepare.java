package dev.tinyj.emulator.toolchain.prepare;

import dev.tinyj.emulator.toolchain.ops.Bridge;
import dev.tinyj.emulator.toolchain.ops.OpSpec;
import dev.tinyj.emulator.toolchain.ops.Operands;
import dev.tinyj.emulator.toolchain.tflite.OptionField;
import dev.tinyj.emulator.toolchain.tflite.OptionField.Kind;
import dev.tinyj.runtime.kernels.ReduceMax;
import dev.tinyj.runtime.kernels.ReduceMin;

/**
 * REDUCE_MAX and REDUCE_MIN prepare (int8; kernels {@link ReduceMax}, {@link ReduceMin}), as
 * tflite-micro 90b983c2b3f1480642e040bbd2ddb37b998f3424 {@code micro/kernels/reduce.cc} registers
 * them: {@code PrepareMinMax} ({@code reduce_common.cc} {@code PrepareMinMaxHelper}/
 * {@code PrepareSimple}) and the checks of {@code EvalMinMaxHelper}'s int8 branch, in
 * {@link MinMaxReduction}: two inputs, a constant int32 axis tensor, input and output int8 of one
 * quantization (equal scales compared as doubles, equal zero points — TFLM checks these at eval;
 * TinyJ refuses at prepare). The axis list, output shape and kernel geometry are
 * {@link ReduceAxes}'s, shared with MEAN: keep_dims both ways, negative and repeated axes, an empty
 * axis list (a copy).
 *
 * <p>Refused beyond TFLM: a non-constant axis tensor (folded into the geometry), inputs of more
 * than 6 dims, a declared output whose element count is not the reduction's. float32 (which TFLM
 * also runs) is refused as an unsupported type, as is int16 (which TFLM does not run either).
 */
public final class ReduceMinMaxPrepare implements OpDeclaration {
    private static final String SUMMARY = "int8, up to 6-D; equal input and output quantization; keep_dims; axis folded";

    private final OpSpec spec;
    private final String what;

    private ReduceMinMaxPrepare(OpSpec spec, String what) {
        this.spec = spec;
        this.what = what;
    }

    /** REDUCE_MAX (builtin 82). */
    public static ReduceMinMaxPrepare reduceMax() {
        return new ReduceMinMaxPrepare(spec("REDUCE_MAX", 82, ReduceMax.class), "max");
    }

    /** REDUCE_MIN (builtin 89). */
    public static ReduceMinMaxPrepare reduceMin() {
        return new ReduceMinMaxPrepare(spec("REDUCE_MIN", 89, ReduceMin.class), "min");
    }

    private static OpSpec spec(String name, int builtinCode, Class<?> kernel) {
        return OpSpec.of(name, builtinCode, Bridge.eval(kernel, 0), SUMMARY)
                .withOptions("ReducerOptions", OptionField.of(0, "keep_dims", Kind.BOOL, "false"))
                .withOperands(Operands.of(2, 2, 1).folding(1));
    }

    @Override
    public OpSpec spec() {
        return spec;
    }

    @Override
    public PreparedOp prepare(OpContext ctx) throws PrepareException {
        return MinMaxReduction.prepare(ctx, spec.name(), what);
    }
}
