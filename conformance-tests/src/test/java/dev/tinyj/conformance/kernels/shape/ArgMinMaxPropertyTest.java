package dev.tinyj.conformance.kernels.shape;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tinyj.emulator.toolchain.graph.DType;
import dev.tinyj.emulator.toolchain.graph.TensorInfo;
import dev.tinyj.emulator.toolchain.prepare.ArgMinMaxPrepare;
import dev.tinyj.emulator.toolchain.prepare.PrepareException;
import dev.tinyj.emulator.toolchain.prepare.PreparedOp;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/**
 * ARG_MAX and ARG_MIN prepare and kernel against a reference written from the definition: for
 * each output position, the smallest index along the axis whose input element is the largest
 * (ARG_MAX) or smallest (ARG_MIN) of the elements that agree with it on every other axis. Inputs
 * of rank 1..6 with few distinct values (so ties are common), positive and negative axes;
 * parameters and operands at non-zero offsets ({@link ShapeKernels}). Plus the refusals.
 */
class ArgMinMaxPropertyTest {
    @Property
    void kernelMatchesReference(@ForAll Random r) throws PrepareException {
        int[] in = ShapeGen.randomShape(r, 1, 6, 4);
        int rank = in.length;
        int a = r.nextInt(rank);
        int axis = r.nextBoolean() ? a : a - rank;
        boolean max = r.nextBoolean();
        int[] out = new int[rank - 1];
        for (int d = 0, k = 0; d < rank; d++) {
            if (d != a) {
                out[k++] = in[d];
            }
        }
        PreparedOp prepared = prepare(max, in, new int[] {1}, axis, out, DType.INT32);
        assertArrayEquals(out, prepared.outputShape());

        byte[] input = new byte[ShapeGen.count(in)];
        int spread = 1 + r.nextInt(255);
        for (int k = 0; k < input.length; k++) {
            input[k] = (byte) (r.nextInt(spread) - 128);
        }
        ByteBuffer expected = ByteBuffer.allocate(4 * ShapeGen.count(out)).order(ByteOrder.LITTLE_ENDIAN);
        for (int o = 0; o < ShapeGen.count(out); o++) {
            int[] oc = ShapeGen.coords(o, out);
            int[] ic = new int[rank];
            for (int d = 0, k = 0; d < rank; d++) {
                ic[d] = d == a ? 0 : oc[k++];
            }
            int best = 0;
            for (int i = 0; i < in[a]; i++) {
                ic[a] = i;
                int v = input[ShapeGen.flat(ic, in)];
                ic[a] = best;
                int b = input[ShapeGen.flat(ic, in)];
                if (max ? v > b : v < b) {
                    best = i;
                }
            }
            expected.putInt(best);
        }
        assertArrayEquals(expected.array(), ShapeKernels.run(max ? "ARG_MAX" : "ARG_MIN", prepared.params(),
                List.of(input), expected.capacity()), Arrays.toString(in) + " axis " + axis + (max ? " max" : " min"));
    }

    @Test
    void refusesWhatItDoesNotRun() {
        int[] in = {2, 3};
        assertRefused("unsupported type int64", () -> prepare(true, in, new int[] {1}, 1, new int[] {2}, DType.INT64));
        assertRefused("axis 2 is out of range", () -> prepare(false, in, new int[] {1}, 2, new int[] {2}, DType.INT32));
        assertRefused("axis -3 is out of range", () -> prepare(true, in, new int[] {1}, -3, new int[] {2}, DType.INT32));
        assertRefused("must hold one value", () -> prepare(true, in, new int[] {2}, 1, new int[] {2}, DType.INT32));
        assertRefused("disagrees with the inferred shape",
                () -> prepare(true, in, new int[] {1}, 1, new int[] {1, 2}, DType.INT32));
        TensorInfo f = new TensorInfo(0, "input", DType.FLOAT32, in, null, null);
        assertRefused("unsupported type float32", () -> ArgMinMaxPrepare.argMin().prepare(ShapeGen.context("ARG_MIN",
                List.of(f, ShapeGen.int32Const(1, "axis", new int[] {1}, 1)),
                new TensorInfo(2, "output", DType.INT32, new int[] {2}, null, null), Map.of())));
    }

    private static void assertRefused(String words, org.junit.jupiter.api.function.Executable prepare) {
        PrepareException e = assertThrows(PrepareException.class, prepare);
        assertTrue(e.getMessage().contains(words) && e.getMessage().contains("ARG_M"), e.getMessage());
    }

    private static PreparedOp prepare(boolean max, int[] in, int[] axisShape, int axis, int[] out, DType outType)
            throws PrepareException {
        int[] axes = new int[ShapeGen.count(axisShape)];
        Arrays.fill(axes, axis);
        List<TensorInfo> inputs = List.of(ShapeGen.int8(0, "input", in, 0.5f, -3),
                ShapeGen.int32Const(1, "axis", axisShape, axes));
        String op = max ? "ARG_MAX" : "ARG_MIN";
        return (max ? ArgMinMaxPrepare.argMax() : ArgMinMaxPrepare.argMin()).prepare(ShapeGen.context(op, inputs,
                new TensorInfo(2, "output", outType, out, null, null), Map.of()));
    }
}
