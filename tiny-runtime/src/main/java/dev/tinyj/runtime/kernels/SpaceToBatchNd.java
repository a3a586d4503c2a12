package dev.tinyj.runtime.kernels;

import dev.tinyj.hal.Flash;

/**
 * SPACE_TO_BATCH_ND, int8, NHWC (a 3-D NHC input runs as NH1C). Follows tflite-micro
 * 90b983c2b3f1480642e040bbd2ddb37b998f3424
 * {@code tensorflow/lite/kernels/internal/reference/space_to_batch_nd.h}
 * {@code reference_ops::SpaceToBatchND} as {@code micro/kernels/space_to_batch_nd.cc} calls it: for
 * output batch b, row y, column x (row-major), with input batch {@code b % B}, block row
 * {@code sy = (b / B) / bw} and block column {@code sx = (b / B) % bw}, the source is input row
 * {@code y·bh + sy − pad_top} and column {@code x·bw + sx − pad_left}; the {@code depth} bytes
 * there are copied, or, where the source falls in the padding, {@code depth} bytes of the pad
 * value are written.
 *
 * <p>Parameter block (little-endian int32 at {@code p}):
 * <table>
 * <caption>SPACE_TO_BATCH_ND parameters</caption>
 * <tr><th>offset</th><th>field</th></tr>
 * <tr><td>{@link #P_IN_BATCHES}</td><td>input batches B</td></tr>
 * <tr><td>{@link #P_IN_HEIGHT}</td><td>input height</td></tr>
 * <tr><td>{@link #P_IN_WIDTH}</td><td>input width (1 for a 3-D input)</td></tr>
 * <tr><td>{@link #P_DEPTH}</td><td>channels</td></tr>
 * <tr><td>{@link #P_OUT_BATCHES}</td><td>output batches (B·bh·bw)</td></tr>
 * <tr><td>{@link #P_OUT_HEIGHT}</td><td>output height</td></tr>
 * <tr><td>{@link #P_OUT_WIDTH}</td><td>output width</td></tr>
 * <tr><td>{@link #P_BLOCK_HEIGHT}</td><td>bh</td></tr>
 * <tr><td>{@link #P_BLOCK_WIDTH}</td><td>bw (1 for a 3-D input)</td></tr>
 * <tr><td>{@link #P_PAD_TOP}</td><td>padding before the rows</td></tr>
 * <tr><td>{@link #P_PAD_LEFT}</td><td>padding before the columns (0 for a 3-D input)</td></tr>
 * <tr><td>{@link #P_PAD_VALUE}</td><td>the byte written in the padding</td></tr>
 * </table>
 * The block and paddings operands are folded in by prepare and not passed. The output must not
 * overlap the input.
 */
public final class SpaceToBatchNd {
    public static final int P_IN_BATCHES = 0;
    public static final int P_IN_HEIGHT = 4;
    public static final int P_IN_WIDTH = 8;
    public static final int P_DEPTH = 12;
    public static final int P_OUT_BATCHES = 16;
    public static final int P_OUT_HEIGHT = 20;
    public static final int P_OUT_WIDTH = 24;
    public static final int P_BLOCK_HEIGHT = 28;
    public static final int P_BLOCK_WIDTH = 32;
    public static final int P_PAD_TOP = 36;
    public static final int P_PAD_LEFT = 40;
    public static final int P_PAD_VALUE = 44;
    /** Size of the parameter block. */
    public static final int P_SIZE = 48;

    private SpaceToBatchNd() {
    }

    public static void eval(byte[] params, int p, byte[] input, int inputOff, byte[] output, int outputOff) {
        int inBatches = Flash.readInt(params, p + P_IN_BATCHES);
        int inHeight = Flash.readInt(params, p + P_IN_HEIGHT);
        int inWidth = Flash.readInt(params, p + P_IN_WIDTH);
        int depth = Flash.readInt(params, p + P_DEPTH);
        int outBatches = Flash.readInt(params, p + P_OUT_BATCHES);
        int outHeight = Flash.readInt(params, p + P_OUT_HEIGHT);
        int outWidth = Flash.readInt(params, p + P_OUT_WIDTH);
        int bh = Flash.readInt(params, p + P_BLOCK_HEIGHT);
        int bw = Flash.readInt(params, p + P_BLOCK_WIDTH);
        int padTop = Flash.readInt(params, p + P_PAD_TOP);
        int padLeft = Flash.readInt(params, p + P_PAD_LEFT);
        byte pad = (byte) Flash.readInt(params, p + P_PAD_VALUE);
        int out = outputOff;
        for (int b = 0; b < outBatches; b++) {
            int batch = b % inBatches;
            int shift = b / inBatches;
            int sy = shift / bw;
            int sx = shift % bw;
            for (int y = 0; y < outHeight; y++) {
                int row = y * bh + sy - padTop;
                boolean rowInside = row >= 0 && row < inHeight;
                int rowStart = inputOff + (batch * inHeight + row) * inWidth * depth;
                for (int x = 0; x < outWidth; x++) {
                    int col = x * bw + sx - padLeft;
                    if (rowInside && col >= 0 && col < inWidth) {
                        System.arraycopy(input, rowStart + col * depth, output, out, depth);
                    } else {
                        for (int c = 0; c < depth; c++) {
                            output[out + c] = pad;
                        }
                    }
                    out += depth;
                }
            }
        }
    }
}
