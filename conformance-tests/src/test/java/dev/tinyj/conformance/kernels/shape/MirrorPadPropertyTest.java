package dev.tinyj.conformance.kernels.shape;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tinyj.emulator.toolchain.graph.DType;
import dev.tinyj.emulator.toolchain.graph.TensorInfo;
import dev.tinyj.emulator.toolchain.prepare.MirrorPadPrepare;
import dev.tinyj.emulator.toolchain.prepare.PrepareException;
import dev.tinyj.emulator.toolchain.prepare.PreparedOp;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/**
 * MIRROR_PAD prepare and kernel against a reference written from the mirror's definition: along
 * each axis, output index o is input index i = o − left when inside; before the input, REFLECT
 * gives −i and SYMMETRIC −i − 1; after it, REFLECT gives 2·(dim − 1) − i and SYMMETRIC
 * 2·dim − 1 − i (left and right paddings within TensorFlow's limits: dim − 1 for REFLECT, dim for
 * SYMMETRIC). Inputs of rank 0..5; parameters and operands at non-zero offsets
 * ({@link ShapeKernels}). Plus the refusals.
 */
class MirrorPadPropertyTest {
    @Property
    void kernelMatchesReference(@ForAll Random r) throws PrepareException {
        int[] in = r.nextInt(20) == 0 ? new int[0] : ShapeGen.randomShape(r, 1, 5, 4);
        int rank = in.length;
        boolean reflect = r.nextBoolean();
        int[] pads = new int[2 * rank];
        int[] out = new int[rank];
        for (int d = 0; d < rank; d++) {
            int most = reflect ? in[d] - 1 : in[d];
            pads[2 * d] = r.nextInt(3) == 0 ? 0 : r.nextInt(most + 1);
            pads[2 * d + 1] = r.nextInt(3) == 0 ? 0 : r.nextInt(most + 1);
            out[d] = in[d] + pads[2 * d] + pads[2 * d + 1];
        }
        PreparedOp prepared = prepare(in, new int[] {rank, 2}, pads, reflect ? "REFLECT" : "SYMMETRIC", out);
        assertArrayEquals(out, prepared.outputShape());

        byte[] input = ShapeGen.randomBytes(r, ShapeGen.count(in));
        byte[] expected = new byte[ShapeGen.count(out)];
        for (int o = 0; o < expected.length; o++) {
            int[] c = ShapeGen.coords(o, out);
            for (int d = 0; d < rank; d++) {
                int i = c[d] - pads[2 * d];
                if (i < 0) {
                    i = reflect ? -i : -i - 1;
                } else if (i >= in[d]) {
                    i = reflect ? 2 * (in[d] - 1) - i : 2 * in[d] - 1 - i;
                }
                c[d] = i;
            }
            expected[o] = input[ShapeGen.flat(c, in)];
        }
        assertArrayEquals(expected, ShapeKernels.run("MIRROR_PAD", prepared.params(), List.of(input), expected.length),
                Arrays.toString(in) + " paddings " + Arrays.toString(pads) + (reflect ? " REFLECT" : " SYMMETRIC"));
    }

    @Test
    void refusesWhatItDoesNotRun() {
        int[] in = {2, 3};
        assertRefused("reaches past the REFLECT mirror", () -> prepare(in, new int[] {2, 2}, new int[] {0, 0, 3, 0},
                "REFLECT", new int[] {2, 6}));
        assertRefused("reaches past the SYMMETRIC mirror", () -> prepare(in, new int[] {2, 2}, new int[] {3, 0, 0, 0},
                "SYMMETRIC", new int[] {5, 3}));
        assertRefused("must not be negative", () -> prepare(in, new int[] {2, 2}, new int[] {0, 0, -1, 1}, "REFLECT",
                new int[] {2, 3}));
        assertRefused("must be [2,2]", () -> prepare(in, new int[] {4}, new int[] {0, 0, 1, 1}, "REFLECT",
                new int[] {2, 5}));
        assertRefused("disagrees with the inferred shape", () -> prepare(in, new int[] {2, 2}, new int[] {0, 0, 1, 1},
                "REFLECT", new int[] {2, 6}));
        assertRefused("at most 5 are supported", () -> prepare(new int[] {1, 1, 1, 1, 1, 2}, new int[] {6, 2},
                new int[12], "REFLECT", new int[] {1, 1, 1, 1, 1, 2}));
        TensorInfo f = new TensorInfo(0, "input", DType.FLOAT32, in, null, null);
        assertRefused("unsupported type float32", () -> new MirrorPadPrepare().prepare(ShapeGen.context("MIRROR_PAD",
                List.of(f, ShapeGen.int32Const(1, "paddings", new int[] {2, 2}, 0, 0, 0, 0)),
                new TensorInfo(2, "output", DType.FLOAT32, in, null, null), Map.of())));
    }

    private static void assertRefused(String words, org.junit.jupiter.api.function.Executable prepare) {
        PrepareException e = assertThrows(PrepareException.class, prepare);
        assertTrue(e.getMessage().contains(words) && e.getMessage().contains("MIRROR_PAD"), e.getMessage());
    }

    private static PreparedOp prepare(int[] in, int[] padShape, int[] pads, String mode, int[] out)
            throws PrepareException {
        List<TensorInfo> inputs = List.of(ShapeGen.int8(0, "input", in, 0.5f, -2),
                ShapeGen.int32Const(1, "paddings", padShape, pads));
        return new MirrorPadPrepare().prepare(ShapeGen.context("MIRROR_PAD", inputs,
                ShapeGen.int8(2, "output", out, 0.5f, -2), Map.of("mode", mode)));
    }
}
