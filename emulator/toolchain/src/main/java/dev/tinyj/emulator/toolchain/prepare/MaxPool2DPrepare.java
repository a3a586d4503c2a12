package dev.tinyj.emulator.toolchain.prepare;

import dev.tinyj.emulator.toolchain.ops.Bridge;
import dev.tinyj.emulator.toolchain.ops.InPlaceKind;
import dev.tinyj.emulator.toolchain.ops.MacCount;
import dev.tinyj.emulator.toolchain.ops.OpSpec;
import dev.tinyj.emulator.toolchain.tflite.OptionField.Kind;
import dev.tinyj.emulator.toolchain.tflite.OptionField;
import dev.tinyj.runtime.kernels.MaxPool2D;
/** Prepare of MAX_POOL_2D (kernel {@code dev.tinyj.runtime.kernels.MaxPool2D}); see {@link PoolingPrepare}. */
public final class MaxPool2DPrepare implements OpDeclaration {
    private static final OpSpec SPEC = OpSpec.of("MAX_POOL_2D", 17, Bridge.eval(MaxPool2D.class, 0), "int8")
            .withOptions("Pool2DOptions", OptionField.of(0, "padding", Kind.PADDING, "SAME"),
                    OptionField.of(1, "stride_w", Kind.INT, "0"), OptionField.of(2, "stride_h", Kind.INT, "0"),
                    OptionField.of(3, "filter_width", Kind.INT, "0"), OptionField.of(4, "filter_height", Kind.INT, "0"),
                    OptionField.activation(5))
            .withInPlace(InPlaceKind.WINDOW_POOL).withMacs(MacCount.POOL_WINDOW);

    @Override
    public OpSpec spec() {
        return SPEC;
    }

    @Override
    public PreparedOp prepare(OpContext ctx) throws PrepareException {
        return PoolingPrepare.prepare(ctx, false);
    }
}
