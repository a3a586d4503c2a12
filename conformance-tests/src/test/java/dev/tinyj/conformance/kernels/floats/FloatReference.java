package dev.tinyj.conformance.kernels.floats;

/**
 * An independent host reference for the float32 kernels, written from TFLM's float reference
 * kernels (tflite-micro 90b983c2b3f1480642e040bbd2ddb37b998f3424: {@code reference_ops::Conv},
 * {@code DepthwiseConv}, {@code FullyConnected}, {@code MaxPool}, {@code Softmax} and
 * {@code ActivationFunctionWithMinMax}; padding from {@code tensorflow/lite/kernels/padding.h}) in
 * plain Java float, on decoded {@code float[]} tensors with a 4-D index function: the same IEEE
 * operations in the same order as TFLM, so a kernel that follows TFLM's order gives the same bits.
 * It shares no code with the kernels or their prepare steps.
 */
final class FloatReference {
    private FloatReference() {
    }

    /** {@code std::numeric_limits<float>::lowest()}. */
    static final float LOWEST = -Float.MAX_VALUE;

    /** {@code std::max(a, b)}: {@code (a < b) ? b : a}. */
    static float stdMax(float a, float b) {
        return (a < b) ? b : a;
    }

    /** {@code std::min(a, b)}: {@code (b < a) ? b : a}. */
    static float stdMin(float a, float b) {
        return (b < a) ? b : a;
    }

    /** {@code CalculateActivationRange<float>}: {@code {min, max}} of a fused activation by schema name. */
    static float[] activationRange(String activation) {
        return switch (activation) {
            case "RELU" -> new float[] {0f, Float.MAX_VALUE};
            case "RELU6" -> new float[] {0f, 6f};
            case "RELU_N1_TO_1" -> new float[] {-1f, 1f};
            default -> new float[] {LOWEST, Float.MAX_VALUE};
        };
    }

    /** {@code ActivationFunctionWithMinMax(x, min, max)} = {@code std::min(std::max(x, min), max)}. */
    static float activate(float x, float[] range) {
        return stdMin(stdMax(x, range[0]), range[1]);
    }

    /**
     * {@code padding.h}: output size and leading padding of one axis.
     *
     * @return {@code {out, pad}}
     */
    static int[] outAndPad(boolean same, int in, int filter, int stride, int dilation) {
        int effective = (filter - 1) * dilation + 1;
        int out = same ? (in + stride - 1) / stride : (in + stride - effective) / stride;
        int total = Math.max((out - 1) * stride + effective - in, 0);
        return new int[] {out, total / 2};
    }

    /** NHWC offset, as TFLM's {@code Offset(shape, i0, i1, i2, i3)}. */
    static int at(int[] shape, int i0, int i1, int i2, int i3) {
        return ((i0 * shape[1] + i1) * shape[2] + i2) * shape[3] + i3;
    }

    /**
     * A sliding window: strides, dilations and the leading paddings.
     *
     * @param strideH vertical stride
     * @param strideW horizontal stride
     * @param dilationH vertical dilation
     * @param dilationW horizontal dilation
     * @param padH top padding
     * @param padW left padding
     */
    record Window(int strideH, int strideW, int dilationH, int dilationW, int padH, int padW) {
    }

    /** {@code reference_ops::Conv} (float); {@code bias} may be null. Filter OHWI. */
    static float[] conv(float[] input, int[] inShape, float[] filter, int[] filterShape, float[] bias, int[] outShape,
            Window w, float[] range) {
        float[] out = new float[outShape[0] * outShape[1] * outShape[2] * outShape[3]];
        int filterInputDepth = filterShape[3];
        int groups = inShape[3] / filterInputDepth;
        int filtersPerGroup = outShape[3] / groups;
        for (int b = 0; b < outShape[0]; ++b) {
            for (int y = 0; y < outShape[1]; ++y) {
                int inY0 = y * w.strideH() - w.padH();
                for (int x = 0; x < outShape[2]; ++x) {
                    int inX0 = x * w.strideW() - w.padW();
                    for (int oc = 0; oc < outShape[3]; ++oc) {
                        int group = oc / filtersPerGroup;
                        float total = 0.f;
                        for (int fy = 0; fy < filterShape[1]; ++fy) {
                            int inY = inY0 + w.dilationH() * fy;
                            for (int fx = 0; fx < filterShape[2]; ++fx) {
                                int inX = inX0 + w.dilationW() * fx;
                                if (!(inX >= 0 && inX < inShape[2] && inY >= 0 && inY < inShape[1])) {
                                    continue;
                                }
                                for (int ic = 0; ic < filterInputDepth; ++ic) {
                                    float iv = input[at(inShape, b, inY, inX, ic + group * filterInputDepth)];
                                    float fv = filter[at(filterShape, oc, fy, fx, ic)];
                                    total += (iv * fv);
                                }
                            }
                        }
                        float biasValue = bias != null ? bias[oc] : 0.0f;
                        out[at(outShape, b, y, x, oc)] = activate(total + biasValue, range);
                    }
                }
            }
        }
        return out;
    }

