package dev.tinyj.conformance.kernels.shape;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tinyj.emulator.toolchain.graph.TensorInfo;
import dev.tinyj.emulator.toolchain.prepare.PrepareException;
import dev.tinyj.emulator.toolchain.prepare.PreparedOp;
import dev.tinyj.emulator.toolchain.prepare.TransposePrepare;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * TRANSPOSE prepare and kernel against the definition written out per element: output
 * coordinate {@code o} holds the input element whose coordinate along axis {@code perm[d]} is
 * {@code o[d]} (flat indices by row-major division, no strides). Ranks 1..5, dims 1..5, every
 * kind of permutation (identity, reversal, random), operands at non-zero offsets; the declared
 * output shape comes from the reference, so prepare's shape inference is checked too. A repeated
 * axis, an out-of-range axis and a wrong declared shape are refused.
 */
class TransposePropertyTest {
    @Property
    void kernelMatchesReference(@ForAll Random r) throws PrepareException {
        int[] in = ShapeGen.randomShape(r, 1, 5, 5);
        int rank = in.length;
        int[] perm = permutation(r, rank);
        int[] out = new int[rank];
        for (int d = 0; d < rank; d++) {
            out[d] = in[perm[d]];
        }
        PreparedOp prepared = new TransposePrepare().prepare(context(in, perm, out));
        assertArrayEquals(out, prepared.outputShape());

        byte[] input = ShapeGen.randomBytes(r, ShapeGen.count(in));
        byte[] want = new byte[input.length];
        int[] c = new int[rank];
        for (int f = 0; f < want.length; f++) {
            int[] o = ShapeGen.coords(f, out);
            for (int d = 0; d < rank; d++) {
                c[perm[d]] = o[d];
            }
            want[f] = input[ShapeGen.flat(c, in)];
        }
        assertArrayEquals(want, ShapeKernels.run("TRANSPOSE", prepared.params(), List.of(input), want.length));
    }

    @Property
    void refusesWhatIsNotAPermutation(@ForAll Random r) {
        int[] in = ShapeGen.randomShape(r, 2, 5, 4);
        int rank = in.length;
        int[] perm = permutation(r, rank);
        int[] out = new int[rank];
        for (int d = 0; d < rank; d++) {
            out[d] = in[perm[d]];
        }
        int[] bad = perm.clone();
        int k = r.nextInt(rank);
        String why;
        switch (r.nextInt(3)) {
            case 0 -> {
                bad[k] = bad[(k + 1) % rank];
                why = "repeats axis";
            }
            case 1 -> {
                bad[k] = r.nextBoolean() ? rank + r.nextInt(3) : -1 - r.nextInt(3);
                why = "out of bounds";
            }
            default -> {
                bad = perm;
                out = out.clone();
                out[k]++;
                why = "disagrees with the inferred shape";
            }
        }
        int[] declared = out;
        int[] p = bad;
        PrepareException e = assertThrows(PrepareException.class,
                () -> new TransposePrepare().prepare(context(in, p, declared)));
        assertTrue(e.getMessage().contains(why), e.getMessage());
    }

    private static dev.tinyj.emulator.toolchain.prepare.OpContext context(int[] in, int[] perm, int[] out) {
        List<TensorInfo> inputs = List.of(ShapeGen.int8(0, "input", in, 0.25f, 7),
                ShapeGen.int32Const(1, "perm", new int[] {perm.length}, perm));
        return ShapeGen.context("TRANSPOSE", inputs, ShapeGen.int8(2, "output", out, 0.25f, 7), Map.of());
    }

    /** The identity, the reversal or a random shuffle of 0..rank-1. */
    private static int[] permutation(Random r, int rank) {
        List<Integer> axes = new ArrayList<>();
        for (int d = 0; d < rank; d++) {
            axes.add(d);
        }
        switch (r.nextInt(4)) {
            case 0 -> {
            }
            case 1 -> Collections.reverse(axes);
            default -> Collections.shuffle(axes, r);
        }
        return axes.stream().mapToInt(Integer::intValue).toArray();
    }
}
