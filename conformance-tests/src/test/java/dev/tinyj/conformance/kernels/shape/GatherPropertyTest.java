package dev.tinyj.conformance.kernels.shape;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tinyj.emulator.toolchain.graph.DType;
import dev.tinyj.emulator.toolchain.graph.TensorInfo;
import dev.tinyj.emulator.toolchain.prepare.GatherPrepare;
import dev.tinyj.emulator.toolchain.prepare.PrepareException;
import dev.tinyj.emulator.toolchain.prepare.PreparedOp;
import dev.tinyj.hal.McuStop;
import dev.tinyj.runtime.kernels.Gather;
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
 * GATHER prepare and kernel against a reference written from the definition (tf.gather with
 * batch_dims): output element (p_0..p_(a−1), i_bd..i_(r−1), q_(a+1)..) is params element
 * (p_0..p_(a−1), indices[p_0..p_(bd−1), i_bd..], q_(a+1)..). Params of rank 1..5, indices of rank
 * 0..3 sharing the leading batch dims, random axis and batch_dims (negative ones too);
 * parameters and operands at non-zero offsets ({@link ShapeKernels}). Plus the refusals and the
 * run-time panic on an index outside the axis.
 */
class GatherPropertyTest {
    @Property
    void kernelMatchesReference(@ForAll Random r) throws PrepareException {
        int[] in = ShapeGen.randomShape(r, 1, 5, 4);
        int rank = in.length;
        int a = r.nextInt(rank);
        int bd = r.nextInt(a + 1);
        int extra = r.nextInt(3);
        int[] idxShape = new int[bd + extra];
        for (int d = 0; d < idxShape.length; d++) {
            idxShape[d] = d < bd ? in[d] : 1 + r.nextInt(3);
        }
        int[] out = new int[rank + idxShape.length - 1 - bd];
        int n = 0;
        for (int d = 0; d < a; d++) {
            out[n++] = in[d];
        }
        for (int d = bd; d < idxShape.length; d++) {
            out[n++] = idxShape[d];
        }
        for (int d = a + 1; d < rank; d++) {
            out[n++] = in[d];
        }
        int[] idx = new int[ShapeGen.count(idxShape)];
        for (int k = 0; k < idx.length; k++) {
            idx[k] = r.nextInt(in[a]);
        }
        int axis = r.nextBoolean() ? a : a - rank;
        int batchDims = r.nextBoolean() || bd == idxShape.length ? bd : bd - idxShape.length;
        PreparedOp prepared = prepare(in, idxShape, idx, axis, batchDims, out);
        assertArrayEquals(out, prepared.outputShape());

        byte[] input = ShapeGen.randomBytes(r, ShapeGen.count(in));
        byte[] expected = new byte[ShapeGen.count(out)];
        for (int o = 0; o < expected.length; o++) {
            int[] oc = ShapeGen.coords(o, out);
            int[] ic = new int[idxShape.length];
            for (int d = 0; d < bd; d++) {
                ic[d] = oc[d];
            }
            for (int d = bd; d < idxShape.length; d++) {
                ic[d] = oc[a + d - bd];
            }
            int[] pc = new int[rank];
            for (int d = 0; d < a; d++) {
                pc[d] = oc[d];
            }
            pc[a] = idx[ShapeGen.flat(ic, idxShape)];
            for (int d = a + 1; d < rank; d++) {
                pc[d] = oc[d - 1 + idxShape.length - bd];
            }
            expected[o] = input[ShapeGen.flat(pc, in)];
        }
        assertArrayEquals(expected, ShapeKernels.run("GATHER", prepared.params(), List.of(input, int32(idx)),
                expected.length), Arrays.toString(in) + " indices " + Arrays.toString(idxShape) + " axis " + axis
                        + " batch_dims " + batchDims);
    }

    @Test
    void indexOutsideTheAxisPanics() throws PrepareException {
        PreparedOp prepared = prepare(new int[] {3, 2}, new int[] {3}, new int[] {0, 3, 1}, 0, 0, new int[] {3, 2});
        for (int bad : new int[] {3, -1}) {
            McuStop stop = assertThrows(McuStop.class, () -> ShapeKernels.run("GATHER", prepared.params(),
                    List.of(new byte[6], int32(new int[] {0, 2, bad})), 6));
            assertEquals(Gather.PANIC_INDEX_OUT_OF_RANGE, stop.code());
            assertEquals(2, stop.arg());
        }
    }

    @Test
    void refusesWhatItDoesNotRun() {
        assertRefused("axis 2 is out of range", () -> prepare(new int[] {2, 3}, new int[] {1}, new int[] {0}, 2, 0,
                new int[] {2, 3}));
        assertRefused("axis -3 is out of range", () -> prepare(new int[] {2, 3}, new int[] {1}, new int[] {0}, -3, 0,
                new int[] {2, 3}));
        assertRefused("batch_dims 2 must lie", () -> prepare(new int[] {2, 3}, new int[] {2, 1}, new int[] {0, 0}, 1,
                2, new int[] {2}));
        assertRefused("differ", () -> prepare(new int[] {2, 3, 4}, new int[] {3, 2}, new int[6], 2, 1,
                new int[] {2, 3, 2}));
        assertRefused("disagrees with the inferred shape", () -> prepare(new int[] {2, 3}, new int[] {2},
                new int[] {0, 1}, 0, 0, new int[] {6}));
        TensorInfo f = new TensorInfo(0, "params", DType.FLOAT32, new int[] {2}, null, null);
        TensorInfo idx32 = new TensorInfo(1, "indices", DType.INT32, new int[] {1}, null, null);
        assertRefused("unsupported type float32", () -> new GatherPrepare().prepare(ShapeGen.context("GATHER",
                List.of(f, idx32), new TensorInfo(2, "output", DType.FLOAT32, new int[] {1}, null, null), Map.of())));
        TensorInfo idx64 = new TensorInfo(1, "indices", DType.INT64, new int[] {1}, null, null);
        assertRefused("unsupported type int64", () -> new GatherPrepare().prepare(ShapeGen.context("GATHER",
                List.of(ShapeGen.int8(0, "params", new int[] {2}, 1, 0), idx64),
                ShapeGen.int8(2, "output", new int[] {1}, 1, 0), Map.of())));
    }

    private static void assertRefused(String words, org.junit.jupiter.api.function.Executable prepare) {
        PrepareException e = assertThrows(PrepareException.class, prepare);
        assertTrue(e.getMessage().contains(words) && e.getMessage().contains("GATHER"), e.getMessage());
    }

    private static byte[] int32(int[] v) {
        ByteBuffer b = ByteBuffer.allocate(4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        for (int x : v) {
            b.putInt(x);
        }
        return b.array();
    }

    private static PreparedOp prepare(int[] in, int[] idxShape, int[] idx, int axis, int batchDims, int[] out)
            throws PrepareException {
        List<TensorInfo> inputs = List.of(ShapeGen.int8(0, "params", in, 0.5f, 3),
                new TensorInfo(1, "indices", DType.INT32, idxShape, null, null));
        return new GatherPrepare().prepare(ShapeGen.context("GATHER", inputs, ShapeGen.int8(2, "output", out, 0.5f, 3),
                Map.of("axis", Integer.toString(axis), "batch_dims", Integer.toString(batchDims))));
    }
}
