package dev.tinyj.emulator.toolchain.prepare;

import dev.tinyj.emulator.toolchain.graph.DType;
import dev.tinyj.emulator.toolchain.graph.TensorInfo;
import dev.tinyj.runtime.kernels.Int16Requantize;
import java.util.Set;

/**
 * The integer schemes of the convolution family (CONV_2D, DEPTHWISE_CONV_2D, FULLY_CONNECTED):
 * the activation type, the bias types the kernel reads and the accumulator that follows, as the
 * {@code Eval} functions of tflite-micro 90b983c2b3f1480642e040bbd2ddb37b998f3424 choose them
 * ({@code micro/kernels/conv.cc} {@code ConvEval}, {@code depthwise_conv.cc}
 * {@code DepthwiseConvEval}, {@code fully_connected.cc} {@code FullyConnectedEval}):
 *
 * <ul>
 * <li>{@link #INT8}: int8 activations, int32 bias, int32 accumulator;</li>
 * <li>{@link #INT16} (CONV_2D, FULLY_CONNECTED; "16x8"): int16 activations, int8 weights; an
 *     int64 bias means an int64 accumulator, an int32 bias an int32 one
 *     ({@code requires_int32_accum}); without a bias, int32 when the option
 *     {@code quantized_bias_type} says INT32, else int64;</li>
 * <li>{@link #INT16_INT64_BIAS} (DEPTHWISE_CONV_2D): as {@link #INT16}, but TFLM reads any bias
 *     as int64 ({@code GetOptionalTensorData<int64_t>}), so only an int64 bias is taken.</li>
 * </ul>
 */
enum ConvScheme {
    INT8(DType.INT8, Set.of(DType.INT32), "int32"),
    INT16(DType.INT16, Set.of(DType.INT64, DType.INT32), "int64 or int32"),
    INT16_INT64_BIAS(DType.INT16, Set.of(DType.INT64), "int64");

    private final DType activations;
    private final Set<DType> biasTypes;
    private final String biasLabel;

    ConvScheme(DType activations, Set<DType> biasTypes, String biasLabel) {
        this.activations = activations;
        this.biasTypes = biasTypes;
        this.biasLabel = biasLabel;
    }

    /** Type of the input and output activations. */
    DType activations() {
        return activations;
    }

    /**
     * The bias operand and the kernel's {@code P_HAS_BIAS} word.
     *
     * @param tensor the bias tensor, or null when absent
     * @param word int8: 1 with a bias, 0 without; int16: {@link Int16Requantize#BIAS} with a bias,
     *     plus {@link Int16Requantize#ACC64} for 64-bit accumulation
     */
    record Bias(TensorInfo tensor, int word) {
        /** Whether the kernel accumulates in 64 bits. */
        boolean acc64() {
            return (word & Int16Requantize.ACC64) != 0;
        }
    }

    /**
     * The optional bias (operand 2) of a layer with {@code channels} output channels.
     *
     * @throws PrepareException for a bias type this scheme's kernel does not read, or a bias
     *     without one element per channel
     */
    Bias bias(OpContext ctx, int channels) throws PrepareException {
        TensorInfo bias = ConvQuantization.bias(ctx, channels, biasTypes, biasLabel);
        if (this == INT8) {
            return new Bias(bias, bias != null ? 1 : 0);
        }
        boolean acc64 = bias != null ? bias.type() == DType.INT64
                : this == INT16_INT64_BIAS || !ctx.options().string("quantized_bias_type", "FLOAT32").equals("INT32");
        return new Bias(bias, (bias != null ? Int16Requantize.BIAS : 0) | (acc64 ? Int16Requantize.ACC64 : 0));
    }
}
