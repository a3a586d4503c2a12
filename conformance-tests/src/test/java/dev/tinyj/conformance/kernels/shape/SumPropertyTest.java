package dev.tinyj.conformance.kernels.shape;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tinyj.emulator.toolchain.graph.DType;
import dev.tinyj.emulator.toolchain.graph.TensorInfo;
import dev.tinyj.emulator.toolchain.prepare.PrepareException;
import dev.tinyj.emulator.toolchain.prepare.PreparedOp;
import dev.tinyj.emulator.toolchain.prepare.QuantizedMultiplier;
import dev.tinyj.emulator.toolchain.prepare.SumPrepare;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/**
 * SUM prepare and kernel against a reference written from the arithmetic's definition: per output
 * the int32 sum of the input elements reduced into it ({@link ReductionCase}), minus input_zp·N,
 * scaled by the multiplier of input_scale / output_scale with gemmlowp's rounding
 * ({@link MeanReference#scale}, BigInteger), plus output_zp, saturated to int8; an input with a
 * zero-sized dim gives zeros. Generated reductions of rank 0..6 with random scales (ratios from
 * 2^-12 to 2^6) and zero points; parameters and operands at non-zero offsets. Plus the refusals.
 */
class SumPropertyTest {
    @Property
    void kernelMatchesReference(@ForAll Random r) throws PrepareException {
        ReductionCase c = ReductionCase.random(r);
        float inScale = (float) Math.pow(2, -6 + r.nextInt(7)) * (0.5f + r.nextFloat());
        float outScale = r.nextInt(4) == 0 ? inScale : (float) Math.pow(2, -2 + r.nextInt(8)) * (0.5f + r.nextFloat());
        int inZp = r.nextInt(256) - 128;
        int outZp = r.nextInt(256) - 128;
        PreparedOp prepared = new SumPrepare().prepare(c.context("SUM", inScale, inZp, outScale, outZp));
        assertArrayEquals(c.out(), prepared.outputShape());

        byte[] input = ShapeGen.randomBytes(r, ShapeGen.count(c.in()));
        int[] sums = new int[ShapeGen.count(c.out())];
        for (int f = 0; f < input.length; f++) {
            sums[c.outputIndex(f)] += input[f];
        }
        QuantizedMultiplier qm = QuantizedMultiplier.of((double) inScale / (double) outScale);
        int n = c.count();
        byte[] expected = new byte[sums.length];
        for (int k = 0; k < sums.length && input.length > 0; k++) {
            int v = MeanReference.scale((int) ((long) sums[k] - (long) inZp * n), qm.multiplier(), qm.shift()) + outZp;
            expected[k] = (byte) Math.max(-128, Math.min(127, v));
        }
        assertArrayEquals(expected, ShapeKernels.run("SUM", prepared.params(), List.of(input), expected.length),
                c.toString());
    }

    @Test
    void refusesWhatItDoesNotRun() {
        assertRefused("axis 2 is out of range", () -> prepare(new int[] {2, 3}, new int[] {2}, new int[] {2}));
        assertRefused("has 3 elements; the sum of", () -> prepare(new int[] {2, 3}, new int[] {1}, new int[] {3}));
        assertRefused("at most 6 are supported",
                () -> prepare(new int[] {1, 1, 1, 1, 1, 1, 2}, new int[] {6}, new int[] {1, 1, 1, 1, 1, 1}));
        assertRefused("expected 2 inputs", () -> new SumPrepare().prepare(ShapeGen.context("SUM",
                List.of(ShapeGen.int8(0, "input", new int[] {2}, 1, 0)), ShapeGen.int8(1, "output", new int[] {}, 1, 0),
                Map.of())));
        for (DType t : new DType[] {DType.FLOAT32, DType.INT16}) {
            TensorInfo input = new TensorInfo(0, "input", t, new int[] {2, 3}, null, null);
            assertRefused("unsupported type", () -> new SumPrepare().prepare(ShapeGen.context("SUM",
                    List.of(input, ShapeGen.int32Const(1, "axis", new int[] {1}, 1)),
                    new TensorInfo(2, "output", t, new int[] {2}, null, null), Map.of())));
        }
    }

    private static void assertRefused(String words, org.junit.jupiter.api.function.Executable prepare) {
        PrepareException e = assertThrows(PrepareException.class, prepare);
        assertTrue(e.getMessage().contains(words) && e.getMessage().contains("SUM"), e.getMessage());
    }

    private static PreparedOp prepare(int[] in, int[] axes, int[] out) throws PrepareException {
        return new SumPrepare().prepare(new ReductionCase(in, axes, false, new boolean[in.length], out)
                .context("SUM", 0.5f, 0, 1f, 0));
    }
}
