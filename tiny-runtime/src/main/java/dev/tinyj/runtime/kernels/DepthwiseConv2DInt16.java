package dev.tinyj.runtime.kernels;

import dev.tinyj.hal.Flash;

/**
 * DEPTHWISE_CONV_2D, int16 activations and int8 weights (TFLM's 16x8 scheme): TFLM
 * {@code reference_integer_ops::DepthwiseConvPerChannel} for {@code int16_t} data
 * ({@code tensorflow/lite/kernels/internal/reference/integer_ops/depthwise_conv.h}, tflite-micro
 * 90b983c2b3f1480642e040bbd2ddb37b998f3424): 64-bit accumulator, int64 bias.
 *
 * <p>Layouts: input NHWC int16, filter 1HWO int8 with O = input depth × depth multiplier, bias
 * int64[O] little-endian (or absent), output NHWC int16. Output channel {@code oc = ic × m + k}:
 * {@code acc = Σ filter[0, fy, fx, oc] · input} over the taps inside the input (no input or
 * output offset: the 16x8 kernel ignores the zero points), {@code + bias[oc]}, then
 * {@link Int16Requantize#toInt16}.
 *
 * <p>Params: the {@link ConvWindow} layout ({@link ConvWindow#P_INPUT_OFFSET} and
 * {@link ConvWindow#P_OUTPUT_OFFSET} are not read), {@link ConvWindow#P_CHANNEL_PARAM} the depth
 * multiplier, {@link ConvWindow#P_HAS_BIAS} the {@link Int16Requantize} flags (prepare always sets
 * {@link Int16Requantize#ACC64}). Trusts prepare.
 */
public final class DepthwiseConv2DInt16 {
    private DepthwiseConv2DInt16() {
    }

    /** Runs the depthwise convolution; {@code bias} may be null without the {@link Int16Requantize#BIAS} flag. */
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
        int actMin = Flash.readInt(params, p + ConvWindow.P_ACT_MIN);
        int actMax = Flash.readInt(params, p + ConvWindow.P_ACT_MAX);
        int flags = Flash.readInt(params, p + ConvWindow.P_HAS_BIAS);
        boolean hasBias = (flags & Int16Requantize.BIAS) != 0;
        boolean acc64 = (flags & Int16Requantize.ACC64) != 0;
        int depthMultiplier = Flash.readInt(params, p + ConvWindow.P_CHANNEL_PARAM);
        int quantCount = Flash.readInt(params, p + ConvWindow.P_QUANT_COUNT);
        int quantStep = Flash.readInt(params, p + ConvWindow.P_QUANT_STEP);
        int quantAt = p + ConvWindow.P_MULTIPLIERS;
        for (int b = 0; b < batches; b++) {
            for (int oy = 0; oy < outH; oy++) {
                int iyOrigin = oy * strideH - padH;
                for (int ox = 0; ox < outW; ox++) {
                    int ixOrigin = ox * strideW - padW;
                    int out = ((b * outH + oy) * outW + ox) * outD;
                    for (int ic = 0; ic < inD; ic++) {
                        for (int m = 0; m < depthMultiplier; m++) {
                            int oc = ic * depthMultiplier + m;
                            long acc = 0;
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
                                    int inVal = Int16Requantize.load(input, inputOff,
                                            ((b * inH + iy) * inW + ix) * inD + ic);
                                    acc += filter[filterOff + (fy * filterW + fx) * outD + oc] * inVal;
                                }
                            }
                            if (hasBias) {
                                acc += Int16Requantize.bias(bias, biasOff, oc, acc64);
                            }
                            Int16Requantize.store(output, outputOff, out + oc, Int16Requantize.toInt16(acc,
                                    ConvRequantize.multiplier(params, quantAt, quantStep, oc),
                                    ConvRequantize.shift(params, quantAt, quantCount, quantStep, oc),
                                    acc64, 0, actMin, actMax));
                        }
                    }
                }
            }
        }
    }
}
