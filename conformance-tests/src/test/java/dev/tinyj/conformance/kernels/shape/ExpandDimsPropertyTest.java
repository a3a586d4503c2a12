package dev.tinyj.conformance.kernels.shape;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tinyj.emulator.toolchain.graph.TensorInfo;
import dev.tinyj.emulator.toolchain.prepare.ExpandDimsPrepare;
import dev.tinyj.emulator.toolchain.prepare.OpContext;
import dev.tinyj.emulator.toolchain.prepare.PrepareException;
import dev.tinyj.emulator.toolchain.prepare.PreparedOp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * EXPAND_DIMS prepare and kernel against tf.expand_dims' definition: the output shape is the input
 * shape with a 1 inserted before position {@code axis} (a negative axis counted from the end, so
 * −1 appends), built by list insertion; every element, read at its row-major coordinates with the
 * inserted coordinate 0, is the input element at the coordinates without it. Ranks 0..4, every
 * valid axis, operands at non-zero offsets. An axis outside [−(rank + 1), rank] and a declared
 * shape other than the inserted one are refused.
 */
class ExpandDimsPropertyTest {
    @Property
    void kernelMatchesReference(@ForAll Random r) throws PrepareException {
        int[] in = ShapeGen.randomShape(r, 0, 4, 5);
        int rank = in.length;
        int axis = -(rank + 1) + r.nextInt(2 * rank + 2);
        int at = axis < 0 ? axis + rank + 1 : axis;
        List<Integer> dims = new ArrayList<>();
        for (int d : in) {
            dims.add(d);
        }
        dims.add(at, 1);
        int[] out = dims.stream().mapToInt(Integer::intValue).toArray();
        PreparedOp prepared = new ExpandDimsPrepare().prepare(context(in, axis, out));
        assertArrayEquals(out, prepared.outputShape());

        byte[] input = ShapeGen.randomBytes(r, ShapeGen.count(in));
        byte[] want = new byte[input.length];
        for (int f = 0; f < want.length; f++) {
            int[] o = ShapeGen.coords(f, out);
            int[] c = new int[rank];
            for (int k = 0, j = 0; k <= rank; k++) {
                if (k != at) {
                    c[j++] = o[k];
                }
            }
            want[f] = input[ShapeGen.flat(c, in)];
        }
        assertArrayEquals(want, ShapeKernels.run("EXPAND_DIMS", prepared.params(), List.of(input), want.length));
    }

    @Property
    void refusesBadAxesAndShapes(@ForAll Random r) {
        int[] in = ShapeGen.randomShape(r, 1, 4, 4);
        int rank = in.length;
        int[] out = new int[rank + 1];
        out[0] = 1;
        System.arraycopy(in, 0, out, 1, rank);
        int axis;
        String why;
        if (r.nextBoolean()) {
            axis = r.nextBoolean() ? rank + 1 + r.nextInt(3) : -(rank + 2) - r.nextInt(3);
            why = "out of range";
        } else {
            axis = 0;
            out[1 + r.nextInt(rank)]++;
            why = "disagrees with the inferred shape";
        }
        OpContext ctx = context(in, axis, out);
        PrepareException e = assertThrows(PrepareException.class, () -> new ExpandDimsPrepare().prepare(ctx));
        assertTrue(e.getMessage().contains(why), e.getMessage());
    }

    private static OpContext context(int[] in, int axis, int[] out) {
        List<TensorInfo> inputs = List.of(ShapeGen.int8(0, "input", in, 0.25f, 7),
                ShapeGen.int32Const(1, "axis", new int[] {1}, axis));
        return ShapeGen.context("EXPAND_DIMS", inputs, ShapeGen.int8(2, "output", out, 0.25f, 7), Map.of());
    }
}
