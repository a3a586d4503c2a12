package dev.tinyj.runtime.kernels;

import dev.tinyj.hal.Flash;

/**
 * ARG_MAX and ARG_MIN, int8 input, int32 output. Follows tflite-micro
 * 90b983c2b3f1480642e040bbd2ddb37b998f3424
 * {@code tensorflow/lite/kernels/internal/reference/arg_min_max.h}
 * {@code reference_ops::ArgMinMax} with {@code GreaterFn<int8_t>} (ARG_MAX) or
 * {@code LessFn<int8_t>} (ARG_MIN), as {@code micro/kernels/arg_min_max.cc} calls it for an int8
 * input, an int32 axis and an int32 output.
 *
 * <p>The input is seen as [outer, axis, inner] (the dims before the reduced axis, the axis, the
 * dims after it). For each (outer, inner) the kernel walks the axis from index 0, keeping the first
 * element and replacing it only by a strictly greater one (ARG_MAX) or a strictly smaller one
 * (ARG_MIN), so ties give the first index; the output (row-major [outer, inner], int32
 * little-endian) is that element's index along the axis. ARG_MIN compares the bitwise complements
 * ({@code ~v = −1 − v} reverses the order of int8 values), so both operators run one loop.
 *
 * <p>Parameter block (little-endian int32 at {@code p}):
 * <table>
 * <caption>ARG_MAX / ARG_MIN parameters</caption>
 * <tr><th>offset</th><th>field</th></tr>
 * <tr><td>{@link #P_OUTER}</td><td>product of the dims before the axis</td></tr>
 * <tr><td>{@link #P_AXIS_SIZE}</td><td>the axis' dim (at least 1)</td></tr>
 * <tr><td>{@link #P_INNER}</td><td>product of the dims after the axis</td></tr>
 * <tr><td>{@link #P_FLIP}</td><td>0 for ARG_MAX, −1 for ARG_MIN (xor-ed into every compared value)</td></tr>
 * </table>
 * The {@code axis} operand is folded in by prepare and not passed.
 */
public final class ArgMinMax {
    /** Product of the dims before the axis. */
    public static final int P_OUTER = 0;
    /** The axis' dim. */
    public static final int P_AXIS_SIZE = 4;
    /** Product of the dims after the axis. */
    public static final int P_INNER = 8;
    /** 0 (ARG_MAX) or −1 (ARG_MIN). */
    public static final int P_FLIP = 12;
    /** Size of the parameter block. */
    public static final int P_SIZE = 16;

    private ArgMinMax() {
    }

    public static void eval(byte[] params, int p, byte[] input, int inputOff, byte[] output, int outputOff) {
        int outer = Flash.readInt(params, p + P_OUTER);
        int axisSize = Flash.readInt(params, p + P_AXIS_SIZE);
        int inner = Flash.readInt(params, p + P_INNER);
        int flip = Flash.readInt(params, p + P_FLIP);
        int out = outputOff;
        for (int o = 0; o < outer; o++) {
            int row = inputOff + o * axisSize * inner;
            for (int i = 0; i < inner; i++) {
                int at = row + i;
                int best = input[at] ^ flip;
                int index = 0;
                for (int k = 1; k < axisSize; k++) {
                    at += inner;
                    int v = input[at] ^ flip;
                    if (v > best) {
                        best = v;
                        index = k;
                    }
                }
                output[out] = (byte) index;
                output[out + 1] = (byte) (index >> 8);
                output[out + 2] = (byte) (index >> 16);
                output[out + 3] = (byte) (index >> 24);
                out += 4;
            }
        }
    }
}
