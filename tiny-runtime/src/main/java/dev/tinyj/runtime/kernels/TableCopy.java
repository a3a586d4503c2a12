package dev.tinyj.runtime.kernels;

import dev.tinyj.hal.Flash;

/**
 * The kernel of MIRROR_PAD and BATCH_TO_SPACE_ND, int8: copies input elements picked by per-axis
 * offset tables. Output element (o0, ..., o4), in row-major order over the 5-D output, is input
 * element {@code t0[o0] + t1[o1] + ... + t4[o4]} (offsets in elements); when the innermost table is
 * the identity each innermost run is copied at once.
 *
 * <p>Both operators move bytes by index arithmetic that depends only on constant operands,
 * options and shapes, and that splits into one term per output axis, so the host computes the
 * tables and folds them into the parameter block; the kernel only looks up and copies:
 * <ul>
 * <li>MIRROR_PAD (tflite-micro 90b983c2b3f1480642e040bbd2ddb37b998f3424
 *     {@code micro/kernels/mirror_pad.cc} {@code MirrorPad}/{@code GetFlatIndex}): {@code t_k[o]} is
 *     {@code GetInputDimension} of o times the input stride of axis k.</li>
 * <li>BATCH_TO_SPACE_ND ({@code reference/batch_to_space_nd.h} {@code BatchToSpaceND}): output
 *     (b, h, w, c) comes from input batch {@code ((h + crop_top) % bh · bw + (w + crop_left) % bw) · B + b},
 *     row {@code (h + crop_top) / bh}, column {@code (w + crop_left) / bw}, which is a sum of
 *     one term per output axis.</li>
 * </ul>
 *
 * <p>Parameter block (little-endian int32 at {@code p}), axis k = 0..4 of the 5-D extended output:
 * <table>
 * <caption>TableCopy parameters</caption>
 * <tr><th>offset</th><th>field</th></tr>
 * <tr><td>{@link #P_DIMS} + 4·k</td><td>output dim k ({@code D_k})</td></tr>
 * <tr><td>{@link #P_COPY_RUNS}</td><td>1 when {@code t4} is the identity (runs are copied), else 0</td></tr>
 * <tr><td>{@link #P_TABLES} + 4·(D_0 + ... + D_(k−1) + o)</td><td>{@code t_k[o]}, o = 0..D_k−1</td></tr>
 * </table>
 * Size {@code P_TABLES + 4·(D_0 + ... + D_4)}. Trusts prepare: every sum of table entries inside
 * the input. The output must not overlap the input.
 */
public final class TableCopy {
    /** Output dims, 5 fields. */
    public static final int P_DIMS = 0;
    /** Innermost table is the identity: copy runs. */
    public static final int P_COPY_RUNS = 20;
    /** Start of the five offset tables, axis 0 first. */
    public static final int P_TABLES = 24;

    private TableCopy() {
    }

    /** Writes the table-picked elements of {@code input} (int8) to {@code output}. */
    public static void eval(byte[] params, int p, byte[] input, int inputOff, byte[] output, int outputOff) {
        int d0 = Flash.readInt(params, p + P_DIMS);
        int d1 = Flash.readInt(params, p + P_DIMS + 4);
        int d2 = Flash.readInt(params, p + P_DIMS + 8);
        int d3 = Flash.readInt(params, p + P_DIMS + 12);
        int d4 = Flash.readInt(params, p + P_DIMS + 16);
        boolean copyRuns = Flash.readInt(params, p + P_COPY_RUNS) != 0;
        int t0 = p + P_TABLES;
        int t1 = t0 + 4 * d0;
        int t2 = t1 + 4 * d1;
        int t3 = t2 + 4 * d2;
        int t4 = t3 + 4 * d3;
        int out = outputOff;
        for (int i0 = 0; i0 < d0; i0++) {
            int a0 = inputOff + Flash.readInt(params, t0 + 4 * i0);
            for (int i1 = 0; i1 < d1; i1++) {
                int a1 = a0 + Flash.readInt(params, t1 + 4 * i1);
                for (int i2 = 0; i2 < d2; i2++) {
                    int a2 = a1 + Flash.readInt(params, t2 + 4 * i2);
                    for (int i3 = 0; i3 < d3; i3++) {
                        int row = a2 + Flash.readInt(params, t3 + 4 * i3);
                        if (copyRuns) {
                            System.arraycopy(input, row, output, out, d4);
                            out += d4;
                        } else {
                            for (int i4 = 0; i4 < d4; i4++) {
                                output[out] = input[row + Flash.readInt(params, t4 + 4 * i4)];
                                out++;
                            }
                        }
                    }
                }
            }
        }
    }
}
