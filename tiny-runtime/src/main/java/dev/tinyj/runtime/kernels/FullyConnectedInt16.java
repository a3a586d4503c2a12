package dev.tinyj.runtime.kernels;

import dev.tinyj.hal.Flash;

/**
 * FULLY_CONNECTED, int16 activations and int8 weights (TFLM's 16x8 scheme): TFLM
 * {@code reference_integer_ops::FullyConnected} (per-tensor) and {@code FullyConnectedPerChannel}
 * instantiated for {@code <int16_t, int8_t, int16_t, BiasType>}
 * ({@code tensorflow/lite/kernels/internal/reference/integer_ops/fully_connected.h}, tflite-micro
 * 90b983c2b3f1480642e040bbd2ddb37b998f3424), as {@code FullyConnectedEval} in
 * {@code micro/kernels/fully_connected.cc} picks them: int64 accumulator and bias, or int32 with an
 * int32 bias. Unlike the 16x8 convolutions, these apply the input, filter and output offsets
 * (the same template as int8).
 *
 * <p>Layouts: input int16 viewed as [batches, accum depth], filter int8 [out depth, accum depth],
 * bias int64 or int32 [out depth] little-endian (or absent), output int16 [batches, out depth].
 * {@code acc = Σ (filter + filter_offset) · (input + input_offset) + bias} (each product int32),
 * then {@link Int16Requantize#toInt16} with the output offset.
 *
 * <p>Params: {@link FullyConnected}'s layout, its {@link FullyConnected#P_HAS_BIAS} holding the
 * {@link Int16Requantize} flags. Trusts prepare.
 */
public final class FullyConnectedInt16 {
    private FullyConnectedInt16() {
    }

    /** Runs the layer; {@code bias} may be null without the {@link Int16Requantize#BIAS} flag. */
    public static void eval(byte[] params, int p, byte[] input, int inputOff, byte[] filter, int filterOff,
            byte[] bias, int biasOff, byte[] output, int outputOff) {
        int batches = Flash.readInt(params, p + FullyConnected.P_BATCHES);
        int accumDepth = Flash.readInt(params, p + FullyConnected.P_ACCUM_DEPTH);
        int outD = Flash.readInt(params, p + FullyConnected.P_OUT_D);
        int inputOffset = Flash.readInt(params, p + FullyConnected.P_INPUT_OFFSET);
        int filterOffset = Flash.readInt(params, p + FullyConnected.P_FILTER_OFFSET);
        int outputOffset = Flash.readInt(params, p + FullyConnected.P_OUTPUT_OFFSET);
        int actMin = Flash.readInt(params, p + FullyConnected.P_ACT_MIN);
        int actMax = Flash.readInt(params, p + FullyConnected.P_ACT_MAX);
        int flags = Flash.readInt(params, p + FullyConnected.P_HAS_BIAS);
        boolean hasBias = (flags & Int16Requantize.BIAS) != 0;
        boolean acc64 = (flags & Int16Requantize.ACC64) != 0;
        int quantCount = Flash.readInt(params, p + FullyConnected.P_QUANT_COUNT);
        int quantStep = Flash.readInt(params, p + FullyConnected.P_QUANT_STEP);
        int quantAt = p + FullyConnected.P_MULTIPLIERS;
        int out = 0;
        for (int b = 0; b < batches; b++) {
            int row = b * accumDepth;
            for (int oc = 0; oc < outD; oc++) {
                int f = filterOff + oc * accumDepth;
                long acc = 0;
                for (int d = 0; d < accumDepth; d++) {
                    acc += (filter[f + d] + filterOffset) * (Int16Requantize.load(input, inputOff, row + d) + inputOffset);
                }
                if (hasBias) {
                    acc += Int16Requantize.bias(bias, biasOff, oc, acc64);
                }
                Int16Requantize.store(output, outputOff, out++, Int16Requantize.toInt16(acc,
                        ConvRequantize.multiplier(params, quantAt, quantStep, oc),
                        ConvRequantize.shift(params, quantAt, quantCount, quantStep, oc),
                        acc64, outputOffset, actMin, actMax));
            }
        }
    }
}
