package dev.tinyj.runtime.kernels;

import dev.tinyj.hal.Flash;

/**
 * RESIZE_BILINEAR, int8, NHWC. Follows tflite-micro 90b983c2b3f1480642e040bbd2ddb37b998f3424
 * {@code tensorflow/lite/kernels/internal/reference/resize_bilinear.h}
 * {@code reference_ops::ResizeBilinearInteger<int8_t>} as {@code micro/kernels/resize_bilinear.cc}
 * calls it for an int8 output (no float work). For output row y and column x, with the source
 * rows y0, y1 and row weight {@code wy = input_y − 1024·y0} (10 fractional bits), and likewise
 * x0, x1, wx:
 *
 * <ol>
 * <li>{@code v = in[y0,x0]·(1024 − wy)·(1024 − wx) + in[y1,x0]·wy·(1024 − wx)
 *     + in[y0,x1]·(1024 − wy)·wx + in[y1,x1]·wy·wx} (20 fractional bits);</li>
 * <li>{@code out = (v ± 2^19) / 2^20}, + for v &gt; 0 and − otherwise, the division truncating
 *     (TFLM's double-rounding build), narrowed to int8.</li>
 * </ol>
 * The inputs are copied without rescaling (TFLM checks no quantization).
 *
 * <p>The rows, columns and weights ({@code ComputeInterpolationValuesInteger} on
 * {@code height_scale_10}/{@code width_scale_10}, with align_corners and half_pixel_centers) depend
 * only on the constant size operand, the options and the shapes, so the host computes them and
 * folds them into the parameter block as tables; the size operand is not passed. Weights lie in
 * [−512, 1536] (half_pixel_centers can make {@code input_y} negative at the border, where y0 = y1),
 * so each product is below 2^29 in magnitude and their sum fits an int, as TFLM's int64 does.
 *
 * <p>Parameter block (little-endian int32 at {@code p}):
 * <table>
 * <caption>RESIZE_BILINEAR parameters</caption>
 * <tr><th>offset</th><th>field</th></tr>
 * <tr><td>{@link #P_BATCHES}</td><td>batches</td></tr>
 * <tr><td>{@link #P_BATCH_STRIDE}</td><td>input bytes per batch (H·W·C)</td></tr>
 * <tr><td>{@link #P_DEPTH}</td><td>channels C</td></tr>
 * <tr><td>{@link #P_OUT_HEIGHT}</td><td>output height {@code OH}</td></tr>
 * <tr><td>{@link #P_OUT_WIDTH}</td><td>output width {@code OW}</td></tr>
 * <tr><td>{@link #P_TABLES} + 12·y</td><td>row y: {@code y0·W·C}, {@code y1·W·C}, {@code wy}</td></tr>
 * <tr><td>{@link #P_TABLES} + 12·(OH + x)</td><td>column x: {@code x0·C}, {@code x1·C}, {@code wx}</td></tr>
 * </table>
 * Size {@code P_TABLES + 12·(OH + OW)}. Trusts prepare: every row and column inside the input. The
 * output must not overlap the input.
 */
public final class ResizeBilinear {
    public static final int P_BATCHES = 0;
    public static final int P_BATCH_STRIDE = 4;
    public static final int P_DEPTH = 8;
    public static final int P_OUT_HEIGHT = 12;
    public static final int P_OUT_WIDTH = 16;
    /** Start of the row table (3 ints per output row), followed by the column table. */
    public static final int P_TABLES = 20;

    private ResizeBilinear() {
    }

    /** Writes the resized {@code input} (int8, NHWC) to {@code output}. */
    public static void eval(byte[] params, int p, byte[] input, int inputOff, byte[] output, int outputOff) {
        int batches = Flash.readInt(params, p + P_BATCHES);
        int batchStride = Flash.readInt(params, p + P_BATCH_STRIDE);
        int depth = Flash.readInt(params, p + P_DEPTH);
        int outHeight = Flash.readInt(params, p + P_OUT_HEIGHT);
        int outWidth = Flash.readInt(params, p + P_OUT_WIDTH);
        int rows = p + P_TABLES;
        int cols = rows + 12 * outHeight;
        int out = outputOff;
        for (int b = 0; b < batches; b++) {
            int base = inputOff + b * batchStride;
            for (int y = 0; y < outHeight; y++) {
                int r0 = base + Flash.readInt(params, rows + 12 * y);
                int r1 = base + Flash.readInt(params, rows + 12 * y + 4);
                int wy = Flash.readInt(params, rows + 12 * y + 8);
                for (int x = 0; x < outWidth; x++) {
                    int c0 = Flash.readInt(params, cols + 12 * x);
                    int c1 = Flash.readInt(params, cols + 12 * x + 4);
                    int wx = Flash.readInt(params, cols + 12 * x + 8);
                    int w00 = (1024 - wy) * (1024 - wx);
                    int w10 = wy * (1024 - wx);
                    int w01 = (1024 - wy) * wx;
                    int w11 = wy * wx;
                    int a00 = r0 + c0;
                    int a10 = r1 + c0;
                    int a01 = r0 + c1;
                    int a11 = r1 + c1;
                    for (int c = 0; c < depth; c++) {
                        int v = input[a00 + c] * w00 + input[a10 + c] * w10 + input[a01 + c] * w01
                                + input[a11 + c] * w11;
                        int rounded = v > 0 ? (v + (1 << 19)) / (1 << 20) : (v - (1 << 19)) / (1 << 20);
                        output[out] = (byte) rounded;
                        out++;
                    }
                }
            }
        }
    }
}
