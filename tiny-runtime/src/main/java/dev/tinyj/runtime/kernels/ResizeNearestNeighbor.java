package dev.tinyj.runtime.kernels;

import dev.tinyj.hal.Flash;

/**
 * RESIZE_NEAREST_NEIGHBOR, int8, NHWC. Follows tflite-micro
 * 90b983c2b3f1480642e040bbd2ddb37b998f3424
 * {@code tensorflow/lite/kernels/internal/reference/resize_nearest_neighbor.h}
 * {@code reference_ops::ResizeNearestNeighbor} as {@code micro/kernels/resize_nearest_neighbor.cc}
 * calls it: for each batch, output row y and output column x (row-major), the {@code depth} bytes
 * of input pixel {@code (in_y[y], in_x[x])} are copied to the output.
 *
 * <p>{@code in_y} and {@code in_x} are TFLM's {@code GetNearestNeighbor} (float scale, floor or
 * round, align_corners and half_pixel_centers); they depend only on the constant size operand and
 * the options, so the host computes them and folds them into the parameter block as tables: the
 * kernel does no float work and the size operand is not passed.
 *
 * <p>Parameter block (little-endian int32 at {@code p}):
 * <table>
 * <caption>RESIZE_NEAREST_NEIGHBOR parameters</caption>
 * <tr><th>offset</th><th>field</th></tr>
 * <tr><td>{@link #P_BATCHES}</td><td>batches</td></tr>
 * <tr><td>{@link #P_IN_HEIGHT}</td><td>input height</td></tr>
 * <tr><td>{@link #P_IN_WIDTH}</td><td>input width</td></tr>
 * <tr><td>{@link #P_DEPTH}</td><td>channels (input and output)</td></tr>
 * <tr><td>{@link #P_OUT_HEIGHT}</td><td>output height {@code H}</td></tr>
 * <tr><td>{@link #P_OUT_WIDTH}</td><td>output width {@code W}</td></tr>
 * <tr><td>{@link #P_TABLES} + 4·y</td><td>{@code in_y[y]}, y = 0..H−1</td></tr>
 * <tr><td>{@link #P_TABLES} + 4·(H + x)</td><td>{@code in_x[x]}, x = 0..W−1</td></tr>
 * </table>
 * Size {@code P_TABLES + 4·(H + W)}. Trusts prepare: every table entry inside the input. The
 * output must not overlap the input.
 */
public final class ResizeNearestNeighbor {
    public static final int P_BATCHES = 0;
    public static final int P_IN_HEIGHT = 4;
    public static final int P_IN_WIDTH = 8;
    public static final int P_DEPTH = 12;
    public static final int P_OUT_HEIGHT = 16;
    public static final int P_OUT_WIDTH = 20;
    /** Start of the source-row table, followed by the source-column table. */
    public static final int P_TABLES = 24;

    private ResizeNearestNeighbor() {
    }

    /** Writes the resized {@code input} (int8, NHWC) to {@code output}. */
    public static void eval(byte[] params, int p, byte[] input, int inputOff, byte[] output, int outputOff) {
        int batches = Flash.readInt(params, p + P_BATCHES);
        int inHeight = Flash.readInt(params, p + P_IN_HEIGHT);
        int inWidth = Flash.readInt(params, p + P_IN_WIDTH);
        int depth = Flash.readInt(params, p + P_DEPTH);
        int outHeight = Flash.readInt(params, p + P_OUT_HEIGHT);
        int outWidth = Flash.readInt(params, p + P_OUT_WIDTH);
        int rowTable = p + P_TABLES;
        int colTable = rowTable + 4 * outHeight;
        int rowBytes = inWidth * depth;
        int batchBytes = inHeight * rowBytes;
        int out = outputOff;
        int batchStart = inputOff;
        for (int b = 0; b < batches; b++) {
            for (int y = 0; y < outHeight; y++) {
                int rowStart = batchStart + Flash.readInt(params, rowTable + 4 * y) * rowBytes;
                for (int x = 0; x < outWidth; x++) {
                    int from = rowStart + Flash.readInt(params, colTable + 4 * x) * depth;
                    System.arraycopy(input, from, output, out, depth);
                    out += depth;
                }
            }
            batchStart += batchBytes;
        }
    }
}
