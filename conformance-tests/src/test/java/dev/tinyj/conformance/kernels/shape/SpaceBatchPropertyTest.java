package dev.tinyj.conformance.kernels.shape;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tinyj.emulator.toolchain.graph.DType;
import dev.tinyj.emulator.toolchain.graph.TensorInfo;
import dev.tinyj.emulator.toolchain.prepare.PrepareException;
import dev.tinyj.emulator.toolchain.prepare.PreparedOp;
import dev.tinyj.emulator.toolchain.prepare.SpaceBatchPrepare;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/**
 * SPACE_TO_BATCH_ND and BATCH_TO_SPACE_ND prepare and kernels against TensorFlow's definition of
 * SPACE_TO_BATCH_ND (pad with byte 0, as TFLM does; split each padded spatial dim into (dim / block,
 * block); move the block axes in front of the batch; merge them into it), element by element, and
 * BATCH_TO_SPACE_ND as its inverse: with crops equal to the paddings it must give back the input
 * exactly. Random 3-D and 4-D inputs, blocks 1..3 and paddings; parameters and operands at
 * non-zero offsets ({@link ShapeKernels}). Plus the refusals.
 */
class SpaceBatchPropertyTest {
    @Property
    void spaceToBatchThenBackIsTheInput(@ForAll Random r) throws PrepareException {
        boolean fourD = r.nextBoolean();
        int b = 1 + r.nextInt(2);
        int bh = 1 + r.nextInt(3);
        int bw = fourD ? 1 + r.nextInt(3) : 1;
        int top = r.nextInt(3);
        int left = fourD ? r.nextInt(3) : 0;
        int h = 1 + r.nextInt(5);
        int w = fourD ? 1 + r.nextInt(5) : 1;
        int bottom = Math.floorMod(-(h + top), bh) + bh * r.nextInt(2);
        int right = fourD ? Math.floorMod(-(w + left), bw) + bw * r.nextInt(2) : 0;
        int c = 1 + r.nextInt(3);
        int hp = h + top + bottom;
        int wp = w + left + right;
        int[] in = fourD ? new int[] {b, h, w, c} : new int[] {b, h, c};
        int[] out = fourD ? new int[] {b * bh * bw, hp / bh, wp / bw, c} : new int[] {b * bh, hp / bh, c};
        int[] block = fourD ? new int[] {bh, bw} : new int[] {bh};
        int[] pads = fourD ? new int[] {top, bottom, left, right} : new int[] {top, bottom};
        int zp = r.nextInt(256) - 128;

        PreparedOp toBatch = prepare(SpaceBatchPrepare.spaceToBatch(), "SPACE_TO_BATCH_ND", in, block, pads, out, zp);
        assertArrayEquals(out, toBatch.outputShape());
        byte[] input = ShapeGen.randomBytes(r, ShapeGen.count(in));
        byte[] expected = new byte[ShapeGen.count(out)];
        for (int o = 0; o < expected.length; o++) {
            int[] oc = ShapeGen.coords(o, out);
            int ob = oc[0];
            int batch = ob % b;
            int sy = ob / b / bw;
            int sx = ob / b % bw;
            int y = oc[1] * bh + sy - top;
            int x = (fourD ? oc[2] * bw : 0) + sx - left;
            boolean inside = y >= 0 && y < h && x >= 0 && x < w;
            int[] ic = fourD ? new int[] {batch, y, x, oc[3]} : new int[] {batch, y, oc[2]};
            expected[o] = inside ? input[ShapeGen.flat(ic, in)] : 0;
        }
        String what = Arrays.toString(in) + " block " + Arrays.toString(block) + " pads " + Arrays.toString(pads);
        byte[] batched = ShapeKernels.run("SPACE_TO_BATCH_ND", toBatch.params(), List.of(input), expected.length);
        assertArrayEquals(expected, batched, what);

        PreparedOp toSpace = prepare(SpaceBatchPrepare.batchToSpace(), "BATCH_TO_SPACE_ND", out, block, pads, in, zp);
        assertArrayEquals(in, toSpace.outputShape());
        assertArrayEquals(input, ShapeKernels.run("BATCH_TO_SPACE_ND", toSpace.params(), List.of(batched),
                input.length), what + " and back");
    }

