package dev.tinyj.conformance.kernels.pooling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tinyj.emulator.toolchain.graph.DType;
import dev.tinyj.emulator.toolchain.graph.Quantization;
import dev.tinyj.emulator.toolchain.graph.TensorInfo;
import dev.tinyj.emulator.toolchain.prepare.AveragePool2DPrepare;
import dev.tinyj.emulator.toolchain.prepare.MaxPool2DPrepare;
import dev.tinyj.emulator.toolchain.prepare.OpContext;
import dev.tinyj.emulator.toolchain.prepare.OpOptions;
import dev.tinyj.emulator.toolchain.prepare.PrepareException;
import dev.tinyj.emulator.toolchain.prepare.PreparedOp;
import dev.tinyj.hal.Flash;
import dev.tinyj.runtime.kernels.Pooling;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Pooling prepare: TFLite's SAME padding, and what it refuses. */
class PoolingPrepareTest {
    private static OpContext ctx(DType type, int[] in, int[] out, float outScale, int outZp, String padding) {
        TensorInfo i = new TensorInfo(0, "input", type, in, Quantization.perTensor(0.5f, 3), null);
        TensorInfo o = new TensorInfo(1, "output", type, out, Quantization.perTensor(outScale, outZp), null);
        return new OpContext("AVERAGE_POOL_2D", 4, List.of(i), o, new OpOptions(Map.of("padding", padding,
                "stride_h", "2", "stride_w", "2", "filter_height", "3", "filter_width", "3")));
    }

    @Test
    void samePaddingIsHalfTheTotalRoundedDown() throws PrepareException {
        // in 6, filter 3, stride 2: out 3, total padding (3-1)*2+3-6 = 1 -> 0 before
        PreparedOp op = new AveragePool2DPrepare().prepare(ctx(DType.INT8, new int[] {1, 6, 7, 2},
                new int[] {1, 3, 4, 2}, 0.5f, 3, "SAME"));
        assertEquals(0, Flash.readInt(op.params(), Pooling.P_PAD_H));
        assertEquals(1, Flash.readInt(op.params(), Pooling.P_PAD_W)); // in 7: out 4, total 2
        assertArrayEquals(new int[] {1, 3, 4, 2}, op.outputShape());
    }

    @Test
    void refusesInt16AsUnsupportedType() {
        PrepareException e = assertThrows(PrepareException.class, () -> new MaxPool2DPrepare().prepare(
                ctx(DType.INT16, new int[] {1, 4, 4, 1}, new int[] {1, 2, 2, 1}, 0.5f, 3, "SAME")));
        assertTrue(e.getMessage().contains("unsupported type") && e.getMessage().contains("operator 4"), e.getMessage());
    }

    @Test
    void refusesRequantizingOutput() {
        assertThrows(PrepareException.class, () -> new MaxPool2DPrepare().prepare(
                ctx(DType.INT8, new int[] {1, 4, 4, 1}, new int[] {1, 2, 2, 1}, 0.25f, 3, "SAME")));
        assertThrows(PrepareException.class, () -> new MaxPool2DPrepare().prepare(
                ctx(DType.INT8, new int[] {1, 4, 4, 1}, new int[] {1, 2, 2, 1}, 0.5f, 2, "SAME")));
    }

    @Test
    void refusesAnAverageWindowOutsideTheInput() {
        // VALID on 4: 1 window; a declared extent of 3 puts the third window at 4..6, past the input
        assertThrows(PrepareException.class, () -> new AveragePool2DPrepare().prepare(
                ctx(DType.INT8, new int[] {1, 4, 4, 1}, new int[] {1, 3, 1, 1}, 0.5f, 3, "VALID")));
    }
}
