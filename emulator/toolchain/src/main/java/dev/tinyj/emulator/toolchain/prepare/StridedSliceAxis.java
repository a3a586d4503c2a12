package dev.tinyj.emulator.toolchain.prepare;

/**
 * Per-axis start and stop of a strided slice, as tflite-micro 90b983c2b3f1480642e040bbd2ddb37b998f3424
 * {@code tensorflow/lite/kernels/internal/strided_slice_logic.h} defines them. Two pairs with
 * slightly different rules: {@code StartForAxis}/{@code StopForAxis} (prepare's output-size check)
 * apply a mask before handling negative indices and clamping; {@code StridedSliceStartForAxis}/
 * {@code StridedSliceEndForAxis} (the kernel) after, and the latter does not step past the end
 * when shrinking an axis whose start is already at the end.
 */
final class StridedSliceAxis {
    private StridedSliceAxis() {
    }

    private static int clamp(int v, int lo, int hi) {
        return hi < v ? hi : v < lo ? lo : v;
    }

    private static boolean bit(int mask, int axis) {
        return (mask & (1 << axis)) != 0;
    }

    /** {@code StartForAxis}. */
    static int startForAxis(int beginMask, int begin, int stride, int size, int axis) {
        if (size == 0) {
            return 0;
        }
        int start = begin;
        if (bit(beginMask, axis)) {
            start = stride > 0 ? Integer.MIN_VALUE : Integer.MAX_VALUE;
        }
        if (start < 0) {
            start += size;
        }
        return stride > 0 ? clamp(start, 0, size) : clamp(start, -1, size - 1);
    }

    /** {@code StopForAxis}. */
    static int stopForAxis(int endMask, int shrinkMask, int end, int stride, int size, int axis, int start) {
        if (size == 0) {
            return 0;
        }
        if (bit(shrinkMask, axis)) {
            return start + 1;
        }
        int stop = end;
        if (bit(endMask, axis)) {
            stop = stride > 0 ? Integer.MAX_VALUE : Integer.MIN_VALUE;
        }
        if (stop < 0) {
            stop += size;
        }
        return stride > 0 ? clamp(stop, 0, size) : clamp(stop, -1, size - 1);
    }

    /** {@code StridedSliceStartForAxis}. */
    static int kernelStart(int beginMask, int begin, int stride, int size, int axis) {
        int start = begin;
        if (start < 0) {
            start += size;
        }
        start = stride > 0 ? clamp(start, 0, size) : clamp(start, -1, size - 1);
        if (bit(beginMask, axis)) {
            start = stride > 0 ? 0 : size - 1;
        }
        return start;
    }

    /** {@code StridedSliceEndForAxis} (offset is never set in TFLM's micro kernel). */
    static int kernelEnd(int endMask, int shrinkMask, int end, int stride, int size, int axis, int start) {
        if (bit(shrinkMask, axis)) {
            return start >= size ? start : start + 1;
        }
        int stop = end;
        if (stop < 0) {
            stop += size;
        }
        stop = stride > 0 ? clamp(stop, 0, size) : clamp(stop, -1, size - 1);
        if (bit(endMask, axis)) {
            stop = stride > 0 ? size : -1;
        }
        return stop;
    }
}
