package dev.tinyj.emulator.toolchain.prepare;

import static dev.tinyj.emulator.toolchain.prepare.ShapeOpChecks.fail;

import dev.tinyj.emulator.toolchain.graph.TensorInfo;
import java.util.ArrayList;
import java.util.List;

/**
 * The axis handling the reductions share (MEAN, REDUCE_MAX): the constant axis list resolved as
 * tflite-micro 90b983c2b3f1480642e040bbd2ddb37b998f3424 {@code kernels/internal/reference/reduce.h}
 * {@code ResolveAxis} does (negative axes count from the end, duplicates dropped, an axis out of
 * range is an error; a scalar input ignores the list), the number of elements reduced into each
 * output ({@code CheckedReducedElementCount}), TFLite's inferred output shape (reduced dims kept
 * as 1 with keep_dims, else removed), and the kernels' geometry: kept and reduced groups.
 *
 * <p>TFLM never checks the declared output shape (its kernels index by the input's dims); TinyJ
 * requires the declared output to have as many elements as the reduction gives.
 *
 * @param outputShape TFLite's inferred output shape
 * @param count elements reduced into one output (1 when no axis is reduced)
 * @param empty whether the input has a zero-sized dimension
 * @param outputs output element count
 * @param kept kept groups, outermost first: (extent, input stride in elements)
 * @param reduced reduced groups, outermost first: (extent, input stride in elements)
 */
record ReduceAxes(int[] outputShape, int count, boolean empty, int outputs, List<int[]> kept, List<int[]> reduced) {

    /** Dims the kernels' geometry covers: three kept and three reduced groups. */
    static final int MAX_DIMS = 6;
    /** Groups of each kind in a kernel's parameter block. */
    private static final int GROUPS = 3;

    /**
     * Resolves {@code axes} over {@code input} and checks the declared output against it.
     *
     * @param what the reduction's name in messages ("mean", "max")
     */
    static ReduceAxes resolve(OpContext ctx, TensorInfo input, int[] axes, boolean keepDims, String what)
            throws PrepareException {
        int[] dims = input.shape();
        int rank = dims.length;
        boolean[] reduced = new boolean[rank];
        if (rank > 0) {
            for (int a : axes) {
                int current = a < 0 ? a + rank : a;
                if (current < 0 || current >= rank) {
                    throw fail(ctx, "axis " + a + " is out of range for input " + input.describe());
                }
                reduced[current] = true;
            }
        }
        List<Integer> shape = new ArrayList<>();
        long count = 1;
        boolean empty = false;
        for (int d = 0; d < rank; d++) {
            empty |= dims[d] == 0;
            if (reduced[d]) {
                count *= dims[d];
                if (keepDims) {
                    shape.add(1);
                }
            } else {
                shape.add(dims[d]);
            }
        }
        if (count > Integer.MAX_VALUE) {
            throw fail(ctx, "input " + input.describe() + " reduces too many elements into one output");
        }
        int[] inferred = shape.stream().mapToInt(Integer::intValue).toArray();
        int outputs = ShapeOpChecks.product(inferred);
        TensorInfo output = ctx.output();
        if (output.flatSize() != outputs) {
            throw fail(ctx, "output " + output.describe() + " has " + output.flatSize() + " elements; the " + what
                    + " of " + input.describe() + " over the given axes has " + outputs);
        }
        List<int[]> keptGroups = new ArrayList<>();
        List<int[]> reducedGroups = new ArrayList<>();
        groups(dims, reduced, keptGroups, reducedGroups);
        return new ReduceAxes(inferred, (int) count, empty, outputs, keptGroups, reducedGroups);
    }

    /**
     * Kept and reduced groups: size-1 dims dropped, neighbours of one kind merged (row-major dims
     * stay contiguous).
     */
    private static void groups(int[] dims, boolean[] reduced, List<int[]> kept, List<int[]> red) {
        int stride = 1;
        Boolean lastKind = null;
        for (int d = dims.length - 1; d >= 0; d--) {
            if (dims[d] != 1) {
                List<int[]> groups = reduced[d] ? red : kept;
                if (lastKind != null && lastKind == reduced[d]) {
                    groups.get(0)[0] *= dims[d];
                } else {
                    groups.add(0, new int[] {dims[d], stride});
                }
                lastKind = reduced[d];
            }
            stride *= Math.max(dims[d], 1);
        }
    }

    /**
     * Writes the kept groups at {@code keptAt} and the reduced ones at {@code reducedAt}, each as
     * three (extent, stride) int32 pairs right-aligned (leading unused groups are extent 1, stride 0).
     */
    void writeGroups(ParamBlock fields, int keptAt, int reducedAt) {
        put(kept, fields, keptAt);
        put(reduced, fields, reducedAt);
    }

    private static void put(List<int[]> groups, ParamBlock fields, int at) {
        int lead = GROUPS - groups.size();
        for (int g = 0; g < GROUPS; g++) {
            int[] e = g < lead ? new int[] {1, 0} : groups.get(g - lead);
            fields.set(at + 8 * g, e[0]);
            fields.set(at + 8 * g + 4, e[1]);
        }
    }
}
