package dev.tinyj.runtime.kernels;

import dev.tinyj.hal.Flash;
import dev.tinyj.hal.Mcu;

/**
 * GATHER, int8 params, int32 indices. Follows tflite-micro 90b983c2b3f1480642e040bbd2ddb37b998f3424
 * {@code micro/kernels/gather.cc} {@code Gather<int8_t, int32_t>}: the params tensor is seen as
 * [batch, outer, axis, inner] (the batch_dims leading dims, the dims up to the gathered axis, the
 * axis, the dims after it) and the indices as [batch, coords]; for each batch, outer position and
 * index, in that order, the {@code inner} bytes at that index along the axis are copied to the
 * output.
 *
 * <p>The indices are read at run time (int32 little-endian, from the arena or flash). TFLM only
 * debug-checks that each lies in [0, axis size) and otherwise reads outside its input; TinyJ stops
 * with {@code Mcu.panic(PANIC_INDEX_OUT_OF_RANGE, k)}, k the flat position of the index in the
 * indices tensor.
 *
 * <p>Parameter block (little-endian int32 at {@code p}):
 * <table>
 * <caption>GATHER parameters</caption>
 * <tr><th>offset</th><th>field</th></tr>
 * <tr><td>{@link #P_BATCHES}</td><td>product of the batch_dims leading dims</td></tr>
 * <tr><td>{@link #P_OUTER}</td><td>product of the dims from batch_dims to the axis</td></tr>
 * <tr><td>{@link #P_AXIS_SIZE}</td><td>the gathered axis' dim</td></tr>
 * <tr><td>{@link #P_INNER}</td><td>product of the dims after the axis (bytes per copy)</td></tr>
 * <tr><td>{@link #P_COORDS}</td><td>indices per batch (product of the indices' dims after batch_dims)</td></tr>
 * </table>
 * The output must not overlap the params or the indices.
 */
public final class Gather {
    /** Product of the batch dims. */
    public static final int P_BATCHES = 0;
    /** Product of the dims between the batch dims and the axis. */
    public static final int P_OUTER = 4;
    /** The axis' dim. */
    public static final int P_AXIS_SIZE = 8;
    /** Product of the dims after the axis. */
    public static final int P_INNER = 12;
    /** Indices per batch. */
    public static final int P_COORDS = 16;
    /** Size of the parameter block. */
    public static final int P_SIZE = 20;
    /** An index outside [0, axis size). arg = its position in the indices tensor. */
    public static final int PANIC_INDEX_OUT_OF_RANGE = 0x7144;

    private Gather() {
    }

    public static void eval(byte[] params, int p, byte[] input, int inputOff, byte[] indices, int indicesOff,
            byte[] output, int outputOff) {
        int batches = Flash.readInt(params, p + P_BATCHES);
        int outer = Flash.readInt(params, p + P_OUTER);
        int axisSize = Flash.readInt(params, p + P_AXIS_SIZE);
        int inner = Flash.readInt(params, p + P_INNER);
        int coords = Flash.readInt(params, p + P_COORDS);
        int out = outputOff;
        for (int b = 0; b < batches; b++) {
            for (int o = 0; o < outer; o++) {
                int slab = inputOff + (b * outer + o) * axisSize * inner;
                for (int c = 0; c < coords; c++) {
                    int k = b * coords + c;
                    int index = Flash.readInt(indices, indicesOff + 4 * k);
                    if (index < 0 || index >= axisSize) {
                        Mcu.panic(PANIC_INDEX_OUT_OF_RANGE, k);
                        return;
                    }
                    System.arraycopy(input, slab + index * inner, output, out, inner);
                    out += inner;
                }
            }
        }
    }
}
