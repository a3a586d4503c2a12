package dev.tinyj.emulator.toolchain.prepare;

import dev.tinyj.emulator.toolchain.graph.DType;
import dev.tinyj.emulator.toolchain.graph.TensorInfo;

/**
 * Operand checks of the float32 type variants (CONV_2D, DEPTHWISE_CONV_2D, FULLY_CONNECTED,
 * MAX_POOL_2D, SOFTMAX): every activation, filter and bias float32, as TFLM's prepares require for
 * {@code kTfLiteFloat32} ({@code TF_LITE_ENSURE_EQ(input->type, output->type)} and "Hybrid models
 * are not supported"; tflite-micro 90b983c2b3f1480642e040bbd2ddb37b998f3424). Quantization
 * parameters, if a float tensor has any, are ignored, as TFLM's float kernels ignore them.
 */
final class FloatOperand {
    private FloatOperand() {
    }

    /** Refuses {@code t} unless it is float32 ("unsupported type ... supported: float32"). */
    static TensorInfo require(OpContext ctx, TensorInfo t, String role) throws PrepareException {
        if (t.type() != DType.FLOAT32) {
            throw PrepareException.unsupportedType(ctx.where(), t, role, "float32");
        }
        return t;
    }

    /**
     * The optional bias (operand 2): null when absent; else float32 with {@code channels}
     * elements. TFLM reads any bias of a float layer as float; another type is refused here.
     */
    static TensorInfo bias(OpContext ctx, int channels) throws PrepareException {
        return ConvQuantization.bias(ctx, channels, java.util.Set.of(DType.FLOAT32), "float32");
    }
}
