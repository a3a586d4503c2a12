package dev.tinyj.conformance.kernels.shape;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.tinyj.emulator.toolchain.graph.TensorInfo;
import dev.tinyj.emulator.toolchain.prepare.PrepareException;
import dev.tinyj.emulator.toolchain.prepare.PreparedOp;
import dev.tinyj.emulator.toolchain.prepare.StridedSlicePrepare;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * STRIDED_SLICE prepare and kernel against Python-style slicing written out per axis: clamped
 * start and stop ({@code slice.indices}), masks meaning "from the first/to the last in the
 * stride's direction", shrunk axes picking one index. Ranks 1..4, strides −3..3 (not 0), begin
 * and end beyond the bounds on both sides; the declared output shape comes from the reference, so
 * prepare's shape inference is checked too.
 */
class StridedSlicePropertyTest {
    @Property
    void kernelMatchesReference(@ForAll Random r) throws PrepareException {
        int[] in = ShapeGen.randomShape(r, 1, 4, 4);
        int rank = in.length;
        int[] begin = new int[rank];
        int[] end = new int[rank];
        int[] strides = new int[rank];
        int beginMask = 0;
        int endMask = 0;
        int shrinkMask = 0;
        List<int[]> picks = new ArrayList<>();
        List<Integer> outShape = new ArrayList<>();
        for (int k = 0; k < rank; k++) {
            int size = in[k];
            if (r.nextInt(5) == 0) {
                shrinkMask |= 1 << k;
                begin[k] = r.nextInt(2 * size) - size;
                end[k] = r.nextInt(2 * size + 5) - size - 2;
                strides[k] = 1;
                picks.add(new int[] {begin[k] < 0 ? begin[k] + size : begin[k]});
                continue;
            }
            int step = (1 + r.nextInt(3)) * (r.nextBoolean() ? 1 : -1);
            strides[k] = step;
            begin[k] = r.nextInt(2 * size + 5) - size - 2;
            end[k] = r.nextInt(2 * size + 5) - size - 2;
            boolean bm = r.nextInt(4) == 0;
            boolean em = r.nextInt(4) == 0;
            beginMask |= bm ? 1 << k : 0;
            endMask |= em ? 1 << k : 0;
            int lower = step > 0 ? 0 : -1;
            int upper = step > 0 ? size : size - 1;
            int start = bm ? (step > 0 ? lower : upper) : bound(begin[k], size, lower, upper);
            int stop = em ? (step > 0 ? upper : lower) : bound(end[k], size, lower, upper);
            List<Integer> idx = new ArrayList<>();
            for (int i = start; step > 0 ? i < stop : i > stop; i += step) {
                idx.add(i);
            }
            picks.add(idx.stream().mapToInt(Integer::intValue).toArray());
            outShape.add(idx.size());
        }
        int[] out = outShape.stream().mapToInt(Integer::intValue).toArray();
        List<TensorInfo> inputs = List.of(ShapeGen.int8(0, "input", in, 0.5f, -3),
                ShapeGen.int32Const(1, "begin", new int[] {rank}, begin),
                ShapeGen.int32Const(2, "end", new int[] {rank}, end),
                ShapeGen.int32Const(3, "strides", new int[] {rank}, strides));
        PreparedOp prepared = new StridedSlicePrepare().prepare(ShapeGen.context("STRIDED_SLICE", inputs,
                ShapeGen.int8(4, "output", out, 0.5f, -3), Map.of("begin_mask", "" + beginMask, "end_mask",
                        "" + endMask, "shrink_axis_mask", "" + shrinkMask)));
        assertArrayEquals(out, prepared.outputShape());

        byte[] input = ShapeGen.randomBytes(r, ShapeGen.count(in));
        List<Byte> expected = new ArrayList<>();
        collect(input, in, picks, 0, new int[rank], expected);
        byte[] want = new byte[expected.size()];
        for (int k = 0; k < want.length; k++) {
            want[k] = expected.get(k);
        }
        assertArrayEquals(want, ShapeKernels.run("STRIDED_SLICE", prepared.params(), List.of(input), want.length));
    }

    /** Python's slice bound: negative counts from the end, then clamped to [lower, upper]. */
    private static int bound(int v, int size, int lower, int upper) {
        return v < 0 ? Math.max(v + size, lower) : Math.min(v, upper);
    }

    private static void collect(byte[] input, int[] shape, List<int[]> picks, int axis, int[] c, List<Byte> out) {
        if (axis == shape.length) {
            out.add(input[ShapeGen.flat(c, shape)]);
            return;
        }
        for (int i : picks.get(axis)) {
            c[axis] = i;
            collect(input, shape, picks, axis + 1, c, out);
        }
    }
}
