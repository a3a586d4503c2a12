package dev.tinyj.runtime.kernels;

import dev.tinyj.hal.Flash;

/**
 * DEPTHWISE_CONV_2D, int8: TFLM {@code reference_integer_ops::DepthwiseConvPerChannel}
 * ({@code tensorflow/lite/kernels/internal/reference/integer_ops/depthwise_conv.h}, tflite-micro
 * 90b983c2b3f1480642e040bbd2ddb37b998f3424).
 *
 * <p>Layouts: input NHWC int8, filter 1HWO int8 with O = input depth × depth multiplier, bias
 * int32[O] little-endian (or absent), output NHWC int8. Output channel {@code oc = ic × m + k}
 * reads only input channel {@code ic}: {@code acc = Σ filter[0, fy, fx, oc] · (input + input_offset)}
 * over the taps inside the input, {@code + bias[oc]}, then {@link ConvRequantize}.
 *
 * <p>Params: the {@link ConvWindow} layout, with {@link #P_DEPTH_MULTIPLIER}. The kernel trusts
 * prepare (no runtime checks; TFLM only DCHECKs).
 */
public final class DepthwiseConv2D {
    private DepthwiseConv2D() {
    }

    /** Output channels per input channel. */
    public static final int P_DEPTH_MULTIPLIER = ConvWindow.P_CHANNEL_PARAM;

    /** Runs the depthwise convolution; {@code bias} may be null when {@link ConvWindow#P_HAS_BIAS} is 0. */
    public static void eval(byte[] params, int p, byte[] input, int inputOff, byte[] filter, int filterOff,
            byte[] bias, int biasOff, byte[] output, int outputOff) {
        int batches = Flash.readInt(params, p + ConvWindow.P_BATCHES);
        int inH = Flash.readInt(params, p + ConvWindow.P_IN_H);
        int inW = Flash.readInt(params, p + ConvWindow.P_IN_W);
        int inD = Flash.readInt(params, p + ConvWindow.P_IN_D);
        int filterH = Flash.readInt(params, p + ConvWindow.P_FILTER_H);
        int filterW = Flash.readInt(params, p + ConvWindow.P_FILTER_W);
        int outH = Flash.readInt(params, p + ConvWindow.P_OUT_H);
        int outW = Flash.readInt(params, p + ConvWindow.P_OUT_W);
        int outD = Flash.readInt(params, p + ConvWindow.P_OUT_D);
        int strideH = Flash.readInt(params, p + ConvWindow.P_STRIDE_H);
        int strideW = Flash.readInt(params, p + ConvWindow.P_STRIDE_W);
        int dilationH = Flash.readInt(params, p + ConvWindow.P_DILATION_H);
        int dilationW = Flash.readInt(params, p + ConvWindow.P_DILATION_W);
        int padH = Flash.readInt(params, p + ConvWindow.P_PAD_H);
        int padW = Flash.readInt(params, p + ConvWindow.P_PAD_W);
        int inputOffset = Flash.readInt(params, p + ConvWindow.P_INPUT_OFFSET);
        int outputOffset = Flash.readInt(params, p + ConvWindow.P_OUTPUT_OFFSET);
        int actMin = Flash.readInt(params, p + ConvWindow.P_ACT_MIN);
        int actMax = Flash.readInt(params, p + ConvWindow.P_ACT_MAX);
        boolean hasBias = Flash.readInt(params, p + ConvWindow.P_HAS_BIAS) != 0;
        int depthMultiplier = Flash.readInt(params, p + P_DEPTH_MULTIPLIER);
        int quantCount = Flash.readInt(params, p + ConvWindow.P_QUANT_COUNT);
        int quantStep = Flash.readInt(params, p + ConvWindow.P_QUANT_STEP);
        int quantAt = p + ConvWindow.P_MULTIPLIERS;
        for (int b = 0; b < batches; b++) {
            for (int oy = 0; oy < outH; oy++) {
                int iyOrigin = oy * strideH - padH;
                for (int ox = 0; ox < outW; ox++) {
                    int ixOrigin = ox * strideW - padW;
                    int out = outputOff + ((b * outH + oy) * outW + ox) * outD;
                    for (int ic = 0; ic < inD; ic++) {
                        for (int m = 0; m < depthMultiplier; m++) {
                            int oc = ic * depthMultiplier + m;
                            int acc = 0;
                            for (int fy = 0; fy < filterH; fy++) {
                                int iy = iyOrigin + dilationH * fy;
                                if (iy < 0 || iy >= inH) {
                                    continue;
                                }
                                for (int fx = 0; fx < filterW; fx++) {
                                    int ix = ixOrigin + dilationW * fx;
                                    if (ix < 0 || ix >= inW) {
                                        continue;
                                    }
                                    int inVal = input[inputOff + ((b * inH + iy) * inW + ix) * inD + ic];
                                    acc += filter[filterOff + (fy * filterW + fx) * outD + oc] * (inVal + inputOffset);
                                }
                            }
                            if (hasBias) {
                                acc += Flash.readInt(bias, biasOff + 4 * oc);
                            }
                            output[out + oc] = (byte) ConvRequantize.toInt8(acc,
                                    ConvRequantize.multiplier(params, quantAt, quantStep, oc),
                                    ConvRequantize.shift(params, quantAt, quantCount, quantStep, oc),
                                    outputOffset, actMin, actMax);
                        }
                    }
                }
            }
        }
    }
}
