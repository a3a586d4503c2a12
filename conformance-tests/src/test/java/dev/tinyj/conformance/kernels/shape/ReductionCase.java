package dev.tinyj.conformance.kernels.shape;

import dev.tinyj.emulator.toolchain.prepare.OpContext;
import dev.tinyj.emulator.toolchain.graph.TensorInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A generated reduction for the SUM and REDUCE_MIN properties: an input of rank 0..6 (now and then
 * with a zero-sized dim), an axis list with negative, repeated and no entries, keep_dims, which
 * dims it reduces, and the output shape TFLite infers; with the output element each input element
 * reduces into, written from the definition (coordinates agree on every kept axis).
 *
 * @param in input shape
 * @param axes the axis operand's values
 * @param keep keep_dims
 * @param reduced which input dims are reduced
 * @param out the inferred output shape
 */
record ReductionCase(int[] in, int[] axes, boolean keep, boolean[] reduced, int[] out) {

    static ReductionCase random(Random r) {
        int[] in = r.nextInt(20) == 0 ? new int[0] : ShapeGen.randomShape(r, 1, 6, 4);
        if (in.length > 0 && r.nextInt(10) == 0) {
            in[r.nextInt(in.length)] = 0;
        }
        int rank = in.length;
        int axisCount = rank == 0 ? r.nextInt(2) : r.nextInt(rank + 2);
        int[] axes = new int[axisCount];
        boolean[] reduced = new boolean[rank];
        for (int k = 0; k < axisCount; k++) {
            int a = rank == 0 ? 0 : r.nextInt(rank);
            if (rank > 0) {
                reduced[a] = true;
            }
            axes[k] = r.nextBoolean() ? a : a - Math.max(rank, 1);
        }
        boolean keep = r.nextBoolean();
        List<Integer> outDims = new ArrayList<>();
        for (int d = 0; d < rank; d++) {
            if (!reduced[d]) {
                outDims.add(in[d]);
            } else if (keep) {
                outDims.add(1);
            }
        }
        return new ReductionCase(in, axes, keep, reduced, outDims.stream().mapToInt(Integer::intValue).toArray());
    }

    /** The output element input element {@code f} (row-major) reduces into. */
    int outputIndex(int f) {
        int[] c = ShapeGen.coords(f, in);
        int[] keptShape = new int[in.length];
        for (int d = 0; d < in.length; d++) {
            keptShape[d] = reduced[d] ? 1 : in[d];
            c[d] = reduced[d] ? 0 : c[d];
        }
        return ShapeGen.flat(c, keptShape);
    }

    /** Elements reduced into one output (N). */
    int count() {
        int n = 1;
        for (int d = 0; d < in.length; d++) {
            n *= reduced[d] ? in[d] : 1;
        }
        return n;
    }

    /** The prepare context of operator {@code op} on this case with the given quantizations. */
    OpContext context(String op, float inScale, int inZp, float outScale, int outZp) {
        List<TensorInfo> inputs = List.of(ShapeGen.int8(0, "input", in, inScale, inZp),
                ShapeGen.int32Const(1, "axis", new int[] {axes.length}, axes));
        return ShapeGen.context(op, inputs, ShapeGen.int8(2, "output", out, outScale, outZp),
                Map.of("keep_dims", keep ? "1" : "0"));
    }

    @Override
    public String toString() {
        return Arrays.toString(in) + " axes " + Arrays.toString(axes) + " keep " + keep;
    }
}
