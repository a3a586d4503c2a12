package dev.tinyj.conformance.kernels.shape;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tinyj.emulator.toolchain.graph.DType;
import dev.tinyj.emulator.toolchain.graph.TensorInfo;
import dev.tinyj.emulator.toolchain.prepare.PrepareException;
import dev.tinyj.emulator.toolchain.prepare.PreparedOp;
import dev.tinyj.emulator.toolchain.prepare.SpaceDepthPrepare;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/**
 * SPACE_TO_DEPTH and DEPTH_TO_SPACE prepare and kernel against references written from the
 * operators' definitions, element by element: SPACE_TO_DEPTH sends input (b, h, w, c) to output
 * (b, h / bs, w / bs, c + ((h % bs)·bs + w % bs)·C); DEPTH_TO_SPACE fills output (b, h, w, c) from
 * input (b, h / bs, w / bs, c + ((h % bs)·bs + w % bs)·C'), C' the output depth. Random batches,
 * sizes, depths and block sizes 1..4; parameters and operands at non-zero offsets
 * ({@link ShapeKernels}). Plus the refusals.
 */
class SpaceDepthPropertyTest {
    @Property
    void spaceToDepthMatchesReference(@ForAll Random r) throws PrepareException {
        int bs = 1 + r.nextInt(4);
        int[] in = {1 + r.nextInt(3), bs * (1 + r.nextInt(3)), bs * (1 + r.nextInt(3)), 1 + r.nextInt(4)};
        int[] out = {in[0], in[1] / bs, in[2] / bs, in[3] * bs * bs};
        PreparedOp prepared = prepare(SpaceDepthPrepare.spaceToDepth(), "SPACE_TO_DEPTH", in, bs, out);
        assertArrayEquals(out, prepared.outputShape());
        byte[] input = ShapeGen.randomBytes(r, ShapeGen.count(in));
        byte[] expected = new byte[input.length];
        for (int f = 0; f < input.length; f++) {
            int[] c = ShapeGen.coords(f, in);
            int d = c[3] + ((c[1] % bs) * bs + c[2] % bs) * in[3];
            expected[ShapeGen.flat(new int[] {c[0], c[1] / bs, c[2] / bs, d}, out)] = input[f];
        }
        assertArrayEquals(expected, ShapeKernels.run("SPACE_TO_DEPTH", prepared.params(), List.of(input),
                expected.length), Arrays.toString(in) + " block " + bs);
    }

    @Property
    void depthToSpaceMatchesReference(@ForAll Random r) throws PrepareException {
        int bs = 1 + r.nextInt(4);
        int depth = 1 + r.nextInt(3);
        int[] in = {1 + r.nextInt(3), 1 + r.nextInt(3), 1 + r.nextInt(3), depth * bs * bs};
        int[] out = {in[0], in[1] * bs, in[2] * bs, depth};
        PreparedOp prepared = prepare(SpaceDepthPrepare.depthToSpace(), "DEPTH_TO_SPACE", in, bs, out);
        assertArrayEquals(out, prepared.outputShape());
        byte[] input = ShapeGen.randomBytes(r, ShapeGen.count(in));
        byte[] expected = new byte[input.length];
        for (int f = 0; f < expected.length; f++) {
            int[] c = ShapeGen.coords(f, out);
            int d = c[3] + ((c[1] % bs) * bs + c[2] % bs) * depth;
            expected[f] = input[ShapeGen.flat(new int[] {c[0], c[1] / bs, c[2] / bs, d}, in)];
        }
        assertArrayEquals(expected, ShapeKernels.run("DEPTH_TO_SPACE", prepared.params(), List.of(input),
                expected.length), Arrays.toString(in) + " block " + bs);
    }

    @Test
    void refusesWhatItDoesNotRun() {
        SpaceDepthPrepare s2d = SpaceDepthPrepare.spaceToDepth();
        SpaceDepthPrepare d2s = SpaceDepthPrepare.depthToSpace();
        assertRefused("multiples of block_size 2", () -> prepare(s2d, "SPACE_TO_DEPTH", new int[] {1, 3, 4, 1}, 2,
                new int[] {1, 1, 2, 4}));
        assertRefused("multiple of block_size² 4", () -> prepare(d2s, "DEPTH_TO_SPACE", new int[] {1, 1, 1, 6}, 2,
                new int[] {1, 2, 2, 1}));
        assertRefused("block_size 0 must be at least 1", () -> prepare(s2d, "SPACE_TO_DEPTH", new int[] {1, 2, 2, 1},
                0, new int[] {1, 2, 2, 1}));
        assertRefused("must have 4 dimensions", () -> prepare(d2s, "DEPTH_TO_SPACE", new int[] {2, 2, 4}, 2,
                new int[] {4, 4, 1}));
        assertRefused("disagrees with the inferred shape", () -> prepare(d2s, "DEPTH_TO_SPACE", new int[] {1, 1, 1, 4},
                2, new int[] {1, 4}));
        TensorInfo f = new TensorInfo(0, "input", DType.FLOAT32, new int[] {1, 2, 2, 1}, null, null);
        assertRefused("unsupported type float32", () -> s2d.prepare(ShapeGen.context("SPACE_TO_DEPTH", List.of(f),
                new TensorInfo(1, "output", DType.FLOAT32, new int[] {1, 1, 1, 4}, null, null),
                Map.of("block_size", "2"))));
    }

    private static void assertRefused(String words, org.junit.jupiter.api.function.Executable prepare) {
        PrepareException e = assertThrows(PrepareException.class, prepare);
        assertTrue(e.getMessage().contains(words) && e.getMessage().contains("_TO_"), e.getMessage());
    }

    private static PreparedOp prepare(SpaceDepthPrepare op, String name, int[] in, int bs, int[] out)
            throws PrepareException {
        return op.prepare(ShapeGen.context(name, List.of(ShapeGen.int8(0, "input", in, 0.25f, 7)),
                ShapeGen.int8(1, "output", out, 0.25f, 7), Map.of("block_size", Integer.toString(bs))));
    }
}
