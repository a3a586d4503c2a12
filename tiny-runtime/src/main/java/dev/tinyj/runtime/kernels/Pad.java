package dev.tinyj.runtime.kernels;

import dev.tinyj.hal.Flash;

/**
 * PAD and PADV2, int8, up to 5-D. Follows tflite-micro 90b983c2b3f1480642e040bbd2ddb37b998f3424
 * {@code tensorflow/lite/kernels/internal/reference/pad.h} {@code reference_ops::PadImpl} (the
 * int8 {@code PadImageStyle} is the same function) as {@code micro/kernels/pad.cc} {@code PadEval}
 * calls it: shapes are right-aligned into 5 dims, paddings of the missing leading dims are 0; the
 * output is walked in row-major order and each element is the pad value when any coordinate lies
 * in a left or right padding band, else the next input element (a running input cursor, exactly as
 * TFLM does).
 *
 * <p>Pad value: PADV2 reads its scalar {@code pad_value} tensor; PAD (no such operand, pass null)
 * uses the output zero point, which prepare stores in {@link #P_PAD_VALUE} (for PADV2 with a
 * constant pad value prepare stores that value there too, so a dispatcher may pass null).
 * The {@code paddings} operand (int32, constant) is not passed: prepare folds it into the block.
 *
 * <p>Parameter block (little-endian int32 at {@code p}):
 * <table>
 * <caption>PAD parameters</caption>
 * <tr><th>offset</th><th>field</th></tr>
 * <tr><td>{@link #P_OUT_DIMS} + 4·k</td><td>output dim k of the 5-D extended shape, k = 0..4</td></tr>
 * <tr><td>{@link #P_LEFT} + 4·k</td><td>left (before) padding of dim k</td></tr>
 * <tr><td>{@link #P_RIGHT} + 4·k</td><td>right (after) padding of dim k</td></tr>
 * <tr><td>{@link #P_PAD_VALUE}</td><td>int8 pad value used when {@code padValue} is null</td></tr>
 * </table>
 * Trusts prepare (output dims = input dims + paddings).
 */
public final class Pad {
    /** Output dims, 5 fields. */
    public static final int P_OUT_DIMS = 0;
    /** Left paddings, 5 fields. */
    public static final int P_LEFT = 20;
    /** Right paddings, 5 fields. */
    public static final int P_RIGHT = 40;
    /** Pad value when no pad-value tensor is passed. */
    public static final int P_PAD_VALUE = 60;
    /** Size of the parameter block. */
    public static final int P_SIZE = 64;

    private Pad() {
    }

    /**
     * @param padValue PADV2's scalar pad value tensor, or null (PAD) to use {@link #P_PAD_VALUE}
     */
    public static void eval(byte[] params, int p, byte[] input, int inputOff, byte[] padValue, int padValueOff,
            byte[] output, int outputOff) {
        int n0 = Flash.readInt(params, p + P_OUT_DIMS);
        int n1 = Flash.readInt(params, p + P_OUT_DIMS + 4);
        int n2 = Flash.readInt(params, p + P_OUT_DIMS + 8);
        int n3 = Flash.readInt(params, p + P_OUT_DIMS + 12);
        int n4 = Flash.readInt(params, p + P_OUT_DIMS + 16);
        int l0 = Flash.readInt(params, p + P_LEFT);
        int l1 = Flash.readInt(params, p + P_LEFT + 4);
        int l2 = Flash.readInt(params, p + P_LEFT + 8);
        int l3 = Flash.readInt(params, p + P_LEFT + 12);
        int l4 = Flash.readInt(params, p + P_LEFT + 16);
        // the first index of the right band of each dim
        int r0 = n0 - Flash.readInt(params, p + P_RIGHT);
        int r1 = n1 - Flash.readInt(params, p + P_RIGHT + 4);
        int r2 = n2 - Flash.readInt(params, p + P_RIGHT + 8);
        int r3 = n3 - Flash.readInt(params, p + P_RIGHT + 12);
        int r4 = n4 - Flash.readInt(params, p + P_RIGHT + 16);
        byte value = padValue == null ? (byte) Flash.readInt(params, p + P_PAD_VALUE) : padValue[padValueOff];
        int in = inputOff;
        int out = outputOff;
        for (int i0 = 0; i0 < n0; i0++) {
            boolean pad0 = i0 < l0 || i0 >= r0;
            for (int i1 = 0; i1 < n1; i1++) {
                boolean pad1 = pad0 || i1 < l1 || i1 >= r1;
                for (int i2 = 0; i2 < n2; i2++) {
                    boolean pad2 = pad1 || i2 < l2 || i2 >= r2;
                    for (int i3 = 0; i3 < n3; i3++) {
                        boolean pad3 = pad2 || i3 < l3 || i3 >= r3;
                        for (int i4 = 0; i4 < n4; i4++) {
                            if (pad3 || i4 < l4 || i4 >= r4) {
                                output[out] = value;
                            } else {
                                output[out] = input[in];
                                in++;
                            }
                            out++;
                        }
                    }
                }
            }
        }
    }
}
