package dev.tinyj.runtime.kernels;

/**
 * The params block layout shared by {@link Conv2DFloat} and {@link DepthwiseConv2DFloat}: the
 * window geometry of {@link ConvWindow} at the same offsets (0 to 56: batches, input H/W/C, filter
 * H/W, output H/W/C as the output tensor declares them, strides, dilations, top/left padding), then
 * the float32 fields. Written by the host's {@code ConvWindowPrepare} for the float32 variants.
 *
 * <table>
 * <caption>float window params</caption>
 * <tr><th>offset</th><th>field</th><th>meaning</th></tr>
 * <tr><td>0..56</td><td>{@link ConvWindow#P_BATCHES} .. {@link ConvWindow#P_PAD_W}</td><td>as in {@link ConvWindow}</td></tr>
 * <tr><td>60, 64</td><td>{@link #P_ACT_MIN}, {@link #P_ACT_MAX}</td><td>fused activation clamp, float32 bits
 *     (TFLM {@code CalculateActivationRange}: NONE is [−FLT_MAX, FLT_MAX])</td></tr>
 * <tr><td>68</td><td>{@link #P_HAS_BIAS}</td><td>1 with a float32 bias operand, 0 without</td></tr>
 * <tr><td>72</td><td>{@link #P_CHANNEL_PARAM}</td><td>CONV_2D: filter input depth; DEPTHWISE_CONV_2D:
 *     depth multiplier</td></tr>
 * </table>
 * Size {@link #P_SIZE}.
 */
public final class ConvWindowFloat {
    private ConvWindowFloat() {
    }

    public static final int P_ACT_MIN = 60;
    public static final int P_ACT_MAX = 64;
    public static final int P_HAS_BIAS = 68;
    public static final int P_CHANNEL_PARAM = 72;
    public static final int P_SIZE = 76;
}
