package dev.tinyj.emulator.toolchain.prepare;

import dev.tinyj.emulator.toolchain.graph.DType;
import dev.tinyj.emulator.toolchain.graph.TensorInfo;
import dev.tinyj.emulator.toolchain.ops.Bridge;
import dev.tinyj.emulator.toolchain.ops.InPlaceKind;
import dev.tinyj.emulator.toolchain.ops.OpSpec;
import dev.tinyj.runtime.kernels.Neg;

/**
 * Prepare of NEG (kernel {@link Neg}): the <b>float32</b> type variant, NEG's only kernel. TFLM
 * registers NEG without a prepare step and negates float32 only
 * ({@code tensorflow/lite/micro/kernels/neg.cc} {@code NegEval}, tflite-micro
 * 90b983c2b3f1480642e040bbd2ddb37b998f3424; an int8 NEG fails there with "Type INT8 (9) not
 * supported"), so an int8 NEG, like TFLM's, is refused ({@code OpTable.select} finds no kernel for
 * it and the refusal names this variant). Checks what TFLM leaves to {@code MatchingFlatSize}: one
 * input, a float32 output of the input's shape.
 */
public final class NegPrepare implements OpDeclaration {
    private static final OpSpec SPEC = OpSpec.of("NEG", 59, Bridge.eval(Neg.class, 0),
                    "float32 only, as TFLM (no int8 NEG there); the sign bit flipped, no float arithmetic")
            .withOptions("NegOptions").withInPlace(InPlaceKind.UNARY).withVariant("float32", DType.FLOAT32);

    @Override
    public OpSpec spec() {
        return SPEC;
    }

    @Override
    public PreparedOp prepare(OpContext ctx) throws PrepareException {
        ShapeOpChecks.requireInputs(ctx, 1);
        TensorInfo in = ctx.input(0);
        TensorInfo out = ctx.output();
        for (TensorInfo t : new TensorInfo[] {in, out}) {
            if (t.type() != DType.FLOAT32) {
                throw PrepareException.unsupportedType(ctx.where(), t, t == in ? "input" : "output", "float32");
            }
        }
        Int8Operand.sameShape(ctx, in, out);
        return new PreparedOp(ParamBlock.of(Neg.P_SIZE).set(Neg.P_COUNT, in.flatSize()).bytes(), out.shape().clone(), 0);
    }
}
