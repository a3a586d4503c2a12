package dev.tinyj.conformance.kernels.shape;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tinyj.emulator.toolchain.graph.DType;
import dev.tinyj.emulator.toolchain.graph.TensorInfo;
import dev.tinyj.emulator.toolchain.prepare.PrepareException;
import dev.tinyj.emulator.toolchain.prepare.PreparedOp;
import dev.tinyj.emulator.toolchain.prepare.SlicePrepare;
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
 * SLICE prepare and kernel against a reference written from the definition: output element
 * {@code c} is input element {@code c + begin} (coordinate-wise). Inputs of rank 1..5, begin and
 * size random within each dim (size −1 now and then), as int32 or int64; parameters and operands
 * at non-zero offsets ({@link ShapeKernels}). Plus the refusals.
 */
class SlicePropertyTest {
    @Property
    void kernelMatchesReference(@ForAll Random r) throws PrepareException {
        int[] in = ShapeGen.randomShape(r, 1, 5, 5);
        int rank = in.length;
        long[] begin = new long[rank];
        long[] size = new long[rank];
        int[] out = new int[rank];
        for (int d = 0; d < rank; d++) {
            begin[d] = r.nextInt(in[d]);
            size[d] = r.nextInt(5) == 0 ? -1 : 1 + r.nextInt(in[d] - (int) begin[d]);
            out[d] = size[d] == -1 ? in[d] - (int) begin[d] : (int) size[d];
        }
        DType indexType = r.nextBoolean() ? DType.INT32 : DType.INT64;
        PreparedOp prepared = prepare(in, begin, size, indexType, indexType, out);
        assertArrayEquals(out, prepared.outputShape());

        byte[] input = ShapeGen.randomBytes(r, ShapeGen.count(in));
        byte[] expected = new byte[ShapeGen.count(out)];
        for (int o = 0; o < expected.length; o++) {
            int[] c = ShapeGen.coords(o, out);
            for (int d = 0; d < rank; d++) {
                c[d] += (int) begin[d];
            }
            expected[o] = input[ShapeGen.flat(c, in)];
        }
        assertArrayEquals(expected, ShapeKernels.run("SLICE", prepared.params(), List.of(input), expected.length),
                Arrays.toString(in) + " begin " + Arrays.toString(begin) + " size " + Arrays.toString(size));
    }

    @Test
    void refusesWhatItDoesNotRun() {
        int[] in = {2, 3};
        DType i32 = DType.INT32;
        assertRefused("are outside input", () -> prepare(in, new long[] {0, 1}, new long[] {2, 3}, i32, i32,
                new int[] {2, 3}));
        assertRefused("are outside input", () -> prepare(in, new long[] {-1, 0}, new long[] {1, 3}, i32, i32,
                new int[] {1, 3}));
        assertRefused("are outside input", () -> prepare(in, new long[] {0, 0}, new long[] {-2, 3}, i32, i32,
                new int[] {1, 3}));
        assertRefused("need 2 values each", () -> prepare(in, new long[] {0}, new long[] {1}, i32, i32,
                new int[] {1, 3}));
        assertRefused("must have one type", () -> prepare(in, new long[] {0, 0}, new long[] {1, 3}, i32, DType.INT64,
                new int[] {1, 3}));
        assertRefused("outside int32", () -> prepare(in, new long[] {0, 0}, new long[] {1L << 32, 3}, DType.INT64,
                DType.INT64, new int[] {1, 3}));
        assertRefused("disagrees with the inferred shape", () -> prepare(in, new long[] {0, 0}, new long[] {1, 3}, i32,
                i32, new int[] {3}));
        assertRefused("at most 5 are supported", () -> prepare(new int[] {1, 1, 1, 1, 1, 2}, new long[6],
                new long[] {1, 1, 1, 1, 1, 1}, i32, i32, new int[] {1, 1, 1, 1, 1, 1}));
        TensorInfo f = new TensorInfo(0, "input", DType.INT16, in, null, null);
        assertRefused("unsupported type int16", () -> new SlicePrepare().prepare(ShapeGen.context("SLICE",
                List.of(f, index(1, "begin", i32, new long[] {0, 0}), index(2, "size", i32, new long[] {1, 1})),
                new TensorInfo(3, "output", DType.INT16, new int[] {1, 1}, null, null), Map.of())));
    }

    private static void assertRefused(String words, org.junit.jupiter.api.function.Executable prepare) {
        PrepareException e = assertThrows(PrepareException.class, prepare);
        assertTrue(e.getMessage().contains(words) && e.getMessage().contains("SLICE"), e.getMessage());
    }

    private static TensorInfo index(int at, String name, DType type, long[] values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * type.bytes()).order(ByteOrder.LITTLE_ENDIAN);
        for (long v : values) {
            if (type == DType.INT64) {
                b.putLong(v);
            } else {
                b.putInt((int) v);
            }
        }
        return new TensorInfo(at, name, type, new int[] {values.length}, null, b.array());
    }

    private static PreparedOp prepare(int[] in, long[] begin, long[] size, DType beginType, DType sizeType, int[] out)
            throws PrepareException {
        List<TensorInfo> inputs = List.of(ShapeGen.int8(0, "input", in, 0.5f, 1), index(1, "begin", beginType, begin),
                index(2, "size", sizeType, size));
        return new SlicePrepare().prepare(ShapeGen.context("SLICE", inputs, ShapeGen.int8(3, "output", out, 0.5f, 1),
                Map.of()));
    }
}
