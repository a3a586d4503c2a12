package dev.tinyj.runtime.kernels;

/**
 * The params block layout shared by {@link Conv2D} and {@link DepthwiseConv2D}: a sliding window
 * over an NHWC int8 input. All fields are little-endian int32 at the byte offsets below, written by
 * the host prepare step ({@code Conv2DPrepare} / {@code DepthwiseConv2DPrepare}).
 *
 * <table>
 * <caption>window params</caption>
 * <tr><th>offset</th><th>field</th><th>meaning</th></tr>
 * <tr><td>0</td><td>{@link #P_BATCHES}</td><td>N of input and output</td></tr>
 * <tr><td>4..12</td><td>{@link #P_IN_H}, {@link #P_IN_W}, {@link #P_IN_D}</td><td>input H, W, C</td></tr>
 * <tr><td>16, 20</td><td>{@link #P_FILTER_H}, {@link #P_FILTER_W}</td><td>filter window</td></tr>
 * <tr><td>24..32</td><td>{@link #P_OUT_H}, {@link #P_OUT_W}, {@link #P_OUT_D}</td><td>output H, W, C as the output tensor declares them (TFLM loops over these)</td></tr>
 * <tr><td>36, 40</td><td>{@link #P_STRIDE_H}, {@link #P_STRIDE_W}</td><td>strides, elements</td></tr>
 * <tr><td>44, 48</td><td>{@link #P_DILATION_H}, {@link #P_DILATION_W}</td><td>dilation factors</td></tr>
 * <tr><td>52, 56</td><td>{@link #P_PAD_H}, {@link #P_PAD_W}</td><td>top and left padding (TFLM
 *     {@code ComputePaddingHeightWidth})</td></tr>
 * <tr><td>60</td><td>{@link #P_INPUT_OFFSET}</td><td>−input zero point</td></tr>
 * <tr><td>64</td><td>{@link #P_OUTPUT_OFFSET}</td><td>output zero point</td></tr>
 * <tr><td>68, 72</td><td>{@link #P_ACT_MIN}, {@link #P_ACT_MAX}</td><td>fused activation clamp</td></tr>
 * <tr><td>76</td><td>{@link #P_HAS_BIAS}</td><td>1 with an int32 bias operand, 0 without (the int16 kernels: {@link Int16Requantize} flags)</td></tr>
 * <tr><td>80</td><td>{@link #P_CHANNEL_PARAM}</td><td>CONV_2D: filter input depth (groups =
 *     input depth / it); DEPTHWISE_CONV_2D: depth multiplier</td></tr>
 * <tr><td>84</td><td>{@link #P_QUANT_COUNT}</td><td>entries per multiplier array (1 or output depth)</td></tr>
 * <tr><td>88</td><td>{@link #P_QUANT_STEP}</td><td>0 per-tensor, 1 per-channel</td></tr>
 * <tr><td>92</td><td>{@link #P_MULTIPLIERS}</td><td>int32 multipliers[count], then int32 shifts[count]
 *     ({@link ConvRequantize})</td></tr>
 * </table>
 */
public final class ConvWindow {
    private ConvWindow() {
    }

    public static final int P_BATCHES = 0;
    public static final int P_IN_H = 4;
    public static final int P_IN_W = 8;
    public static final int P_IN_D = 12;
    public static final int P_FILTER_H = 16;
    public static final int P_FILTER_W = 20;
    public static final int P_OUT_H = 24;
    public static final int P_OUT_W = 28;
    public static final int P_OUT_D = 32;
    public static final int P_STRIDE_H = 36;
    public static final int P_STRIDE_W = 40;
    public static final int P_DILATION_H = 44;
    public static final int P_DILATION_W = 48;
    public static final int P_PAD_H = 52;
    public static final int P_PAD_W = 56;
    public static final int P_INPUT_OFFSET = 60;
    public static final int P_OUTPUT_OFFSET = 64;
    public static final int P_ACT_MIN = 68;
    public static final int P_ACT_MAX = 72;
    public static final int P_HAS_BIAS = 76;
    public static final int P_CHANNEL_PARAM = 80;
    public static final int P_QUANT_COUNT = 84;
    public static final int P_QUANT_STEP = 88;
    public static final int P_MULTIPLIERS = 92;
}
