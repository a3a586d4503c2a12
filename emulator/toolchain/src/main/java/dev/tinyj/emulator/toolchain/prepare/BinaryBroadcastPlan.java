package dev.tinyj.emulator.toolchain.prepare;

import static dev.tinyj.runtime.kernels.BinaryBroadcast.P_OUT_DIMS;
import static dev.tinyj.runtime.kernels.BinaryBroadcast.P_SIZE;
import static dev.tinyj.runtime.kernels.BinaryBroadcast.P_STRIDES1;
import static dev.tinyj.runtime.kernels.BinaryBroadcast.P_STRIDES2;
import static dev.tinyj.runtime.kernels.BinaryBroadcast.RANK;

import dev.tinyj.emulator.toolchain.graph.TensorInfo;
import java.util.Arrays;

/**
 * TFLite's broadcasting of two element-wise operands (NumPy rules, as
 * {@code BroadcastBinaryOpSimple} and {@code NdArrayDescsForElementwiseBroadcast} apply them):
 * shapes right-aligned and extended with leading 1s to rank {@link #RANK}; in each dimension the
 * extents must be equal or one of them 1, and the output takes the larger. Writes the
 * {@link dev.tinyj.runtime.kernels.BinaryBroadcast} header: output extents and per-input element
 * strides (0 along a broadcast dimension).
 */
final class BinaryBroadcastPlan {
    private BinaryBroadcastPlan() {
    }

    /**
     * The broadcast output shape, checked against the declared output.
     *
     * @throws PrepareException for a rank above 6, incompatible extents or a declared output shape
     *     other than the broadcast one
     */
    static int[] outputShape(OpContext ctx, TensorInfo a, TensorInfo b, TensorInfo out) throws PrepareException {
        int n = Math.max(a.shape().length, b.shape().length);
        if (n > RANK || out.shape().length > RANK) {
            throw new PrepareException(ctx.where() + ": rank above " + RANK + " is not supported (" + a.describe()
                    + ", " + b.describe() + ")");
        }
        int[] shape = new int[n];
        for (int k = 0; k < n; k++) {
            int da = extent(a.shape(), k, n);
            int db = extent(b.shape(), k, n);
            if (da != db && da != 1 && db != 1) {
                throw new PrepareException(ctx.where() + ": " + a.describe() + " and " + b.describe()
                        + " cannot be broadcast together");
            }
            shape[k] = da == 1 ? db : da;
        }
        if (!Arrays.equals(shape, out.shape())) {
            throw new PrepareException(ctx.where() + ": output " + out.describe() + " should have shape "
                    + Arrays.toString(shape).replace(" ", ""));
        }
        return shape;
    }

    /** A {@code P_SIZE} block with the header fields set (the operator fields are the caller's). */
    static ParamBlock header(int[] a, int[] b, int[] out) {
        ParamBlock f = ParamBlock.of(P_SIZE);
        int strideA = 1;
        int strideB = 1;
        for (int k = RANK - 1; k >= 0; k--) {
            int da = extent(a, k, RANK);
            int db = extent(b, k, RANK);
            int d = extent(out, k, RANK);
            f.set(P_OUT_DIMS + 4 * k, d);
            f.set(P_STRIDES1 + 4 * k, da == 1 ? 0 : strideA);
            f.set(P_STRIDES2 + 4 * k, db == 1 ? 0 : strideB);
            strideA *= da;
            strideB *= db;
        }
        return f;
    }

    /** Extent of dimension {@code k} of {@code shape} right-aligned in rank {@code n}. */
    private static int extent(int[] shape, int k, int n) {
        int i = k - (n - shape.length);
        return i < 0 ? 1 : shape[i];
    }
}
