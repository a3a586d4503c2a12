package dev.tinyj.runtime.kernels;

import dev.tinyj.hal.Flash;

/**
 * The broadcast walk of the int8 binary element-wise kernels ({@link Add}, {@link Mul}, {@link Sub},
 * {@link MaximumMinimum}, {@link SquaredDifference}, {@link Prelu}), as
 * TFLM's {@code reference_ops::BroadcastBinaryOpSimple}
 * ({@code tensorflow/lite/kernels/internal/reference/broadcast_loop.h}, tflite-micro
 * 90b983c2b3f1480642e040bbd2ddb37b998f3424) visits it: both inputs right-aligned against the
 * output shape, a dimension of extent 1 repeated along the output. Shapes are extended to rank 6
 * (ranks up to 6 are supported; prepare refuses more). Each output element depends only on its
 * two input elements, so the visiting order (which TFLM fuses differently) does not change any
 * result; equal shapes are the special case with all strides dense.
 *
 * <p>Parameter block (int32 little-endian fields, byte offsets):
 * <table>
 * <caption>broadcast parameters</caption>
 * <tr><th>offset</th><th>field</th></tr>
 * <tr><td>{@link #P_OUT_DIMS} + 4·k</td><td>output extent of dimension k, k = 0..5 (outermost first)</td></tr>
 * <tr><td>{@link #P_STRIDES1} + 4·k</td><td>input1 element stride along k (0 where input1 is broadcast)</td></tr>
 * <tr><td>{@link #P_STRIDES2} + 4·k</td><td>input2 element stride along k (0 where input2 is broadcast)</td></tr>
 * <tr><td>{@link #P_OP} + 4·j</td><td>the operator's own fields j = 0..{@link #OP_FIELDS}−1 (see {@link Add}, {@link Mul}, {@link Sub})</td></tr>
 * </table>
 * Size {@link #P_SIZE}. The output is written densely in row-major order.
 *
 * <p>Two entry points walk the same way: {@link #run} for ADD and MUL, and {@link #runMore} for the
 * operators added after them. They are kept apart so that ADD's and MUL's code, and so their flash
 * size and cycle counts, stay as they were: one more selector in {@code run}'s inner loop would
 * cost every MUL element a compare, and would link the newer operators into every ADD model.
 */
public final class BinaryBroadcast {
    private BinaryBroadcast() {
    }

    /** Rank every shape is extended to. */
    public static final int RANK = 6;
    public static final int P_OUT_DIMS = 0;
    public static final int P_STRIDES1 = 4 * RANK;
    public static final int P_STRIDES2 = 8 * RANK;
    public static final int P_OP = 12 * RANK;
    /** Number of operator fields after {@link #P_OP}. */
    public static final int OP_FIELDS = 12;
    public static final int P_SIZE = P_OP + 4 * OP_FIELDS;

    /** Operator selector of {@link #run}: {@link Add#apply}. */
    static final int ADD = 0;
    /** Operator selector of {@link #run}: {@link Mul#apply}. */
    static final int MUL = 1;

    /** Operator selector of {@link #runMore}: {@link Sub#apply}. */
    static final int SUB = 2;
    /** Operator selector of {@link #runMore}: the smaller input value ({@link MaximumMinimum#minimum}). */
    static final int MINIMUM = 3;
    /** Operator selector of {@link #runMore}: the larger input value ({@link MaximumMinimum#maximum}). */
    static final int MAXIMUM = 4;
    /** Operator selector of {@link #runMore}: {@link SquaredDifference#apply}. */
    static final int SQUARED_DIFFERENCE = 5;
    /** Operator selector of {@link #runMore}: {@link Prelu#apply}. */
    static final int PRELU = 6;