    /** {@code reference_ops::DepthwiseConv} (float); {@code bias} may be null. Filter 1HWO. */
    static float[] depthwise(float[] input, int[] inShape, float[] filter, int[] filterShape, float[] bias,
            int[] outShape, Window w, int multiplier, float[] range) {
        float[] out = new float[outShape[0] * outShape[1] * outShape[2] * outShape[3]];
        for (int b = 0; b < outShape[0]; ++b) {
            for (int y = 0; y < outShape[1]; ++y) {
                for (int x = 0; x < outShape[2]; ++x) {
                    for (int ic = 0; ic < inShape[3]; ++ic) {
                        for (int m = 0; m < multiplier; m++) {
                            int oc = m + ic * multiplier;
                            int inX0 = x * w.strideW() - w.padW();
                            int inY0 = y * w.strideH() - w.padH();
                            float total = 0.f;
                            for (int fy = 0; fy < filterShape[1]; ++fy) {
                                for (int fx = 0; fx < filterShape[2]; ++fx) {
                                    int inX = inX0 + w.dilationW() * fx;
                                    int inY = inY0 + w.dilationH() * fy;
                                    if (inX >= 0 && inX < inShape[2] && inY >= 0 && inY < inShape[1]) {
                                        float iv = input[at(inShape, b, inY, inX, ic)];
                                        float fv = filter[at(filterShape, 0, fy, fx, oc)];
                                        total += (iv * fv);
                                    }
                                }
                            }
                            float biasValue = bias != null ? bias[oc] : 0.0f;
                            out[at(outShape, b, y, x, oc)] = activate(total + biasValue, range);
                        }
                    }
                }
            }
        }
        return out;
    }

    /** {@code reference_ops::FullyConnected} (float): {@code rows × depth} times {@code [units, depth]}ᵀ. */
    static float[] fullyConnected(float[] input, int rows, int depth, float[] weights, int units, float[] bias,
            float[] range) {
        float[] out = new float[rows * units];
        for (int b = 0; b < rows; ++b) {
            for (int oc = 0; oc < units; ++oc) {
                float total = 0.f;
                for (int d = 0; d < depth; ++d) {
                    total += input[b * depth + d] * weights[oc * depth + d];
                }
                float biasValue = bias != null ? bias[oc] : 0.0f;
                out[oc + units * b] = activate(total + biasValue, range);
            }
        }
        return out;
    }

    /** {@code reference_ops::MaxPool} (float), NHWC; {@code filter} and {@code stride} as {@code {h, w}}. */
    static float[] maxPool(float[] input, int[] inShape, int[] outShape, int[] filter, int[] stride, int padH,
            int padW, float[] range) {
        float[] out = new float[outShape[0] * outShape[1] * outShape[2] * outShape[3]];
        for (int b = 0; b < outShape[0]; ++b) {
            for (int y = 0; y < outShape[1]; ++y) {
                for (int x = 0; x < outShape[2]; ++x) {
                    for (int c = 0; c < outShape[3]; ++c) {
                        int inX0 = x * stride[1] - padW;
                        int inY0 = y * stride[0] - padH;
                        int fxStart = Math.max(0, -inX0);
                        int fxEnd = Math.min(filter[1], inShape[2] - inX0);
                        int fyStart = Math.max(0, -inY0);
                        int fyEnd = Math.min(filter[0], inShape[1] - inY0);
                        float max = LOWEST;
                        for (int fy = fyStart; fy < fyEnd; ++fy) {
                            for (int fx = fxStart; fx < fxEnd; ++fx) {
                                max = stdMax(max, input[at(inShape, b, inY0 + fy, inX0 + fx, c)]);
                            }
                        }
                        out[at(outShape, b, y, x, c)] = activate(max, range);
                    }
                }
            }
        }
        return out;
    }

    /** A float function (the exponential TFLM takes from libm). */
    @FunctionalInterface
    interface FloatFunction {
        float apply(float x);
    }

    /** {@code reference_ops::Softmax} (float) over rows of {@code depth}, with {@code exp} as given. */
    static float[] softmax(float[] input, int depth, float beta, FloatFunction exp) {
        float[] out = new float[input.length];
        for (int i = 0; i < input.length / depth; ++i) {
            float max = LOWEST;
            for (int c = 0; c < depth; ++c) {
                max = stdMax(max, input[i * depth + c]);
            }
            float sum = 0.f;
            for (int c = 0; c < depth; ++c) {
                float e = exp.apply((input[i * depth + c] - max) * beta);
                out[i * depth + c] = e;
                sum += e;
            }
            for (int c = 0; c < depth; ++c) {
                out[i * depth + c] = out[i * depth + c] / sum;
            }
        }
        return out;
    }
}
