package dev.tinyj.emulator.toolchain.compile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tinyj.emulator.toolchain.graph.DType;
import dev.tinyj.emulator.toolchain.graph.Quantization;
import dev.tinyj.emulator.toolchain.graph.TensorInfo;
import dev.tinyj.emulator.toolchain.prepare.ConstantEval;
import dev.tinyj.emulator.toolchain.prepare.OpContext;
import dev.tinyj.emulator.toolchain.prepare.OpOptions;
import dev.tinyj.emulator.toolchain.prepare.PrepareException;
import dev.tinyj.emulator.toolchain.tflite.TfliteModel;
import dev.tinyj.emulator.toolchain.tflite.TfliteReader;
import dev.tinyj.emulator.toolchain.tflite.TfliteSpec;
import dev.tinyj.emulator.toolchain.tflite.TfliteWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link ConstantFolder} and {@link ConstantEval} on hand-made graphs: the Keras reshape pattern
 * folds to a RESHAPE with a constant shape, and each operator's host evaluation gives what TFLM's
 * reference kernel gives (values worked out by hand from {@code strided_slice_logic.h} and
 * {@code pack.cc} {@code PackImpl}).
 */
class ConstantFolderTest {
    private static byte[] ints(int... v) {
        ByteBuffer b = ByteBuffer.allocate(4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        for (int x : v) {
            b.putInt(x);
        }
        return b.array();
    }

    private static int[] ints(byte[] b) {
        int[] v = new int[b.length / 4];
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer().get(v);
        return v;
    }

    private static TensorInfo i32(int index, int[] shape, int... data) {
        return new TensorInfo(index, "t" + index, DType.INT32, shape, null, data == null ? null : ints(data));
    }

    private static OpOptions opts(String... kv) {
        Map<String, String> m = new java.util.HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return new OpOptions(m);
    }

    private static int[] slice(int[] in, int[] begin, int[] end, int[] strides, int[] outShape, OpOptions o)
            throws PrepareException {
        List<TensorInfo> inputs = List.of(i32(0, new int[] {in.length}, in), i32(1, new int[] {1}, begin),
                i32(2, new int[] {1}, end), i32(3, new int[] {1}, strides));
        return ints(ConstantEval.evaluate(new OpContext("STRIDED_SLICE", 0, inputs, i32(4, outShape, (int[]) null), o)));
    }

    @Test
    void stridedSliceFollowsTflmMasksNegativeIndicesAndShrink() throws Exception {
        int[] v = {1, 49, 10, 8};
        OpOptions none = opts();
        assertArrayEquals(new int[] {1}, slice(v, new int[] {0}, new int[] {1}, new int[] {1}, new int[] {},
                opts("shrink_axis_mask", "1")));
        assertArrayEquals(new int[] {8}, slice(v, new int[] {-1}, new int[] {0}, new int[] {1}, new int[] {},
                opts("shrink_axis_mask", "1")));
        assertArrayEquals(new int[] {49, 10}, slice(v, new int[] {1}, new int[] {-1}, new int[] {1}, new int[] {2}, none));
        assertArrayEquals(new int[] {49, 10, 8}, slice(v, new int[] {1}, new int[] {0}, new int[] {1}, new int[] {3},
                opts("end_mask", "1")));
        assertArrayEquals(new int[] {8, 10, 49, 1}, slice(v, new int[] {0}, new int[] {0}, new int[] {-1},
                new int[] {4}, opts("begin_mask", "1", "end_mask", "1")));
        assertArrayEquals(new int[] {1, 10}, slice(v, new int[] {-9}, new int[] {3}, new int[] {2}, new int[] {2}, none));
        assertThrows(PrepareException.class, () -> slice(v, new int[] {1}, new int[] {0}, new int[] {-1},
                new int[] {}, opts("shrink_axis_mask", "1", "begin_mask", "0")));
    }

    @Test
    void packFollowsPackImplAlongEveryAxis() throws Exception {
        TensorInfo a = i32(0, new int[] {2, 3}, 1, 2, 3, 4, 5, 6);
        TensorInfo b = i32(1, new int[] {2, 3}, 7, 8, 9, 10, 11, 12);
        int[][] shapes = {{2, 2, 3}, {2, 2, 3}, {2, 3, 2}, {2, 3, 2}};
        String[] axes = {"0", "1", "2", "-1"};
        int[][] expected = {
            {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12},
            {1, 2, 3, 7, 8, 9, 4, 5, 6, 10, 11, 12},
            {1, 7, 2, 8, 3, 9, 4, 10, 5, 11, 6, 12},
            {1, 7, 2, 8, 3, 9, 4, 10, 5, 11, 6, 12},
        };
        for (int k = 0; k < axes.length; k++) {
            OpContext ctx = new OpContext("PACK", 0, List.of(a, b), i32(2, shapes[k], (int[]) null),
                    opts("values_count", "2", "axis", axes[k]));
            assertArrayEquals(expected[k], ints(ConstantEval.evaluate(ctx)), "axis " + axes[k]);
        }
        OpContext scalars = new OpContext("PACK", 0, List.of(i32(0, new int[] {}, -1), i32(1, new int[] {}, 24)),
                i32(2, new int[] {2}, (int[]) null), opts("values_count", "2", "axis", "0"));
        assertArrayEquals(new int[] {-1, 24}, ints(ConstantEval.evaluate(scalars)));
        OpContext wrongShape = new OpContext("PACK", 0, List.of(a, b), i32(2, new int[] {4, 3}, (int[]) null),
                opts("values_count", "2", "axis", "0"));
        assertThrows(PrepareException.class, () -> ConstantEval.evaluate(wrongShape));
    }

    /** in int8[1,2,3,4] → SHAPE → STRIDED_SLICE(0:1, shrink) → PACK(batch, 24) → RESHAPE(in, ·) → int8[1,24]. */
    private static TfliteModel kerasReshape() throws Exception {
        Quantization q = Quantization.perTensor(0.5f, 0);
        List<TfliteSpec.Tensor> t = new ArrayList<>(List.of(
                new TfliteSpec.Tensor("in", DType.INT8, new int[] {1, 2, 3, 4}, null, q),
                new TfliteSpec.Tensor("shape", DType.INT32, new int[] {4}, null, null),
                new TfliteSpec.Tensor("begin", DType.INT32, new int[] {1}, ints(0), null),
                new TfliteSpec.Tensor("end", DType.INT32, new int[] {1}, ints(1), null),
                new TfliteSpec.Tensor("strides", DType.INT32, new int[] {1}, ints(1), null),
                new TfliteSpec.Tensor("batch", DType.INT32, new int[] {}, null, null),
                new TfliteSpec.Tensor("cols", DType.INT32, new int[] {}, ints(24), null),
                new TfliteSpec.Tensor("packed", DType.INT32, new int[] {2}, null, null),
                new TfliteSpec.Tensor("out", DType.INT8, new int[] {1, 24}, null, q)));
        List<TfliteSpec.Operator> ops = List.of(
                new TfliteSpec.Operator("SHAPE", new int[] {0}, new int[] {1}, OpOptions.none()),
                new TfliteSpec.Operator("STRIDED_SLICE", new int[] {1, 2, 3, 4}, new int[] {5},
                        opts("begin_mask", "0", "end_mask", "0", "ellipsis_mask", "0", "new_axis_mask", "0",
                                "shrink_axis_mask", "1", "offset", "false")),
                new TfliteSpec.Operator("PACK", new int[] {5, 6}, new int[] {7}, opts("values_count", "2", "axis", "0")),
                new TfliteSpec.Operator("RESHAPE", new int[] {0, 7}, new int[] {8}, OpOptions.none()));
        byte[] bytes = TfliteWriter.write(new TfliteSpec("keras", "main", t, ops, new int[] {0}, new int[] {8}));
        return TfliteReader.read(bytes, "keras");
    }

    @Test
    void kerasReshapePatternFoldsToAConstantShape() throws Exception {
        TfliteModel model = kerasReshape();
        ConstantFolder.Result r = ConstantFolder.fold(model);
        assertEquals(List.of("operator 0 (SHAPE)", "operator 1 (STRIDED_SLICE)", "operator 2 (PACK)"), r.folded());
        assertEquals("3 ops (SHAPE, STRIDED_SLICE, PACK)", r.summary());
        assertEquals(1, r.model().main().operators().size());
        assertArrayEquals(new int[] {1, 2, 3, 4}, r.model().tensorInfo(1).int32Data());
        assertArrayEquals(new int[] {1}, r.model().tensorInfo(5).int32Data());
        assertArrayEquals(new int[] {1, 24}, r.model().tensorInfo(7).int32Data());

        CompiledModel compiled = ModelCompiler.compile(model, "keras");
        assertEquals(1, compiled.ops().size());
        assertEquals("RESHAPE", compiled.ops().get(0).name());
        assertEquals(r.folded(), compiled.folding().folded());
        assertEquals(Placement.ABSENT, compiled.tensors().get(7).placement()); // folded into RESHAPE's block
        // the kept operator is still "operator 3", as in the file (Netron, TFLM), though it runs first
        assertEquals(3, r.model().main().operators().get(0).index());
        assertEquals(0, compiled.ops().get(0).index());
        assertEquals(3, compiled.ops().get(0).sourceIndex());
        assertEquals("operator 3 (RESHAPE)", r.model().context(0).where());
    }

    @Test
    void nothingToFoldReturnsTheModelItself() throws Exception {
        TfliteModel model = kerasReshape();
        TfliteModel folded = ConstantFolder.fold(model).model();
        ConstantFolder.Result again = ConstantFolder.fold(folded);
        assertSame(folded, again.model());
        assertEquals("none", again.summary());
    }
}