    @Test
    void refusesWhatItDoesNotRun() {
        SpaceBatchPrepare s2b = SpaceBatchPrepare.spaceToBatch();
        SpaceBatchPrepare b2s = SpaceBatchPrepare.batchToSpace();
        assertRefused("must be multiples of the block", () -> prepare(s2b, "SPACE_TO_BATCH_ND", new int[] {1, 5, 4, 1},
                new int[] {2, 2}, new int[4], new int[] {4, 2, 2, 1}, 0));
        assertRefused("must be a multiple of the block", () -> prepare(b2s, "BATCH_TO_SPACE_ND",
                new int[] {6, 2, 2, 1}, new int[] {2, 2}, new int[4], new int[] {1, 4, 4, 1}, 0));
        assertRefused("must be at least 1", () -> prepare(s2b, "SPACE_TO_BATCH_ND", new int[] {1, 4, 4, 1},
                new int[] {0, 2}, new int[4], new int[] {4, 2, 2, 1}, 0));
        assertRefused("must not be negative", () -> prepare(b2s, "BATCH_TO_SPACE_ND", new int[] {4, 2, 2, 1},
                new int[] {2, 2}, new int[] {0, 0, -1, 0}, new int[] {1, 4, 5, 1}, 0));
        assertRefused("crops remove more", () -> prepare(b2s, "BATCH_TO_SPACE_ND", new int[] {4, 1, 1, 1},
                new int[] {2, 2}, new int[] {2, 1, 0, 0}, new int[] {1, 1, 2, 1}, 0));
        assertRefused("need 2 and 4 values", () -> prepare(s2b, "SPACE_TO_BATCH_ND", new int[] {1, 4, 4, 1},
                new int[] {2}, new int[4], new int[] {4, 2, 2, 1}, 0));
        assertRefused("must have 3 or 4 dimensions", () -> prepare(s2b, "SPACE_TO_BATCH_ND", new int[] {4, 4},
                new int[] {2}, new int[2], new int[] {8, 2}, 0));
        assertRefused("disagrees with the inferred shape", () -> prepare(b2s, "BATCH_TO_SPACE_ND",
                new int[] {4, 2, 2, 1}, new int[] {2, 2}, new int[4], new int[] {1, 4, 3, 1}, 0));
        TensorInfo f = new TensorInfo(0, "input", DType.FLOAT32, new int[] {1, 2, 2, 1}, null, null);
        assertRefused("unsupported type float32", () -> s2b.prepare(ShapeGen.context("SPACE_TO_BATCH_ND",
                List.of(f, ShapeGen.int32Const(1, "block_shape", new int[] {2}, 2, 2),
                        ShapeGen.int32Const(2, "paddings", new int[] {2, 2}, 0, 0, 0, 0)),
                new TensorInfo(3, "output", DType.FLOAT32, new int[] {4, 1, 1, 1}, null, null), Map.of())));
    }

    private static void assertRefused(String words, org.junit.jupiter.api.function.Executable prepare) {
        PrepareException e = assertThrows(PrepareException.class, prepare);
        assertTrue(e.getMessage().contains(words) && e.getMessage().contains("_ND"), e.getMessage());
    }

    private static PreparedOp prepare(SpaceBatchPrepare op, String name, int[] in, int[] block, int[] pads, int[] out,
            int zp) throws PrepareException {
        List<TensorInfo> inputs = List.of(ShapeGen.int8(0, "input", in, 0.5f, zp),
                ShapeGen.int32Const(1, "block_shape", new int[] {block.length}, block),
                ShapeGen.int32Const(2, "paddings", new int[] {pads.length / 2, 2}, pads));
        return op.prepare(ShapeGen.context(name, inputs, ShapeGen.int8(3, "output", out, 0.5f, zp), Map.of()));
    }
}
