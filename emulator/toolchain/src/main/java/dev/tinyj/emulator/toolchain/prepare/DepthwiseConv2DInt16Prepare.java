package dev.tinyj.emulator.toolchain.prepare;

import dev.tinyj.emulator.toolchain.ops.Bridge;
import dev.tinyj.emulator.toolchain.ops.OpSpec;
import dev.tinyj.runtime.kernels.DepthwiseConv2DInt16;
import java.util.Map;

/**
 * DEPTHWISE_CONV_2D's int16 variant (16x8; kernel
 * {@code dev.tinyj.runtime.kernels.DepthwiseConv2DInt16}), prepared as TFLM's
 * {@code DepthwiseConvPrepare} / {@code CalculateOpDataDepthwiseConv} (tflite-micro
 * 90b983c2b3f1480642e040bbd2ddb37b998f3424, {@code micro/kernels/depthwise_conv_common.cc}) does
 * for an int16 input: {@link DepthwiseConv2DPrepare}'s checks and parameters with int16 input and
 * output, an int64 bias only ({@link ConvScheme#INT16_INT64_BIAS}: TFLM's eval reads any bias as
 * int64) and the int16 activation range. Zero points are not applied, as in TFLM's kernel.
 */
public final class DepthwiseConv2DInt16Prepare implements OpDeclaration {
    private static final OpSpec SPEC = Int16Variant.of(new DepthwiseConv2DPrepare().spec(),
            Bridge.eval(DepthwiseConv2DInt16.class, 0, 1, 2),
            "int16 activations, int8 filter (16x8); int64 bias, 64-bit accumulator; zero points not applied, "
                    + "as TFLM", Map.of());

    @Override
    public OpSpec spec() {
        return SPEC;
    }

    @Override
    public PreparedOp prepare(OpContext ctx) throws PrepareException {
        return DepthwiseConv2DPrepare.prepare(ctx, ConvScheme.INT16_INT64_BIAS);
    }
}
