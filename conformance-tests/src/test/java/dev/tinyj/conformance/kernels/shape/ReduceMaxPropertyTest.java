package dev.tinyj.conformance.kernels.shape;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tinyj.emulator.toolchain.graph.DType;
import dev.tinyj.emulator.toolchain.graph.TensorInfo;
import dev.tinyj.emulator.toolchain.prepare.PrepareException;
import dev.tinyj.emulator.toolchain.prepare.PreparedOp;
import dev.tinyj.emulator.toolchain.prepare.ReduceMinMaxPrepare;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/**
 * REDUCE_MAX prepare and kernel against a reference written from the operator's definition (each
 * output the largest input element whose coordinates agree with it on every kept axis, −128 when
 * none exists), on generated inputs of rank 0..6 (zero-sized dims included), axis lists with
 * negative, repeated and no entries, keep_dims both ways; parameters and operands at non-zero
 * offsets ({@link ShapeKernels}). Plus the refusals: another output quantization, float32, int16,
 * more than 6 dims, an axis out of range, an output of the wrong size.
 */
class ReduceMaxPropertyTest {
    @Property
    void kernelMatchesReference(@ForAll Random r) throws PrepareException {
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
        int[] out = outDims.stream().mapToInt(Integer::intValue).toArray();
        float scale = 0.001f + r.nextFloat();
        int zp = r.nextInt(256) - 128;
        PreparedOp prepared = prepare(in, axes, out, keep, scale, zp, scale, zp);
        assertArrayEquals(out, prepared.outputShape());

        byte[] input = ShapeGen.randomBytes(r, ShapeGen.count(in));
        byte[] expected = new byte[ShapeGen.count(out)];
        Arrays.fill(expected, (byte) -128);
        int[] keptShape = new int[rank];
        for (int d = 0; d < rank; d++) {
            keptShape[d] = reduced[d] ? 1 : in[d];
        }
        for (int f = 0; f < input.length; f++) {
            int[] c = ShapeGen.coords(f, in);
            for (int d = 0; d < rank; d++) {
                c[d] = reduced[d] ? 0 : c[d];
            }
            int o = ShapeGen.flat(c, keptShape);
            expected[o] = (byte) Math.max(expected[o], input[f]);
        }
        assertArrayEquals(expected, ShapeKernels.run("REDUCE_MAX", prepared.params(), List.of(input),
                expected.length), Arrays.toString(in) + " axes " + Arrays.toString(axes) + " keep " + keep);
    }

    @Test
    void refusesWhatItDoesNotRun() {
        int[] in = {2, 3};
        assertRefused("quantization of input", () -> prepare(in, new int[] {1}, new int[] {2}, false, 0.5f, 0, 0.25f, 0));
        assertRefused("quantization of input", () -> prepare(in, new int[] {1}, new int[] {2}, false, 0.5f, 1, 0.5f, 2));
        assertRefused("axis 2 is out of range", () -> prepare(in, new int[] {2}, new int[] {2}, false, 1, 0, 1, 0));
        assertRefused("has 3 elements; the max of", () -> prepare(in, new int[] {1}, new int[] {3}, false, 1, 0, 1, 0));
        assertRefused("at most 6 are supported",
                () -> prepare(new int[] {1, 1, 1, 1, 1, 1, 2}, new int[] {6}, new int[] {1, 1, 1, 1, 1, 1}, false, 1, 0,
                        1, 0));
        for (DType t : new DType[] {DType.FLOAT32, DType.INT16}) {
            TensorInfo input = new TensorInfo(0, "input", t, in, null, null);
            assertRefused("unsupported type", () -> ReduceMinMaxPrepare.reduceMax().prepare(ShapeGen.context("REDUCE_MAX",
                    List.of(input, ShapeGen.int32Const(1, "axis", new int[] {1}, 1)),
                    new TensorInfo(2, "output", t, new int[] {2}, null, null), Map.of())));
        }
    }

    private static void assertRefused(String words, org.junit.jupiter.api.function.Executable prepare) {
        PrepareException e = assertThrows(PrepareException.class, prepare);
        assertTrue(e.getMessage().contains(words) && e.getMessage().contains("REDUCE_MAX"), e.getMessage());
    }

    private static PreparedOp prepare(int[] in, int[] axes, int[] out, boolean keep, float inScale, int inZp,
            float outScale, int outZp) throws PrepareException {
        List<TensorInfo> inputs = List.of(ShapeGen.int8(0, "input", in, inScale, inZp),
                ShapeGen.int32Const(1, "axis", new int[] {axes.length}, axes));
        return ReduceMinMaxPrepare.reduceMax().prepare(ShapeGen.context("REDUCE_MAX", inputs,
                ShapeGen.int8(2, "output", out, outScale, outZp), Map.of("keep_dims", keep ? "1" : "0")));
    }
}
