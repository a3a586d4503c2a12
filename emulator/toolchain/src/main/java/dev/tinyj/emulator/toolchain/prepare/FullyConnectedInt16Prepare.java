package dev.tinyj.emulator.toolchain.prepare;

import dev.tinyj.emulator.toolchain.ops.Bridge;
import dev.tinyj.emulator.toolchain.ops.OpSpec;
import dev.tinyj.runtime.kernels.FullyConnectedInt16;
import java.util.Map;

/**
 * FULLY_CONNECTED's int16 variant (16x8; kernel {@code dev.tinyj.runtime.kernels.FullyConnectedInt16}),
 * prepared as TFLM's {@code FullyConnectedPrepare} / {@code CalculateOpDataFullyConnected}
 * (tflite-micro 90b983c2b3f1480642e040bbd2ddb37b998f3424, {@code micro/kernels/fully_connected.cc},
 * {@code fully_connected_common.cc}) does for an int16 input: {@link FullyConnectedPrepare}'s
 * shapes, per-tensor and per-channel multipliers and offsets, with int16 input and output, an
 * int64 or int32 bias ({@link ConvScheme#INT16}) and the int16 activation range.
 */
public final class FullyConnectedInt16Prepare implements OpDeclaration {
    private static final OpSpec SPEC = Int16Variant.of(new FullyConnectedPrepare().spec(),
            Bridge.eval(FullyConnectedInt16.class, 0, 1, 2),
            "int16 activations, int8 filter (16x8), per-tensor and per-channel; int64 bias or none: 64-bit "
                    + "accumulator, int32 bias (or none with quantized_bias_type INT32): 32-bit; keep_num_dims",
            Map.of());

    @Override
    public OpSpec spec() {
        return SPEC;
    }

    @Override
    public PreparedOp prepare(OpContext ctx) throws PrepareException {
        return FullyConnectedPrepare.prepare(ctx, ConvScheme.INT16);
    }
}
