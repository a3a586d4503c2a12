package dev.tinyj.emulator.toolchain.prepare;

import dev.tinyj.emulator.toolchain.ops.Bridge;
import dev.tinyj.emulator.toolchain.ops.InPlaceKind;
import dev.tinyj.emulator.toolchain.ops.MacCount;
import dev.tinyj.emulator.toolchain.ops.OpSpec;
import dev.tinyj.emulator.toolchain.tflite.OptionField.Kind;
import dev.tinyj.emulator.toolchain.tflite.OptionField;
import dev.tinyj.runtime.kernels.AveragePool2D;
import dev.tinyj.runtime.kernels.Pooling;
/** Prepare of AVERAGE_POOL_2D (kernel {@code dev.tinyj.runtime.kernels.AveragePool2D}); see {@link PoolingPrepare}. */
public final class AveragePool2DPrepare implements OpDeclaration {
    private static final OpSpec SPEC = OpSpec.of("AVERAGE_POOL_2D", 1, Bridge.eval(AveragePool2D.class, 0),
                    "int8; rounds half away from zero like TFLM's (sum ± n/2) / n")
            .withOptions("Pool2DOptions", OptionField.of(0, "padding", Kind.PADDING, "SAME"),
                    OptionField.of(1, "stride_w", Kind.INT, "0"), OptionField.of(2, "stride_h", Kind.INT, "0"),
                    OptionField.of(3, "filter_width", Kind.INT, "0"), OptionField.of(4, "filter_height", Kind.INT, "0"),
                    OptionField.activation(5))
            .withInPlace(InPlaceKind.WINDOW_POOL).withMacs(MacCount.POOL_WINDOW)
            .withPanic(Pooling.PANIC_EMPTY_WINDOW, "the window of output element %d covers no input cell");

    @Override
    public OpSpec spec() {
        return SPEC;
    }

    @Override
    public PreparedOp prepare(OpContext ctx) throws PrepareException {
        return PoolingPrepare.prepare(ctx, true);
    }
}
