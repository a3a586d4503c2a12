package dev.tinyj.runtime.kernels;

import dev.tinyj.hal.Flash;

/**
 * CONV_2D, float32 type variant: TFLM {@code reference_ops::Conv} for float
 * ({@code tensorflow/lite/kernels/internal/reference/conv.h}, tflite-micro
 * 90b983c2b3f1480642e040bbd2ddb37b998f3424, as {@code micro/kernels/conv.cc} calls it for
 * {@code kTfLiteFloat32}), including grouped convolution.
 *
 * <p>Layouts: input NHWC float32, filter OHWI float32, bias float32[out depth] (or absent), output
 * NHWC float32, all little-endian. Bit-exact with TFLM built for x86-64 (SSE, no fused
 * multiply-add): the same IEEE float operations in the same order. For each output element, in
 * TFLM's loop order (batch, y, x, output channel): {@code total = 0}, then for every filter row,
 * column and input channel of the group whose tap lies inside the input,
 * {@code total += input · filter}; then {@code total + bias} ({@code + 0} without a bias) through
 * {@link FloatTensor#clamp}.
 *
 * <p>Params: the {@link ConvWindowFloat} layout, with {@link ConvWindowFloat#P_CHANNEL_PARAM} the
 * filter's input depth. The kernel trusts prepare (TFLM only DCHECKs).
 */
public final class Conv2DFloat {
    private Conv2DFloat() {
    }

    /** Runs the convolution; {@code bias} may be null when {@link ConvWindowFloat#P_HAS_BIAS} is 0. */
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
        int filterInD = Flash.readInt(params, p + ConvWindowFloat.P_CHANNEL_PARAM);
        int filtersPerGroup = outD / (inD / filterInD);
        int out = 0;
        for (int b = 0; b < batches; b++) {
            for (int oy = 0; oy < outH; oy++) {
                int iyOrigin = oy * strideH - padH;
                for (int ox = 0; ox < outW; ox++) {
                    int ixOrigin = ox * strideW - padW;
                    for (int oc = 0; oc < outD; oc++) {
                        int groupStart = (oc / filtersPerGroup) * filterInD;
                        float total = 0f;
                        for (int fy = 0; fy < filterH; fy++) {
                            int iy = iyOrigin + dilationH * fy;
                            for (int fx = 0; fx < filterW; fx++) {
                                int ix = ixOrigin + dilationW * fx;
                                if (ix < 0 || ix >= inW || iy < 0 || iy >= inH) {
                                    continue;
                                }
                                int in = ((b * inH + iy) * inW + ix) * inD + groupStart;
                                int f = ((oc * filterH + fy) * filterW + fx) * filterInD;
                                for (int ic = 0; ic < filterInD; ic++) {
                                    total += FloatTensor.get(input, inputOff, in + ic)
                                            * FloatTensor.get(filter, filterOff, f + ic);
                                }
                            }
                        }
                        float biasValue = hasBias ? FloatTensor.get(bias, biasOff, oc) : 0f;
                        FloatTensor.set(output, outputOff, out++, FloatTensor.clamp(total + biasValue, actMin, actMax));
                    }
                }
            }
        }
    }
}
