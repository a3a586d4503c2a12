package dev.tinyj.runtime.kernels;

import dev.tinyj.hal.Flash;

/**
 * MIRROR_PAD, int8, inputs of 1 to 5 dims right-aligned into 5. Follows tflite-micro
 * 90b983c2b3f1480642e040bbd2ddb37b998f3424 {@code micro/kernels/mirror_pad.cc}
 * {@code MirrorPad}/{@code GetFlatIndex}: output element (o0, ..., o4), in row-major order, is
 * input element (t0[o0], ..., t4[o4]), where {@code t_k} maps an output index of axis k to the
 * input index {@code GetInputDimension} gives for that axis' left and right padding and the mode
 * (REFLECT leaves out the edge element, SYMMETRIC repeats it).
 *
 * <p>The tables depend only on the constant paddings, the mode and the shapes, so the host
 * computes them and folds them into the parameter block: the kernel only looks up and copies, and
 * the {@code paddings} operand is not passed. When the innermost axis is not padded its table is
 * the identity and each innermost run is copied at once.
 *
 * <p>Parameter block (little-endian int32 at {@code p}), axis k = 0..4 of the 5-D extended output
 * (leading axes of size 1 and stride 0):
 * <table>
 * <caption>MIRROR_PAD parameters</caption>
 * <tr><th>offset</th><th>field</th></tr>
 * <tr><td>{@link #P_DIMS} + 4·k</td><td>output dim k ({@code D_k})</td></tr>
 * <tr><td>{@link #P_STRIDES} + 4·k</td><td>input stride of axis k (elements)</td></tr>
 * <tr><td>{@link #P_COPY_RUNS}</td><td>1 when the innermost axis is not padded, else 0</td></tr>
 * <tr><td>{@link #P_TABLES} + 4·(D_0 + ... + D_(k−1) + o)</td><td>{@code t_k[o]}, o = 0..D_k−1</td></tr>
 * </table>
 * Size {@code P_TABLES + 4·(D_0 + ... + D_4)}. Trusts prepare: every table entry inside the input.
 * The output must not overlap the input.
 */
public final class MirrorPad {
    /** Output dims, 5 fields. */
    public static final int P_DIMS = 0;
    /** Input strides, 5 fields. */
    public static final int P_STRIDES = 20;
    /** Innermost axis unpadded: copy runs. */
    public static final int P_COPY_RUNS = 40;
    /** Start of the five source-index tables, axis 0 first. */
    public static final int P_TABLES = 44;

    private MirrorPad() {
    }

    /** Writes the mirror-padded {@code input} (int8) to {@code output}. */
    public static void eval(byte[] params, int p, byte[] input, int inputOff, byte[] output, int outputOff) {
        int d0 = Flash.readInt(params, p + P_DIMS);
        int d1 = Flash.readInt(params, p + P_DIMS + 4);
        int d2 = Flash.readInt(params, p + P_DIMS + 8);
        int d3 = Flash.readInt(params, p + P_DIMS + 12);
        int d4 = Flash.readInt(params, p + P_DIMS + 16);
        int s0 = Flash.readInt(params, p + P_STRIDES);
        int s1 = Flash.readInt(params, p + P_STRIDES + 4);
        int s2 = Flash.readInt(params, p + P_STRIDES + 8);
        int s3 = Flash.readInt(params, p + P_STRIDES + 12);
        boolean copyRuns = Flash.readInt(params, p + P_COPY_RUNS) != 0;
        int t0 = p + P_TABLES;
        int t1 = t0 + 4 * d0;
        int t2 = t1 + 4 * d1;
        int t3 = t2 + 4 * d2;
        int t4 = t3 + 4 * d3;
        int out = outputOff;
        for (int i0 = 0; i0 < d0; i0++) {
            int a0 = inputOff + Flash.readInt(params, t0 + 4 * i0) * s0;
            for (int i1 = 0; i1 < d1; i1++) {
                int a1 = a0 + Flash.readInt(params, t1 + 4 * i1) * s1;
                for (int i2 = 0; i2 < d2; i2++) {
                    int a2 = a1 + Flash.readInt(params, t2 + 4 * i2) * s2;
                    for (int i3 = 0; i3 < d3; i3++) {
                        int row = a2 + Flash.readInt(params, t3 + 4 * i3) * s3;
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
