package dev.tinyj.emulator.toolchain.prepare;

import dev.tinyj.emulator.toolchain.graph.TensorInfo;
import dev.tinyj.emulator.toolchain.ops.Bridge;
import dev.tinyj.emulator.toolchain.ops.InPlaceKind;
import dev.tinyj.emulator.toolchain.ops.OpSpec;
import dev.tinyj.emulator.toolchain.ops.Operands;
import dev.tinyj.runtime.kernels.BinaryBroadcast;
import dev.tinyj.runtime.kernels.MaximumMinimum;

/**
 * Prepare of MAXIMUM and MINIMUM (int8; kernel {@link MaximumMinimum}). TFLM registers them with no
 * prepare step ({@code tensorflow/lite/micro/kernels/maximum_minimum.cc}, tflite-micro
 * 90b983c2b3f1480642e040bbd2ddb37b998f3424) and compares the raw values of the output's type
 * ({@code MaximumMinimumBroadcastSlow}), so quantization is neither checked nor used: both inputs
 * and the output must be int8 (TFLM reads the inputs as the output's type), and the output the
 * broadcast shape ({@link BinaryBroadcastPlan}; rank up to 6). Only the broadcast header is set.
 * float32, int16, int32 and int64, which TFLM also runs, are refused as unsupported types.
 */
public final class MaximumMinimumPrepare implements OpDeclaration {
    private static final String SUMMARY = "int8, broadcasting to rank 6; raw values compared, quantization ignored as TFLM";
    private static final OpSpec MAXIMUM = OpSpec.of("MAXIMUM", 55,
                    new Bridge(MaximumMinimum.class, "maximum", new int[] {0, 1}, false), SUMMARY)
            .withOptions("MaximumMinimumOptions").withOperands(Operands.exactly(2)).withInPlace(InPlaceKind.BINARY);
    private static final OpSpec MINIMUM = OpSpec.of("MINIMUM", 57,
                    new Bridge(MaximumMinimum.class, "minimum", new int[] {0, 1}, false), SUMMARY)
            .withOptions("MaximumMinimumOptions").withOperands(Operands.exactly(2)).withInPlace(InPlaceKind.BINARY);

    private final OpSpec spec;

    private MaximumMinimumPrepare(OpSpec spec) {
        this.spec = spec;
    }

    /** MAXIMUM. */
    public static MaximumMinimumPrepare maximum() {
        return new MaximumMinimumPrepare(MAXIMUM);
    }

    /** MINIMUM. */
    public static MaximumMinimumPrepare minimum() {
        return new MaximumMinimumPrepare(MINIMUM);
    }

    @Override
    public OpSpec spec() {
        return spec;
    }

    @Override
    public PreparedOp prepare(OpContext ctx) throws PrepareException {
        ShapeOpChecks.requireInputs(ctx, 2);
        TensorInfo a = ctx.input(0);
        TensorInfo b = ctx.input(1);
        TensorInfo out = ctx.output();
        ShapeOpChecks.requireInt8(ctx, a, "input1");
        ShapeOpChecks.requireInt8(ctx, b, "input2");
        ShapeOpChecks.requireInt8(ctx, out, "output");
        int[] shape = BinaryBroadcastPlan.outputShape(ctx, a, b, out);
        ParamBlock f = BinaryBroadcastPlan.header(a.shape(), b.shape(), shape);
        return new PreparedOp(f.reserved(BinaryBroadcast.P_OP, MaximumMinimum.P_SIZE).bytes(), shape, 0);
    }
}