    /** Applies operator {@code op} ({@link #ADD} or {@link #MUL}) to every output element. */
    static void run(byte[] params, int p, byte[] in1, int off1, byte[] in2, int off2, byte[] out, int outOff,
            int op) {
        int f0 = Flash.readInt(params, p + P_OP);
        int f1 = Flash.readInt(params, p + P_OP + 4);
        int f2 = Flash.readInt(params, p + P_OP + 8);
        int f3 = Flash.readInt(params, p + P_OP + 12);
        int f4 = Flash.readInt(params, p + P_OP + 16);
        int f5 = Flash.readInt(params, p + P_OP + 20);
        int f6 = Flash.readInt(params, p + P_OP + 24);
        int f7 = Flash.readInt(params, p + P_OP + 28);
        int f8 = Flash.readInt(params, p + P_OP + 32);
        int f9 = Flash.readInt(params, p + P_OP + 36);
        int f10 = Flash.readInt(params, p + P_OP + 40);
        int f11 = Flash.readInt(params, p + P_OP + 44);
        int d0 = Flash.readInt(params, p + P_OUT_DIMS);
        int d1 = Flash.readInt(params, p + P_OUT_DIMS + 4);
        int d2 = Flash.readInt(params, p + P_OUT_DIMS + 8);
        int d3 = Flash.readInt(params, p + P_OUT_DIMS + 12);
        int d4 = Flash.readInt(params, p + P_OUT_DIMS + 16);
        int d5 = Flash.readInt(params, p + P_OUT_DIMS + 20);
        int a0 = Flash.readInt(params, p + P_STRIDES1);
        int a1 = Flash.readInt(params, p + P_STRIDES1 + 4);
        int a2 = Flash.readInt(params, p + P_STRIDES1 + 8);
        int a3 = Flash.readInt(params, p + P_STRIDES1 + 12);
        int a4 = Flash.readInt(params, p + P_STRIDES1 + 16);
        int a5 = Flash.readInt(params, p + P_STRIDES1 + 20);
        int b0 = Flash.readInt(params, p + P_STRIDES2);
        int b1 = Flash.readInt(params, p + P_STRIDES2 + 4);
        int b2 = Flash.readInt(params, p + P_STRIDES2 + 8);
        int b3 = Flash.readInt(params, p + P_STRIDES2 + 12);
        int b4 = Flash.readInt(params, p + P_STRIDES2 + 16);
        int b5 = Flash.readInt(params, p + P_STRIDES2 + 20);
        int o = outOff;
        for (int i0 = 0; i0 < d0; i0++) {
            for (int i1 = 0; i1 < d1; i1++) {
                for (int i2 = 0; i2 < d2; i2++) {
                    for (int i3 = 0; i3 < d3; i3++) {
                        for (int i4 = 0; i4 < d4; i4++) {
                            int x = off1 + i0 * a0 + i1 * a1 + i2 * a2 + i3 * a3 + i4 * a4;
                            int y = off2 + i0 * b0 + i1 * b1 + i2 * b2 + i3 * b3 + i4 * b4;
                            for (int i5 = 0; i5 < d5; i5++) {
                                int r = op == ADD
                                        ? Add.apply(in1[x], in2[y], f0, f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11)
                                        : Mul.apply(in1[x], in2[y], f0, f1, f2, f3, f4, f5, f6);
                                out[o] = (byte) r;
                                o++;
                                x += a5;
                                y += b5;
                            }
                        }
                    }
                }
            }
        }
    }
    /**
     * Applies operator {@code op} ({@link #SUB}, {@link #MINIMUM}, {@link #MAXIMUM},
     * {@link #SQUARED_DIFFERENCE}, {@link #PRELU}) to every output element: the walk of {@link #run},
     * dispatching by a {@code switch} per element.
     */
    static void runMore(byte[] params, int p, byte[] in1, int off1, byte[] in2, int off2, byte[] out, int outOff,
            int op) {
        int f0 = Flash.readInt(params, p + P_OP);
        int f1 = Flash.readInt(params, p + P_OP + 4);
        int f2 = Flash.readInt(params, p + P_OP + 8);
        int f3 = Flash.readInt(params, p + P_OP + 12);
        int f4 = Flash.readInt(params, p + P_OP + 16);
        int f5 = Flash.readInt(params, p + P_OP + 20);
        int f6 = Flash.readInt(params, p + P_OP + 24);
        int f7 = Flash.readInt(params, p + P_OP + 28);
        int f8 = Flash.readInt(params, p + P_OP + 32);
        int f9 = Flash.readInt(params, p + P_OP + 36);
        int f10 = Flash.readInt(params, p + P_OP + 40);
        int f11 = Flash.readInt(params, p + P_OP + 44);
        int d0 = Flash.readInt(params, p + P_OUT_DIMS);
        int d1 = Flash.readInt(params, p + P_OUT_DIMS + 4);
        int d2 = Flash.readInt(params, p + P_OUT_DIMS + 8);
        int d3 = Flash.readInt(params, p + P_OUT_DIMS + 12);
        int d4 = Flash.readInt(params, p + P_OUT_DIMS + 16);
        int d5 = Flash.readInt(params, p + P_OUT_DIMS + 20);
        int a0 = Flash.readInt(params, p + P_STRIDES1);
        int a1 = Flash.readInt(params, p + P_STRIDES1 + 4);
        int a2 = Flash.readInt(params, p + P_STRIDES1 + 8);
        int a3 = Flash.readInt(params, p + P_STRIDES1 + 12);
        int a4 = Flash.readInt(params, p + P_STRIDES1 + 16);
        int a5 = Flash.readInt(params, p + P_STRIDES1 + 20);
        int b0 = Flash.readInt(params, p + P_STRIDES2);
        int b1 = Flash.readInt(params, p + P_STRIDES2 + 4);
        int b2 = Flash.readInt(params, p + P_STRIDES2 + 8);
        int b3 = Flash.readInt(params, p + P_STRIDES2 + 12);
        int b4 = Flash.readInt(params, p + P_STRIDES2 + 16);
        int b5 = Flash.readInt(params, p + P_STRIDES2 + 20);
        int o = outOff;
        for (int i0 = 0; i0 < d0; i0++) {
            for (int i1 = 0; i1 < d1; i1++) {
                for (int i2 = 0; i2 < d2; i2++) {
                    for (int i3 = 0; i3 < d3; i3++) {
                        for (int i4 = 0; i4 < d4; i4++) {
                            int x = off1 + i0 * a0 + i1 * a1 + i2 * a2 + i3 * a3 + i4 * a4;
                            int y = off2 + i0 * b0 + i1 * b1 + i2 * b2 + i3 * b3 + i4 * b4;
                            for (int i5 = 0; i5 < d5; i5++) {
                                int u = in1[x];
                                int v = in2[y];
                                int r;
                                switch (op) {
                                    case SUB:
                                        r = Sub.apply(u, v, f0, f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11);
                                        break;
                                    case MINIMUM:
                                        r = Math.min(u, v);
                                        break;
                                    case MAXIMUM:
                                        r = Math.max(u, v);
                                        break;
                                    case SQUARED_DIFFERENCE:
                                        r = SquaredDifference.apply(u, v, f0, f1, f2, f3, f4, f5, f6, f7, f8, f9, f10,
                                                f11);
                                        break;
                                    case PRELU:
                                        r = Prelu.apply(u, v, f0, f1, f2, f3, f4, f5, f6);
                                        break;
                                    default:
                                        r = 0;
                                        break;
                                }
                                out[o] = (byte) r;
                                o++;
                                x += a5;
                                y += b5;
                            }
                        }
                    }
                }
            }
        }
    }
}
