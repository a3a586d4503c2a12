package dev.tinyj.runtime.kernels;

import dev.tinyj.hal.Flash;

/**
 * STRIDED_SLICE, int8, inputs of up to 4 dims (TFLM's limit) right-aligned into 5. Follows
 * tflite-micro 90b983c2b3f1480642e040bbd2ddb37b998f3424
 * {@code tensorflow/lite/kernels/internal/reference/strided_slice.h}
 * {@code reference_ops::StridedSlice(const StridedSliceParams&, ...)} as
 * {@code micro/kernels/strided_slice.cc} calls it: five nested loops from start to stop by stride
 * (continuing while {@code index < stop} for a positive stride, {@code index > stop} for a
 * negative one), writing the visited input elements to the output in order; when the innermost
 * stride is 1 each innermost run of {@code stop − start} bytes is copied at once (TFLM's
 * {@code WriteN}), and not at all when that length is not positive.
 *
 * <p>Start and stop per axis are integer functions of constant operands, so the host computes
 * them ({@code strided_slice_logic.h} {@code StridedSlicePadIndices},
 * {@code StridedSliceStartForAxis}, {@code StridedSliceEndForAxis}) and the kernel only loops. The
 * {@code begin}, {@code end} and {@code strides} operands are not passed.
 *
 * <p>Parameter block (little-endian int32 at {@code p}), axis k = 0..4 of the 5-D extended input:
 * <table>
 * <caption>STRIDED_SLICE parameters</caption>
 * <tr><th>offset</th><th>field</th></tr>
 * <tr><td>{@link #P_DIMS} + 4·k</td><td>input dim k</td></tr>
 * <tr><td>{@link #P_START} + 4·k</td><td>first index along k</td></tr>
 * <tr><td>{@link #P_STOP} + 4·k</td><td>stop index along k (exclusive, in the stride's direction)</td></tr>
 * <tr><td>{@link #P_STRIDE} + 4·k</td><td>stride along k (non-zero)</td></tr>
 * </table>
 * Trusts prepare: indices within the input.
 */
public final class StridedSlice {
    /** Input dims, 5 fields. */
    public static final int P_DIMS = 0;
    /** Start indices, 5 fields. */
    public static final int P_START = 20;
    /** Stop indices, 5 fields. */
    public static final int P_STOP = 40;
    /** Strides, 5 fields. */
    public static final int P_STRIDE = 60;
    /** Size of the parameter block. */
    public static final int P_SIZE = 80;

    private StridedSlice() {
    }

    public static void eval(byte[] params, int p, byte[] input, int inputOff, byte[] output, int outputOff) {
        int d4 = Flash.readInt(params, p + P_DIMS + 16);
        int st3 = d4;
        int st2 = st3 * Flash.readInt(params, p + P_DIMS + 12);
        int st1 = st2 * Flash.readInt(params, p + P_DIMS + 8);
        int st0 = st1 * Flash.readInt(params, p + P_DIMS + 4);
        int b0 = Flash.readInt(params, p + P_START);
        int b1 = Flash.readInt(params, p + P_START + 4);
        int b2 = Flash.readInt(params, p + P_START + 8);
        int b3 = Flash.readInt(params, p + P_START + 12);
        int b4 = Flash.readInt(params, p + P_START + 16);
        int e0 = Flash.readInt(params, p + P_STOP);
        int e1 = Flash.readInt(params, p + P_STOP + 4);
        int e2 = Flash.readInt(params, p + P_STOP + 8);
        int e3 = Flash.readInt(params, p + P_STOP + 12);
        int e4 = Flash.readInt(params, p + P_STOP + 16);
        int s0 = Flash.readInt(params, p + P_STRIDE);
        int s1 = Flash.readInt(params, p + P_STRIDE + 4);
        int s2 = Flash.readInt(params, p + P_STRIDE + 8);
        int s3 = Flash.readInt(params, p + P_STRIDE + 12);
        int s4 = Flash.readInt(params, p + P_STRIDE + 16);
        int run = e4 - b4;
        int out = outputOff;
        for (int i0 = b0; s0 > 0 ? i0 < e0 : i0 > e0; i0 += s0) {
            for (int i1 = b1; s1 > 0 ? i1 < e1 : i1 > e1; i1 += s1) {
                for (int i2 = b2; s2 > 0 ? i2 < e2 : i2 > e2; i2 += s2) {
                    for (int i3 = b3; s3 > 0 ? i3 < e3 : i3 > e3; i3 += s3) {
                        int row = inputOff + i0 * st0 + i1 * st1 + i2 * st2 + i3 * st3;
                        if (s4 == 1) {
                            if (run > 0) {
                                System.arraycopy(input, row + b4, output, out, run);
                                out += run;
                            }
                        } else {
                            for (int i4 = b4; s4 > 0 ? i4 < e4 : i4 > e4; i4 += s4) {
                                output[out] = input[row + i4];
                                out++;
                            }
                        }
                    }
                }
            }
        }
    }
}
