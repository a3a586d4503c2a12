package dev.tinyj.runtime.kernels;

import dev.tinyj.hal.Flash;

/**
 * CONV_2D, int8: TFLM {@code reference_integer_ops::ConvPerChannel}
 * ({@code tensorflow/lite/kernels/internal/reference/integer_ops/conv.h}, tflite-micro
 * 90b983c2b3f1480642e040bbd2ddb37b998f3424), including grouped convolution (input depth a multiple
 * of the filter's input depth).
 *
 * <p>Layouts: input NHWC int8, filter OHWI int8 (output channel, height, width, input channel of
 * the group), bias int32[out depth] little-endian (or absent), output NHWC int8. For each output
 * element: {@code acc = Σ filter · (input + input_offset)} over the window taps that fall inside
 * the input (zero padding is "skip the tap"), {@code + bias}, then {@link ConvRequantize}.
 * Accumulation wraps in int32 as the C++ does.
 *
 * <p>Params: the {@link ConvWindow} layout, with {@link #P_FILTER_IN_D} the filter's input depth.
 * The kernel trusts prepare: bad params index out of the arrays (a fault in the emulator), as TFLM
 * only DCHECKs them.
 */
public final class Conv2D {
    private Conv2D() {
    }

    /** Filter input depth (the filter's dimension 3). */
    public static final int P_FILTER_IN_D = ConvWindow.P_CHANNEL_PARAM;

    /** Runs the convolution; {@code bias} may be null when {@link ConvWindow#P_HAS_BIAS} is 0. */
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
        int filterInD = Flash.readInt(params, p + P_FILTER_IN_D);
        int quantCount = Flash.readInt(params, p + ConvWindow.P_QUANT_COUNT);
        int quantStep = Flash.readInt(params, p + ConvWindow.P_QUANT_STEP);
        int quantAt = p + ConvWindow.P_MULTIPLIERS;
        int filtersPerGroup = outD / (inD / filterInD);
        int out = outputOff;
        for (int b = 0; b < batches; b++) {
            for (int oy = 0; oy < outH; oy++) {
                int iyOrigin = oy * strideH - padH;
                for (int ox = 0; ox < outW; ox++) {
                    int ixOrigin = ox * strideW - padW;
                    for (int oc = 0; oc < outD; oc++) {
                        int groupStart = (oc / filtersPerGroup) * filterInD;
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
                                int in = inputOff + ((b * inH + iy) * inW + ix) * inD + groupStart;
                                int f = filterOff + ((oc * filterH + fy) * filterW + fx) * filterInD;
                                for (int ic = 0; ic < filterInD; ic++) {
                                    acc += filter[f + ic] * (input[in + ic] + inputOffset);
                                }
                            }
                        }
                        if (hasBias) {
                            acc += Flash.readInt(bias, biasOff + 4 * oc);
                        }
                        output[out++] = (byte) ConvRequantize.toInt8(acc,
                                ConvRequantize.multiplier(params, quantAt, quantStep, oc),
                                ConvRequantize.shift(params, quantAt, quantCount, quantStep, oc),
                                outputOffset, actMin, actMax);
                    }
                }
            }
        }
    }
}
