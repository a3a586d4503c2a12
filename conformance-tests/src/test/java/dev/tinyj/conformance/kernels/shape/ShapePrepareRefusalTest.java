package dev.tinyj.conformance.kernels.shape;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tinyj.emulator.toolchain.graph.DType;
import dev.tinyj.emulator.toolchain.graph.Quantization;
import dev.tinyj.emulator.toolchain.graph.TensorInfo;
import dev.tinyj.emulator.toolchain.ops.OpTable;
import dev.tinyj.emulator.toolchain.prepare.OpContext;
import dev.tinyj.emulator.toolchain.prepare.PrepareException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the shape-family prepare steps refuse: out-of-scope activation types ("unsupported
 * type"), and the constraints TFLM's Prepare enforces or TinyJ adds (named in each message).
 */
class ShapePrepareRefusalTest {
    private static final int[] S = {2, 3};

    private static TensorInfo typed(int index, DType type, int[] shape) {
        return new TensorInfo(index, "t" + index, type, shape, Quantization.perTensor(0.5f, 0), null);
    }

    private static String refusal(OpContext ctx) {
        PrepareException e = assertThrows(PrepareException.class,
                () -> OpTable.byName(ctx.op()).orElseThrow().prepare().prepare(ctx));
        assertTrue(e.getMessage().contains("operator 0 (" + ctx.op() + ")"), e.getMessage());
        return e.getMessage();
    }

    private static void assertRefused(OpContext ctx, String reason) {
        String message = refusal(ctx);
        assertTrue(message.contains(reason), message);
    }

    @Test
    void otherActivationTypesAreUnsupported() {
        for (DType t : List.of(DType.INT16, DType.UINT8, DType.INT32, DType.FLOAT32)) {
            TensorInfo in = typed(0, t, S);
            TensorInfo out = typed(9, t, S);
            TensorInfo axis = ShapeGen.int32Const(1, "axis", new int[] {1}, 1);
            TensorInfo idx = ShapeGen.int32Const(1, "idx", new int[] {2}, 0, 0);
            if (t != DType.INT16) { // RESHAPE copies int16 bytes too (Int16PrepareTest)
                assertRefused(ShapeGen.context("RESHAPE", List.of(in), out, Map.of()), "unsupported type");
            }
            assertRefused(ShapeGen.context("CONCATENATION", List.of(in, typed(1, t, S)), typed(9, t, new int[] {4, 3}),
                    Map.of("axis", "0")), "unsupported type");
            assertRefused(ShapeGen.context("PAD", List.of(in, ShapeGen.int32Const(1, "paddings", new int[] {2, 2}, 0,
                    0, 0, 0)), out, Map.of()), "unsupported type");
            assertRefused(ShapeGen.context("MEAN", List.of(in, axis), typed(9, t, new int[] {2}), Map.of()),
                    "unsupported type");
            assertRefused(ShapeGen.context("STRIDED_SLICE", List.of(in, idx, idx, idx), out, Map.of()),
                    "unsupported type");
        }
    }

    @Test
    void stridedSliceConstraints() {
        TensorInfo in = ShapeGen.int8(0, "input", S, 1f, 0);
        TensorInfo b = ShapeGen.int32Const(1, "begin", new int[] {2}, 0, 0);
        TensorInfo e = ShapeGen.int32Const(2, "end", new int[] {2}, 2, 3);
        TensorInfo one = ShapeGen.int32Const(3, "strides", new int[] {2}, 1, 1);
        TensorInfo zero = ShapeGen.int32Const(3, "strides", new int[] {2}, 1, 0);
        TensorInfo out = ShapeGen.int8(4, "output", S, 1f, 0);
        List<TensorInfo> ok = List.of(in, b, e, one);
        assertRefused(ShapeGen.context("STRIDED_SLICE", ok, out, Map.of("ellipsis_mask", "1")), "ellipsis_mask");
        assertRefused(ShapeGen.context("STRIDED_SLICE", ok, out, Map.of("new_axis_mask", "2")), "new_axis_mask");
        assertRefused(ShapeGen.context("STRIDED_SLICE", ok, out, Map.of("offset", "true")), "offset");
        assertRefused(ShapeGen.context("STRIDED_SLICE", List.of(in, b, e, zero), out, Map.of()), "non-zero");
        assertRefused(ShapeGen.context("STRIDED_SLICE", ok, ShapeGen.int8(4, "output", new int[] {2, 2}, 1f, 0),
                Map.of()), "inferred shape");
        assertRefused(ShapeGen.context("STRIDED_SLICE", List.of(in, ShapeGen.int32Const(1, "begin", new int[] {2}, 2,
                0), e, one), ShapeGen.int8(4, "output", new int[] {3}, 1f, 0), Map.of("shrink_axis_mask", "1")),
                "shrunk axis 0");
        // begin [1], end [0], strides [-1], shrink_axis_mask 1: TFLM's kernel writes nothing
        TensorInfo in1 = ShapeGen.int8(0, "input", new int[] {3}, 1f, 0);
        assertRefused(ShapeGen.context("STRIDED_SLICE", List.of(in1, ShapeGen.int32Const(1, "begin", new int[] {1}, 1),
                ShapeGen.int32Const(2, "end", new int[] {1}, 0), ShapeGen.int32Const(3, "strides", new int[] {1}, -1)),
                ShapeGen.int8(4, "output", new int[] {}, 1f, 0), Map.of("shrink_axis_mask", "1")),
                "shrunk axis 0 has negative stride -1");
        TensorInfo in5 = ShapeGen.int8(0, "input", new int[] {1, 1, 1, 2, 3}, 1f, 0);
        assertRefused(ShapeGen.context("STRIDED_SLICE", List.of(in5, b, e, one), out, Map.of()), "at most 4");
        TensorInfo dynamicBegin = new TensorInfo(1, "begin", DType.INT32, new int[] {2}, null, null);
        assertRefused(ShapeGen.context("STRIDED_SLICE", List.of(in, dynamicBegin, e, one), out, Map.of()),
                "non-constant begin");
    }

    @Test
    void padMeanConcatenationReshapeConstraints() {
        TensorInfo in = ShapeGen.int8(0, "input", S, 1f, 0);
        TensorInfo dynamicPaddings = new TensorInfo(1, "paddings", DType.INT32, new int[] {2, 2}, null, null);
        assertRefused(ShapeGen.context("PAD", List.of(in, dynamicPaddings), in, Map.of()), "non-constant paddings");
        assertRefused(ShapeGen.context("PAD", List.of(in, ShapeGen.int32Const(1, "paddings", new int[] {2, 2}, 1, 0,
                0, 0)), in, Map.of()), "inferred shape");
        TensorInfo dynamicAxis = new TensorInfo(1, "axis", DType.INT32, new int[] {1}, null, null);
        assertRefused(ShapeGen.context("MEAN", List.of(in, dynamicAxis), in, Map.of()), "non-constant axis");
        assertRefused(ShapeGen.context("MEAN", List.of(in, ShapeGen.int32Const(1, "axis", new int[] {1}, 2)),
                ShapeGen.int8(2, "output", new int[] {2}, 1f, 0), Map.of()), "out of range");
        assertRefused(ShapeGen.context("CONCATENATION", List.of(in, in), ShapeGen.int8(2, "output", new int[] {4, 3},
                1f, 0), Map.of("axis", "0", "fused_activation_function", "RELU")), "NONE");
        assertRefused(ShapeGen.context("CONCATENATION", List.of(in, in), ShapeGen.int8(2, "output", new int[] {4, 3},
                1f, 0), Map.of("axis", "2")), "out of range");
        assertRefused(ShapeGen.context("RESHAPE", List.of(in, ShapeGen.int32Const(1, "shape", new int[] {2}, 3, 2)),
                ShapeGen.int8(2, "output", S, 1f, 0), Map.of()), "requested shape");
        assertRefused(ShapeGen.context("RESHAPE", List.of(in), ShapeGen.int8(2, "output", new int[] {-1, -1}, 1f, 0),
                Map.of()), "more than one -1");
    }
}
