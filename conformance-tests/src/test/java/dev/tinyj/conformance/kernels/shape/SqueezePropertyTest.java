package dev.tinyj.conformance.kernels.shape;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tinyj.emulator.toolchain.prepare.OpContext;
import dev.tinyj.emulator.toolchain.prepare.PrepareException;
import dev.tinyj.emulator.toolchain.prepare.PreparedOp;
import dev.tinyj.emulator.toolchain.prepare.SqueezePrepare;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * SQUEEZE prepare and kernel against tf.squeeze's definition: the output shape is the input's with
 * the squeezed dimensions removed from the list (every extent-1 one when {@code squeeze_dims} is
 * empty, else the listed ones, a negative entry counted from the end); every output element, read
 * at its row-major coordinates, is the input element at those coordinates with a 0 put back at each
 * squeezed position. Ranks 0..6 with extent-1 dimensions mixed in, entries given either way round,
 * operands at non-zero offsets. An entry naming a dimension of another extent or none, and a
 * declared output too small for a kept dimension, are refused.
 */
class SqueezePropertyTest {
    @Property
    void kernelMatchesReference(@ForAll Random r) throws PrepareException {
        int[] in = shapeWithOnes(r);
        int rank = in.length;
        boolean all = r.nextBoolean();
        boolean[] gone = new boolean[rank];
        List<Integer> listed = new ArrayList<>();
        for (int k = 0; k < rank; k++) {
            gone[k] = in[k] == 1 && (all || r.nextBoolean());
            if (gone[k] && !all) {
                listed.add(r.nextBoolean() ? k : k - rank);
            }
        }
        if (!all && listed.isEmpty()) {
            all = true;
            for (int k = 0; k < rank; k++) {
                gone[k] = in[k] == 1;
            }
        }
        List<Integer> kept = new ArrayList<>();
        for (int k = 0; k < rank; k++) {
            if (!gone[k]) {
                kept.add(in[k]);
            }
        }
        int[] out = kept.stream().mapToInt(Integer::intValue).toArray();
        PreparedOp prepared = new SqueezePrepare().prepare(context(in, all ? null : listed, out));
        assertArrayEquals(out, prepared.outputShape());

        byte[] input = ShapeGen.randomBytes(r, ShapeGen.count(in));
        byte[] want = new byte[input.length];
        for (int f = 0; f < want.length; f++) {
            int[] o = ShapeGen.coords(f, out);
            int[] c = new int[rank];
            for (int k = 0, j = 0; k < rank; k++) {
                c[k] = gone[k] ? 0 : o[j++];
            }
            want[f] = input[ShapeGen.flat(c, in)];
        }
        assertArrayEquals(want, ShapeKernels.run("SQUEEZE", prepared.params(), List.of(input), want.length));
    }

    @Property
    void refusesBadDimsAndShapes(@ForAll Random r) {
        int[] in = shapeWithOnes(r);
        int rank = in.length;
        List<Integer> listed = null;
        int[] out = java.util.Arrays.stream(in).filter(d -> d != 1).toArray();
        String why;
        int big = -1;
        for (int k = 0; k < rank; k++) {
            big = in[k] > 1 ? k : big;
        }
        if (big >= 0 && r.nextBoolean()) {
            out[out.length - 1 - r.nextInt(out.length)]--;
            why = "cannot hold the squeezed input";
        } else {
            int bad = big >= 0 && r.nextBoolean() ? big : r.nextBoolean() ? rank + r.nextInt(3) : -rank - 1 - r.nextInt(3);
            listed = List.of(bad);
            why = "does not name a dimension of extent 1";
        }
        OpContext ctx = context(in, listed, out);
        PrepareException e = assertThrows(PrepareException.class, () -> new SqueezePrepare().prepare(ctx));
        assertTrue(e.getMessage().contains(why), e.getMessage());
    }

    /** A shape of rank 0..6, extents 1..4, with extent-1 dimensions inserted at random places. */
    private static int[] shapeWithOnes(Random r) {
        List<Integer> dims = new ArrayList<>();
        for (int d : ShapeGen.randomShape(r, 0, 4, 4)) {
            dims.add(d);
        }
        for (int k = r.nextInt(3); k > 0 && dims.size() < 6; k--) {
            dims.add(r.nextInt(dims.size() + 1), 1);
        }
        return dims.stream().mapToInt(Integer::intValue).toArray();
    }

    private static OpContext context(int[] in, List<Integer> squeezeDims, int[] out) {
        Map<String, String> options = squeezeDims == null ? Map.of()
                : Map.of("squeeze_dims", squeezeDims.stream().map(String::valueOf).collect(Collectors.joining(",")));
        return ShapeGen.context("SQUEEZE", List.of(ShapeGen.int8(0, "input", in, 0.25f, 7)),
                ShapeGen.int8(1, "output", out, 0.25f, 7), options);
    }
}
