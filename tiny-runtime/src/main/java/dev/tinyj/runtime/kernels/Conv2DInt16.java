package dev.tinyj.runtime.kernels;

import dev.tinyj.hal.Flash;

/**
 * CONV_2D, int16 activations and int8 weights (TFLM's 16x8 scheme): TFLM
 * {@code reference_integer_ops::ConvPerChannel<AccumScalar>} for {@code int16_t} data
 * ({@code tensorflow/lite/kernels/internal/reference/integer_ops/conv.h}, tflite-micro
 * 90b983c2b3f1480642e040bbd2ddb37b998f3424), selected by {@code ConvEval} in
 * {@code micro/kernels/conv.cc} for an int16 input: int64 accumulator with an int64 bias or none,
 * int32 accumulator with an int32 bias.
 *
 * <p>Layouts: input NHWC int16, filter OHWI int8 (grouped as {@link Conv2D}), bias int64 or int32
 * [out depth] little-endian (or absent), output NHWC int16. For each output element:
 * {@code acc = Σ filter · input} over the window taps inside the input (no input offset: the 16x8
 * kernel ignores the zero points), {@code + bias}, then {@link Int16Requantize#toInt16} with
 * output offset 0 (ignored too), clamped to the activation range.
 *
 * <p>Params: the {@link ConvWindow} layout ({@link ConvWindow#P_INPUT_OFFSET} and
 * {@link ConvWindow#P_OUTPUT_OFFSET} are not read), {@link ConvWindow#P_CHANNEL_PARAM} the filter's
 * input depth, {@link ConvWindow#P_HAS_BIAS} the {@link Int16Requantize} flags. Trusts prepare.
 */
public final class Conv2DInt16 {
    private Conv2DInt16() {
    }

    /** Runs the convolution; {@code bias} may be null without the {@link Int16Requantize#BIAS} flag. */
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
        int filterInD = Flash.readInt(params, p + ConvWindow.P_CHANNEL_PARAM);
        int quantCount = Flash.readInt(params, p + ConvWindow.P_QUANT_COUNT);
        int quantStep = Flash.readInt(params, p + ConvWindow.P_QUANT_STEP);
        int quantAt = p + ConvWindow.P_MULTIPLIERS;
        int filtersPerGroup = outD / (inD / filterInD);
        int out = 0;
        for (int b = 0; b < batches; b++) {
            for (int oy = 0; oy < outH; oy++) {
                int iyOrigin = oy * strideH - padH;
                for (int ox = 0; ox < outW; ox++) {
                    int ixOrigin = ox * strideW - padW;
                    for (int oc = 0; oc < outD; oc++) {
                        int groupStart = (oc / filtersPerGroup) * filterInD;
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
                                int in = ((b * inH + iy) * inW + ix) * inD + groupStart;
                                int f = filterOff + ((oc * filterH + fy) * filterW + fx) * filterInD;
                                for (int ic = 0; ic < filterInD; ic++) {
                                    acc += filter[f + ic] * Int16Requantize.load(input, inputOff, in + ic);
                                }
                            }
                        }
                        if (hasBias) {
                            acc += Int16Requantize.bias(bias, biasOff, oc, acc64);
                        }
                        Int16Requantize.store(output, outputOff, out++, Int16Requantize.toInt16(acc,
                                ConvRequantize.multiplier(params, quantAt, quantStep, oc),
                                ConvRequantize.shift(params, quantAt, quantCount, quantStep, oc),
                                acc64, 0, actMin, actMax));
                    }
                }
            }
        }
    }
}
