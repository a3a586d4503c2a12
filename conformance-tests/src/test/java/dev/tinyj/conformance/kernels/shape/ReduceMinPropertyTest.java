package dev.tinyj.conformance.kernels.shape;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tinyj.emulator.toolchain.graph.DType;
import dev.tinyj.emulator.toolchain.graph.TensorInfo;
import dev.tinyj.emulator.toolchain.prepare.PrepareException;
import dev.tinyj.emulator.toolchain.prepare.PreparedOp;
import dev.tinyj.emulator.toolchain.prepare.ReduceMinMaxPrepare;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/**
 * REDUCE_MIN prepare and kernel against a reference written from the operator's definition (each
 * output the smallest input element whose coordinates agree with it on every kept axis, 127 when
 * none exists), on generated reductions ({@link ReductionCase}: rank 0..6, zero-sized dims, axis
 * lists with negative, repeated and no entries, keep_dims both ways); parameters and operands at
 * non-zero offsets ({@link ShapeKernels}). Plus the refusals: another output quantization, float32,
 * int16, more than 6 dims, an axis out of range, an output of the wrong size.
 */
class ReduceMinPropertyTest {
    @Property
    void kernelMatchesReference(@ForAll Random r) throws PrepareException {
        ReductionCase c = ReductionCase.random(r);
        float scale = 0.001f + r.nextFloat();
        int zp = r.nextInt(256) - 128;
        PreparedOp prepared = ReduceMinMaxPrepare.reduceMin().prepare(c.context("REDUCE_MIN", scale, zp, scale, zp));
        assertArrayEquals(c.out(), prepared.outputShape());

        byte[] input = ShapeGen.randomBytes(r, ShapeGen.count(c.in()));
        byte[] expected = new byte[ShapeGen.count(c.out())];
        Arrays.fill(expected, (byte) 127);
        for (int f = 0; f < input.length; f++) {
            int o = c.outputIndex(f);
            expected[o] = (byte) Math.min(expected[o], input[f]);
        }
        assertArrayEquals(expected, ShapeKernels.run("REDUCE_MIN", prepared.params(), List.of(input),
                expected.length), c.toString());
    }

    @Test
    void refusesWhatItDoesNotRun() {
        ReductionCase rows = new ReductionCase(new int[] {2, 3}, new int[] {1}, false, new boolean[] {false, true},
                new int[] {2});
        assertRefused("quantization of input", () -> prepare(rows, 0.5f, 0, 0.25f, 0));
        assertRefused("quantization of input", () -> prepare(rows, 0.5f, 1, 0.5f, 2));
        assertRefused("axis 2 is out of range", () -> prepare(new ReductionCase(new int[] {2, 3}, new int[] {2}, false,
                new boolean[2], new int[] {2}), 1, 0, 1, 0));
        assertRefused("has 3 elements; the min of", () -> prepare(new ReductionCase(new int[] {2, 3}, new int[] {1},
                false, new boolean[2], new int[] {3}), 1, 0, 1, 0));
        assertRefused("at most 6 are supported", () -> prepare(new ReductionCase(new int[] {1, 1, 1, 1, 1, 1, 2},
                new int[] {6}, false, new boolean[7], new int[] {1, 1, 1, 1, 1, 1}), 1, 0, 1, 0));
        for (DType t : new DType[] {DType.FLOAT32, DType.INT16}) {
            TensorInfo input = new TensorInfo(0, "input", t, new int[] {2, 3}, null, null);
            assertRefused("unsupported type", () -> ReduceMinMaxPrepare.reduceMin().prepare(ShapeGen.context("REDUCE_MIN",
                    List.of(input, ShapeGen.int32Const(1, "axis", new int[] {1}, 1)),
                    new TensorInfo(2, "output", t, new int[] {2}, null, null), Map.of())));
        }
    }

    private static void assertRefused(String words, org.junit.jupiter.api.function.Executable prepare) {
        PrepareException e = assertThrows(PrepareException.class, prepare);
        assertTrue(e.getMessage().contains(words) && e.getMessage().contains("REDUCE_MIN"), e.getMessage());
    }

    private static PreparedOp prepare(ReductionCase c, float inScale, int inZp, float outScale, int outZp)
            throws PrepareException {
        return ReduceMinMaxPrepare.reduceMin().prepare(c.context("REDUCE_MIN", inScale, inZp, outScale, outZp));
    }
}
