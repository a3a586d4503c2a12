package dev.tinyj.conformance.kernels.shape;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tinyj.emulator.toolchain.graph.TensorInfo;
import dev.tinyj.emulator.toolchain.prepare.MeanPrepare;
import dev.tinyj.emulator.toolchain.prepare.PrepareException;
import dev.tinyj.emulator.toolchain.prepare.PreparedOp;
import dev.tinyj.emulator.toolchain.prepare.QuantizedMultiplier;
import dev.tinyj.runtime.kernels.Mean;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * MEAN kernel against {@link MeanReference} on generated inputs of rank 1..6, axis lists with
 * negative and repeated entries, keep_dims both ways, random scales (equal and different) and zero
 * points; plus the prepare's multiplier and N against their definitions.
 */
class MeanPropertyTest {
    @Property
    void kernelMatchesReference(@ForAll Random r) throws PrepareException {
        int[] in = ShapeGen.randomShape(r, 1, 6, 3);
        int rank = in.length;
        int axisCount = 1 + r.nextInt(rank + 1);
        int[] axes = new int[axisCount];
        boolean[] reduced = new boolean[rank];
        for (int k = 0; k < axisCount; k++) {
            int a = r.nextInt(rank);
            reduced[a] = true;
            axes[k] = r.nextBoolean() ? a : a - rank;
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
        float inScale = 0.01f + r.nextFloat();
        float outScale = r.nextInt(3) == 0 ? inScale : 0.01f + r.nextFloat() * 2;
        int inZp = r.nextInt(256) - 128;
        int outZp = r.nextInt(256) - 128;
        List<TensorInfo> inputs = List.of(ShapeGen.int8(0, "input", in, inScale, inZp),
                ShapeGen.int32Const(1, "axis", new int[] {axisCount}, axes));
        PreparedOp prepared = new MeanPrepare().prepare(ShapeGen.context("MEAN", inputs,
                ShapeGen.int8(2, "output", out, outScale, outZp), Map.of("keep_dims", keep ? "1" : "0")));
        assertArrayEquals(out, prepared.outputShape());

        // prepare math: the multiplier of input_scale / output_scale, N = product of reduced dims
        QuantizedMultiplier qm = QuantizedMultiplier.of((double) inScale / (double) outScale);
        ByteBuffer pb = ByteBuffer.wrap(prepared.params()).order(ByteOrder.LITTLE_ENDIAN);
        int n = 1;
        for (int d = 0; d < rank; d++) {
            n *= reduced[d] ? in[d] : 1;
        }
        assertEquals(qm.multiplier(), pb.getInt(Mean.P_MULTIPLIER));
        assertEquals(qm.shift(), pb.getInt(Mean.P_SHIFT));
        assertEquals(n, pb.getInt(Mean.P_COUNT));

        byte[] input = ShapeGen.randomBytes(r, ShapeGen.count(in));
        int[] sums = new int[ShapeGen.count(out)];
        int[] keptShape = new int[rank];
        for (int d = 0; d < rank; d++) {
            keptShape[d] = reduced[d] ? 1 : in[d];
        }
        for (int f = 0; f < input.length; f++) {
            int[] c = ShapeGen.coords(f, in);
            for (int d = 0; d < rank; d++) {
                c[d] = reduced[d] ? 0 : c[d];
            }
            sums[ShapeGen.flat(c, keptShape)] += input[f];
        }
        byte[] expected = new byte[sums.length];
        for (int k = 0; k < sums.length; k++) {
            expected[k] = MeanReference.output(sums[k], n, inZp, outZp, qm.multiplier(), qm.shift());
        }
        assertArrayEquals(expected, ShapeKernels.run("MEAN", prepared.params(), List.of(input), expected.length));
    }

    /** The folded multiplier and shift for large N and extreme shifts (the clamps of TFLM). */
    @Property
    void foldedScalingMatchesReference(@ForAll Random r) throws PrepareException {
        int[] in = {1 + r.nextInt(300), 1 + r.nextInt(300)};
        // ratios 2^-25..2^6: small ones hit TFLM's clamp of the 1/N shift at 31 + shift
        float inScale = (float) Math.pow(2, -15 + r.nextInt(16)) * (0.5f + r.nextFloat());
        float outScale = (float) Math.pow(2, -5 + r.nextInt(16)) * (0.5f + r.nextFloat());
        int inZp = r.nextInt(256) - 128;
        int outZp = r.nextInt(256) - 128;
        List<TensorInfo> inputs = List.of(ShapeGen.int8(0, "input", in, inScale, inZp),
                ShapeGen.int32Const(1, "axis", new int[] {2}, 0, 1));
        PreparedOp prepared = new MeanPrepare().prepare(ShapeGen.context("MEAN", inputs,
                ShapeGen.int8(2, "output", new int[] {1, 1}, outScale, outZp), Map.of("keep_dims", "1")));
        byte[] input = ShapeGen.randomBytes(r, in[0] * in[1]);
        int sum = 0;
        for (byte b : input) {
            sum += b;
        }
        QuantizedMultiplier qm = QuantizedMultiplier.of((double) inScale / (double) outScale);
        byte expected = MeanReference.output(sum, in[0] * in[1], inZp, outZp, qm.multiplier(), qm.shift());
        assertArrayEquals(new byte[] {expected}, ShapeKernels.run("MEAN", prepared.params(), List.of(input), 1));
    }
}
