package dev.tinyj.emulator.toolchain.prepare;

/**
 * Output size and padding of a sliding window along one spatial axis, as TFLite's
 * {@code ComputePaddingHeightWidth} ({@code tensorflow/lite/kernels/padding.h}, tflite-micro
 * 90b983c2b3f1480642e040bbd2ddb37b998f3424) computes them for CONV_2D and DEPTHWISE_CONV_2D:
 *
 * <ol>
 * <li>effective filter size = (filter − 1) × dilation + 1 (64-bit);</li>
 * <li>output size: SAME → ⌈in / stride⌉, VALID → (in + stride − effective) / stride truncated; a
 *     negative value is an error;</li>
 * <li>total padding = max(0, (out − 1) × stride + effective − in); the kernel's padding is
 *     total / 2 (top/left), {@code offset} = total % 2 is the extra bottom/right row.</li>
 * </ol>
 *
 * @param out output size
 * @param padding padding before the first element (what the int8 kernels use)
 * @param offset extra padding after the last element
 */
public record ConvGeometry(int out, int padding, int offset) {
    /** TFLite {@code Padding} of the schema: SAME (0) or VALID (1). */
    public static boolean isSame(OpContext ctx) throws PrepareException {
        String p = ctx.options().string("padding", "SAME");
        return switch (p) {
            case "SAME" -> true;
            case "VALID" -> false;
            default -> throw new PrepareException(ctx.where() + ": unsupported padding " + p);
        };
    }

    /**
     * One axis.
     *
     * @throws PrepareException for a non-positive stride, dilation or filter size, a negative input
     *     size or a filter that does not fit (TFLite's checked variants return an error there)
     */
    public static ConvGeometry of(String where, String axis, boolean same, int in, int filter, int stride,
            int dilation) throws PrepareException {
        if (in < 0 || filter <= 0 || stride <= 0 || dilation <= 0) {
            throw new PrepareException(where + ": bad " + axis + " window: input " + in + ", filter " + filter
                    + ", stride " + stride + ", dilation " + dilation);
        }
        long effective = ((long) filter - 1) * dilation + 1;
        long out = same ? ((long) in + stride - 1) / stride : ((long) in + stride - effective) / stride;
        if (out < 0 || out > Integer.MAX_VALUE) {
            throw new PrepareException(where + ": the " + axis + " filter (effective size " + effective
                    + ") does not fit the input (" + in + ")");
        }
        long total = Math.max(0, (out - 1) * stride + effective - in);
        return new ConvGeometry((int) out, (int) (total / 2), (int) (total % 2));
    }
}
