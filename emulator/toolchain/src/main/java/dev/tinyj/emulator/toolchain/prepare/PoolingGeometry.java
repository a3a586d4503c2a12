package dev.tinyj.emulator.toolchain.prepare;

/**
 * Window geometry of the pooling ops, as TFLite's {@code tensorflow/lite/kernels/padding.h}
 * computes it with dilation 1 ({@code ComputeOutSize}, {@code ComputePaddingWithOffset}; the
 * kernels use only the leading padding, not the odd offset).
 */
public final class PoolingGeometry {
    private PoolingGeometry() {
    }

    /** Whether padding option {@code name} is SAME (true) or VALID (false). */
    static boolean same(OpContext ctx, String name) throws PrepareException {
        return switch (name) {
            case "SAME" -> true;
            case "VALID" -> false;
            default -> throw new PrepareException(ctx.where() + ": unsupported padding " + name);
        };
    }

    /** Output extent TFLite infers: SAME {@code ceil(in / stride)}, VALID {@code (in − filter + stride) / stride}. */
    public static int outSize(boolean same, int in, int filter, int stride) {
        return same ? (in + stride - 1) / stride : (in + stride - filter) / stride;
    }

    /** Leading padding: half (rounded down) of the total padding the inferred output needs, at least 0. */
    public static int padding(boolean same, int in, int filter, int stride) {
        int total = (outSize(same, in, filter, stride) - 1) * stride + filter - in;
        return Math.max(total, 0) / 2;
    }

    /**
     * {@code {padH, padW}} exactly as TFLite's {@code ComputePaddingHeightWidth} returns them: it
     * checks the width's output size first, then the height's, and on the first negative one
     * (VALID with a filter larger than input + stride) gives up with both paddings 0; otherwise
     * each padding is {@link #padding}.
     */
    public static int[] paddingHeightWidth(boolean same, int inH, int inW, int filterH, int filterW, int strideH,
            int strideW) {
        if (outSize(same, inW, filterW, strideW) < 0 || outSize(same, inH, filterH, strideH) < 0) {
            return new int[] {0, 0};
        }
        return new int[] {padding(same, inH, filterH, strideH), padding(same, inW, filterW, strideW)};
    }

    /** Whether every one of {@code out} windows (origin {@code i·stride − pad}) overlaps [0, in). */
    static boolean windowsCover(int out, int stride, int pad, int filter, int in) {
        for (int i = 0; i < out; i++) {
            int origin = i * stride - pad;
            if (Math.max(0, -origin) >= Math.min(filter, in - origin)) {
                return false;
            }
        }
        return true;
    }
}
