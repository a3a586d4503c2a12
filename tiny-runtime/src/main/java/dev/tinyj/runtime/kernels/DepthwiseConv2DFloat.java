package dev.tinyj.runtime.kernels;

import dev.tinyj.hal.Flash;

/**
 * DEPTHWISE_CONV_2D, float32 type variant: TFLM {@code reference_ops::DepthwiseConv} for float
 * ({@code tensorflow/lite/kernels/internal/reference/depthwiseconv_float.h}, tflite-micro
 * 90b983c2b3f1480642e040bbd2ddb37b998f3424, as {@code micro/kernels/depthwise_conv.cc} calls it for
 * {@code kTfLiteFloat32}).
 *
 * <p>Layouts: input NHWC float32, filter 1HWO float32 with O = input depth × depth multiplier,
 * bias float32[O] (or absent), output NHWC float32, little-endian. Bit-exact with TFLM on x86-64:
 * in TFLM's loop order (batch, y, x, input channel {@code ic}, multiplier {@code m}, output
 * channel {@code oc = ic·m_count + m}), {@code total = 0}, then over the filter rows and columns
 * whose tap lies inside the input {@code total += input[.., ic] · filter[0, fy, fx, oc]}; then
 * {@code total + bias} ({@code + 0} without a bias) through {@link FloatTensor#clamp}.
 *
 * <p>Params: the {@link ConvWindowFloat} layout, with {@link ConvWindowFloat#P_CHANNEL_PARAM} the
 * depth multiplier. The kernel trusts prepare (TFLM only DCHECKs).
 */
public final class DepthwiseConv2DFloat {
    private DepthwiseConv2DFloat() {
    }

    /** Runs the depthwise convolution; {@code bias} may be null when {@link ConvWindowFloat#P_HAS_BIAS} is 0. */
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
        float actMin = Float.intBitsToFloat(Flash.readInt(params, p + ConvWindowFloat.P_ACT_MIN));
        float actMax = Float.intBitsToFloat(Flash.readInt(params, p + ConvWindowFloat.P_ACT_MAX));
        boolean hasBias = Flash.readInt(params, p + ConvWindowFloat.P_HAS_BIAS) != 0;
        int depthMultiplier = Flash.readInt(params, p + ConvWindowFloat.P_CHANNEL_PARAM);
        for (int b = 0; b < batches; b++) {
            for (int oy = 0; oy < outH; oy++) {
                int iyOrigin = oy * strideH - padH;
                for (int ox = 0; ox < outW; ox++) {
                    int ixOrigin = ox * strideW - padW;
                    int out = ((b * outH + oy) * outW + ox) * outD;
                    for (int ic = 0; ic < inD; ic++) {
                        for (int m = 0; m < depthMultiplier; m++) {
                            int oc = ic * depthMultiplier + m;
                            float total = 0f;
                            for (int fy = 0; fy < filterH; fy++) {
                                int iy = iyOrigin + dilationH * fy;
                                for (int fx = 0; fx < filterW; fx++) {
                                    int ix = ixOrigin + dilationW * fx;
                                    if (ix < 0 || ix >= inW || iy < 0 || iy >= inH) {
                                        continue;
                                    }
                                    total += FloatTensor.get(input, inputOff, ((b * inH + iy) * inW + ix) * inD + ic)
                                            * FloatTensor.get(filter, filterOff, (fy * filterW + fx) * outD + oc);
                                }
                            }
                            float biasValue = hasBias ? FloatTensor.get(bias, biasOff, oc) : 0f;
                            FloatTensor.set(output, outputOff, out + oc,
                                    FloatTensor.clamp(total + biasValue, actMin, actMax));
                        }
                    }
                }
            }
        }
    }
}
