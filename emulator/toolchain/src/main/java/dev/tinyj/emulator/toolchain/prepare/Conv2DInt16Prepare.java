package dev.tinyj.emulator.toolchain.prepare;

import dev.tinyj.emulator.toolchain.ops.Bridge;
import dev.tinyj.emulator.toolchain.ops.OpSpec;
import dev.tinyj.runtime.kernels.Conv2DInt16;
import java.util.Map;

/**
 * CONV_2D's int16 variant (16x8: int16 activations, int8 filter; kernel
 * {@code dev.tinyj.runtime.kernels.Conv2DInt16}), prepared as TFLM's {@code ConvPrepare} /
 * {@code CalculateOpDataConv} (tflite-micro 90b983c2b3f1480642e040bbd2ddb37b998f3424,
 * {@code micro/kernels/conv_common.cc}) does for an int16 input: the int8 checks and parameters of
 * {@link Conv2DPrepare} (geometry, per-channel multipliers, groups) with int16 input and output,
 * an int64 or int32 bias ({@link ConvScheme#INT16}) and the int16 activation range. Like TFLM's
 * 16x8 kernel, the zero points are not applied.
 */
public final class Conv2DInt16Prepare implements OpDeclaration {
    private static final OpSpec SPEC = Int16Variant.of(new Conv2DPrepare().spec(),
            Bridge.eval(Conv2DInt16.class, 0, 1, 2),
            "int16 activations, int8 filter (16x8); int64 bias or none: 64-bit accumulator, int32 bias (or none "
                    + "with quantized_bias_type INT32): 32-bit; zero points not applied, as TFLM", Map.of());

    @Override
    public OpSpec spec() {
        return SPEC;
    }

    @Override
    public PreparedOp prepare(OpContext ctx) throws PrepareException {
        return Conv2DPrepare.prepare(ctx, ConvScheme.INT16);
    }
}
