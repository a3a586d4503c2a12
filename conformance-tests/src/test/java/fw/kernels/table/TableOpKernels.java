package fw.kernels.table;

import dev.tinyj.runtime.kernels.ArgMinMax;
import dev.tinyj.runtime.kernels.Gather;
import dev.tinyj.runtime.kernels.HardSwish;
import dev.tinyj.runtime.kernels.LogSoftmax;
import dev.tinyj.runtime.kernels.Mean;
import dev.tinyj.runtime.kernels.ReduceMax;
import dev.tinyj.runtime.kernels.ReduceMin;
import dev.tinyj.runtime.kernels.ResizeBilinear;
import dev.tinyj.runtime.kernels.SpaceToBatchNd;
import dev.tinyj.runtime.kernels.StridedSlice;
import dev.tinyj.runtime.kernels.TableCopy;
import dev.tinyj.runtime.kernels.Transpose;

/**
 * Firmware wrapper: operators added under the op contract, as entry points for the host-vs-emulator
 * tests (the TFLite operands in order, folded ones passed and ignored as a dispatcher would not).
 */
public class TableOpKernels {
    public static void setup() {
    }

    public static void loop() {
    }

    public static void logSoftmax(byte[] params, int p, byte[] in, int inOff, byte[] out, int outOff) {
        LogSoftmax.eval(params, p, in, inOff, out, outOff);
    }

    public static void reduceMax(byte[] params, int p, byte[] in, int inOff, byte[] axis, int axisOff, byte[] out,
            int outOff) {
        ReduceMax.eval(params, p, in, inOff, out, outOff);
    }

    public static void hardSwish(byte[] params, int p, byte[] in, int inOff, byte[] out, int outOff) {
        HardSwish.eval(params, p, in, inOff, out, outOff);
    }

    public static void sum(byte[] params, int p, byte[] in, int inOff, byte[] axis, int axisOff, byte[] out,
            int outOff) {
        Mean.eval(params, p, in, inOff, out, outOff);
    }

    public static void reduceMin(byte[] params, int p, byte[] in, int inOff, byte[] axis, int axisOff, byte[] out,
            int outOff) {
        ReduceMin.eval(params, p, in, inOff, out, outOff);
    }

    public static void argMinMax(byte[] params, int p, byte[] in, int inOff, byte[] axis, int axisOff, byte[] out,
            int outOff) {
        ArgMinMax.eval(params, p, in, inOff, out, outOff);
    }

    public static void slice(byte[] params, int p, byte[] in, int inOff, byte[] begin, int beginOff, byte[] size,
            int sizeOff, byte[] out, int outOff) {
        StridedSlice.eval(params, p, in, inOff, out, outOff);
    }

    /** SPACE_TO_DEPTH and DEPTH_TO_SPACE: TRANSPOSE's kernel. */
    public static void transposeLike(byte[] params, int p, byte[] in, int inOff, byte[] out, int outOff) {
        Transpose.eval(params, p, in, inOff, out, outOff);
    }

    /** MIRROR_PAD (paddings passed and ignored). */
    public static void mirrorPad(byte[] params, int p, byte[] in, int inOff, byte[] paddings, int paddingsOff,
            byte[] out, int outOff) {
        TableCopy.eval(params, p, in, inOff, out, outOff);
    }

    public static void gather(byte[] params, int p, byte[] in, int inOff, byte[] indices, int indicesOff, byte[] out,
            int outOff) {
        Gather.eval(params, p, in, inOff, indices, indicesOff, out, outOff);
    }

    /** BATCH_TO_SPACE_ND: MIRROR_PAD's table kernel (block and crops passed and ignored). */
    public static void batchToSpaceNd(byte[] params, int p, byte[] in, int inOff, byte[] block, int blockOff,
            byte[] crops, int cropsOff, byte[] out, int outOff) {
        TableCopy.eval(params, p, in, inOff, out, outOff);
    }

    public static void spaceToBatchNd(byte[] params, int p, byte[] in, int inOff, byte[] block, int blockOff,
            byte[] paddings, int paddingsOff, byte[] out, int outOff) {
        SpaceToBatchNd.eval(params, p, in, inOff, out, outOff);
    }

    public static void resizeBilinear(byte[] params, int p, byte[] in, int inOff, byte[] size, int sizeOff, byte[] out,
            int outOff) {
        ResizeBilinear.eval(params, p, in, inOff, out, outOff);
    }
}
