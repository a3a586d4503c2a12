package dev.tinyj.runtime.kernels;

import dev.tinyj.hal.Flash;

/**
 * CONCATENATION, int8, along one axis. Follows tflite-micro
 * 90b983c2b3f1480642e040bbd2ddb37b998f3424 {@code tensorflow/lite/kernels/internal/reference/concatenation.h}
 * {@code reference_ops::Concatenation} as {@code micro/kernels/concatenation.cc} calls it for
 * int8: a pure copy. TFLM's prepare requires every int8 input to have the output's scale and zero
 * point (no requantization), so the bytes are moved unchanged.
 *
 * <p>With {@code outer} = product of the output dims before the axis and {@code inner} = product
 * after it, input {@code i} contributes {@code dim_i(axis) × inner} contiguous bytes to each of the
 * {@code outer} output rows, placed after the contributions of inputs {@code 0..i-1}. TFLM walks
 * rows then inputs; writing each input's slices separately ({@link #evalOne}) fills the same
 * bytes, since no two slices overlap.
 *
 * <p>Entry points: the number of inputs varies (TFLM allows up to 10) and arrays of arrays are
 * outside the subset, so the dispatcher calls {@link #evalOne} once per input. {@link #eval} is
 * the two-input convenience form.
 *
 * <p>Parameter block (little-endian int32 at {@code p}):
 * <table>
 * <caption>CONCATENATION parameters</caption>
 * <tr><th>offset</th><th>field</th></tr>
 * <tr><td>{@link #P_OUTER}</td><td>outer size (product of output dims before the axis)</td></tr>
 * <tr><td>{@link #P_ROW}</td><td>output row length in bytes: output dim(axis) × inner</td></tr>
 * <tr><td>{@link #P_INPUT_COUNT}</td><td>number of inputs n</td></tr>
 * <tr><td>{@link #P_INPUTS} + 8·i</td><td>input i: slice length dim_i(axis) × inner, bytes</td></tr>
 * <tr><td>{@link #P_INPUTS} + 8·i + 4</td><td>input i: offset of its slice within a row, bytes</td></tr>
 * </table>
 * Trusts prepare (shapes agree off the axis, input index in range).
 */
public final class Concatenation {
    /** Outer size. */
    public static final int P_OUTER = 0;
    /** Output row length (bytes). */
    public static final int P_ROW = 4;
    /** Number of inputs. */
    public static final int P_INPUT_COUNT = 8;
    /** Start of the per-input (slice length, slice offset) pairs. */
    public static final int P_INPUTS = 12;
    /** Bytes per input entry. */
    public static final int P_INPUT_STRIDE = 8;

    private Concatenation() {
    }

    /** Two inputs: {@code input0} then {@code input1} along the axis. */
    public static void eval(byte[] params, int p, byte[] input0, int input0Off, byte[] input1, int input1Off,
            byte[] output, int outputOff) {
        evalOne(params, p, 0, input0, input0Off, output, outputOff);
        evalOne(params, p, 1, input1, input1Off, output, outputOff);
    }

    /** Copies input {@code inputIndex}'s slices into their places in every output row. */
    public static void evalOne(byte[] params, int p, int inputIndex, byte[] input, int inputOff, byte[] output,
            int outputOff) {
        int outer = Flash.readInt(params, p + P_OUTER);
        int row = Flash.readInt(params, p + P_ROW);
        int entry = p + P_INPUTS + P_INPUT_STRIDE * inputIndex;
        int slice = Flash.readInt(params, entry);
        int at = Flash.readInt(params, entry + 4);
        int src = inputOff;
        int dst = outputOff + at;
        for (int k = 0; k < outer; k++) {
            System.arraycopy(input, src, output, dst, slice);
            src += slice;
            dst += row;
        }
    }
}
