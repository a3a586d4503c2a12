package dev.tinyj.runtime.kernels;

import dev.tinyj.hal.Flash;

/**
 * TRANSPOSE, int8, inputs of 1 to 5 dims (TFLM's limit) right-aligned into 5. Follows
 * tflite-micro 90b983c2b3f1480642e040bbd2ddb37b998f3424
 * {@code tensorflow/lite/kernels/internal/reference/transpose.h} {@code reference_ops::Transpose}
 * as {@code micro/kernels/transpose.cc} calls it: the output is written in row-major order, and
 * output element {@code (o0, ..., o4)} is input element
 * {@code o0·s0 + o1·s1 + ... + o4·s4}, where {@code s_d} is the input stride of input axis
 * {@code perm[d]} ({@code TransposeImpl}'s {@code input_stride[perm[depth]]}). A pure permutation
 * of bytes: the output has exactly the input's bytes, so the loop order does not change the
 * result; when the innermost stride is 1 each innermost run is copied at once.
 *
 * <p>The permutation is a constant operand, so the host folds it into the strides
 * ({@code SetupTransposeStrides}) and the kernel only loops; the {@code perm} operand is not
 * passed.
 *
 * <p>Parameter block (little-endian int32 at {@code p}), axis d = 0..4 of the 5-D extended output
 * (leading axes of size 1 and stride 0):
 * <table>
 * <caption>TRANSPOSE parameters</caption>
 * <tr><th>offset</th><th>field</th></tr>
 * <tr><td>{@link #P_DIMS} + 4·d</td><td>output dim d</td></tr>
 * <tr><td>{@link #P_STRIDES} + 4·d</td><td>input stride (elements) along output axis d</td></tr>
 * </table>
 * Trusts prepare: a permutation of the input's axes, the output shape the permuted input shape.
 * The output must not overlap the input.
 */
public final class Transpose {
    /** Output dims, 5 fields. */
    public static final int P_DIMS = 0;
    /** Input strides along the output axes, 5 fields. */
    public static final int P_STRIDES = 20;
    /** Size of the parameter block. */
    public static final int P_SIZE = 40;

    private Transpose() {
    }

    /** Writes the transposed {@code input} (int8) to {@code output}. */
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
        int s4 = Flash.readInt(params, p + P_STRIDES + 16);
        int out = outputOff;
        for (int i0 = 0; i0 < d0; i0++) {
            int a0 = inputOff + i0 * s0;
            for (int i1 = 0; i1 < d1; i1++) {
                int a1 = a0 + i1 * s1;
                for (int i2 = 0; i2 < d2; i2++) {
                    int a2 = a1 + i2 * s2;
                    for (int i3 = 0; i3 < d3; i3++) {
                        int row = a2 + i3 * s3;
                        if (s4 == 1) {
                            System.arraycopy(input, row, output, out, d4);
                            out += d4;
                        } else {
                            for (int i4 = 0; i4 < d4; i4++) {
                                output[out] = input[row];
                                row += s4;
                                out++;
                            }
                        }
                    }
                }
            }
        }
    }
}
