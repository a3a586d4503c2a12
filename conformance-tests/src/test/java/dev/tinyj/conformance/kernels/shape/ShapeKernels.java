package dev.tinyj.conformance.kernels.shape;

import dev.tinyj.runtime.kernels.ArgMinMax;
import dev.tinyj.runtime.kernels.Concatenation;
import dev.tinyj.runtime.kernels.Gather;
import dev.tinyj.runtime.kernels.Mean;
import dev.tinyj.runtime.kernels.Pad;
import dev.tinyj.runtime.kernels.ReduceMax;
import dev.tinyj.runtime.kernels.ReduceMin;
import dev.tinyj.runtime.kernels.Reshape;
import dev.tinyj.runtime.kernels.SpaceToBatchNd;
import dev.tinyj.runtime.kernels.ResizeBilinear;
import dev.tinyj.runtime.kernels.ResizeNearestNeighbor;
import dev.tinyj.runtime.kernels.StridedSlice;
import dev.tinyj.runtime.kernels.TableCopy;
import dev.tinyj.runtime.kernels.Transpose;
import java.util.List;

/**
 * Runs a shape-family kernel on the host JVM the way a dispatcher would: the parameter block and
 * every operand placed at a non-zero offset inside a larger array, then the output cut back out.
 */
final class ShapeKernels {
    /** Offset of the params block and of each operand inside its array. */
    static final int PARAM_OFF = 12;
    static final int OPERAND_OFF = 5;

    private ShapeKernels() {
    }

    /** Copies {@code b} into a larger array at {@code off}, the rest filled with a marker byte. */
    static byte[] at(byte[] b, int off) {
        byte[] r = new byte[b.length + off + 3];
        java.util.Arrays.fill(r, (byte) 0x5A);
        System.arraycopy(b, 0, r, off, b.length);
        return r;
    }

    /**
     * @param op TFLite builtin name
     * @param params the prepared block
     * @param data the kernel's data operands in TFLite operand order (int8 tensors only; PADV2:
     *     input, pad_value; GATHER: params, int32 indices)
     * @param outputBytes output size
     */
    static byte[] run(String op, byte[] params, List<byte[]> data, int outputBytes) {
        byte[] pb = at(params, PARAM_OFF);
        byte[] out = at(new byte[outputBytes], OPERAND_OFF);
        byte[] in = at(data.get(0), OPERAND_OFF);
        int p = PARAM_OFF;
        int o = OPERAND_OFF;
        switch (op) {
            case "RESHAPE", "EXPAND_DIMS", "SQUEEZE" -> Reshape.eval(pb, p, in, o, out, o);
            case "PAD" -> Pad.eval(pb, p, in, o, null, 0, out, o);
            case "MIRROR_PAD", "BATCH_TO_SPACE_ND" -> TableCopy.eval(pb, p, in, o, out, o);
            case "SPACE_TO_BATCH_ND" -> SpaceToBatchNd.eval(pb, p, in, o, out, o);
            case "GATHER" -> Gather.eval(pb, p, in, o, at(data.get(1), OPERAND_OFF), o, out, o);
            case "PADV2" -> Pad.eval(pb, p, in, o, at(data.get(1), OPERAND_OFF), o, out, o);
            case "MEAN", "SUM" -> Mean.eval(pb, p, in, o, out, o);
            case "REDUCE_MAX" -> ReduceMax.eval(pb, p, in, o, out, o);
            case "REDUCE_MIN" -> ReduceMin.eval(pb, p, in, o, out, o);
            case "ARG_MAX", "ARG_MIN" -> ArgMinMax.eval(pb, p, in, o, out, o);
            case "STRIDED_SLICE", "SLICE" -> StridedSlice.eval(pb, p, in, o, out, o);
            case "TRANSPOSE", "SPACE_TO_DEPTH", "DEPTH_TO_SPACE" -> Transpose.eval(pb, p, in, o, out, o);
            case "RESIZE_NEAREST_NEIGHBOR" -> ResizeNearestNeighbor.eval(pb, p, in, o, out, o);
            case "RESIZE_BILINEAR" -> ResizeBilinear.eval(pb, p, in, o, out, o);
            case "CONCATENATION" -> {
                if (data.size() == 2) {
                    Concatenation.eval(pb, p, in, o, at(data.get(1), OPERAND_OFF), o, out, o);
                } else {
                    for (int i = 0; i < data.size(); i++) {
                        Concatenation.evalOne(pb, p, i, at(data.get(i), OPERAND_OFF), o, out, o);
                    }
                }
            }
            default -> throw new IllegalArgumentException(op);
        }
        for (int k = 0; k < o; k++) {
            if (out[k] != 0x5A) {
                throw new AssertionError(op + " wrote before its output");
            }
        }
        for (int k = o + outputBytes; k < out.length; k++) {
            if (out[k] != 0x5A) {
                throw new AssertionError(op + " wrote past its output");
            }
        }
        return java.util.Arrays.copyOfRange(out, o, o + outputBytes);
    }
}
