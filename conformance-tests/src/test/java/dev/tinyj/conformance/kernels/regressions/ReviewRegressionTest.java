package dev.tinyj.conformance.kernels.regressions;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tinyj.emulator.toolchain.graph.DType;
import dev.tinyj.emulator.toolchain.graph.Quantization;
import dev.tinyj.emulator.toolchain.graph.TensorInfo;
import dev.tinyj.emulator.toolchain.prepare.ActivationRange;
import dev.tinyj.emulator.toolchain.prepare.AveragePool2DPrepare;
import dev.tinyj.emulator.toolchain.prepare.MaxPool2DPrepare;
import dev.tinyj.emulator.toolchain.prepare.OpContext;
import dev.tinyj.emulator.toolchain.prepare.OpOptions;
import dev.tinyj.emulator.toolchain.prepare.PrepareException;
import dev.tinyj.emulator.toolchain.prepare.PreparedOp;
import dev.tinyj.emulator.toolchain.prepare.SoftmaxPrepare;
import dev.tinyj.hal.McuStop;
import dev.tinyj.runtime.kernels.AveragePool2D;
import dev.tinyj.runtime.kernels.MaxPool2D;
import dev.tinyj.runtime.kernels.Softmax;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Cases an adversarial review found against TFLM 90b983c2 compiled from source (reference headers
 * + gemmlowp fda83bd); each asserts TFLM's behaviour.
 */
class ReviewRegressionTest {
    private static TensorInfo int8(int index, int[] shape, float scale, int zeroPoint) {
        return new TensorInfo(index, "t" + index, DType.INT8, shape, Quantization.perTensor(scale, zeroPoint), null);
    }

    /** A flat 512-wide row sums to 512.0: TFLM's TFLITE_CHECK(exponent <= 31) aborts; TinyJ panics. */
    @Test
    void softmaxRowSummingTo512PanicsLikeTflmAborts() throws PrepareException {
        int depth = 512;
        PreparedOp op = new SoftmaxPrepare().prepare(new OpContext("SOFTMAX", 0,
                List.of(int8(0, new int[] {1, depth}, 0.1f, 0)), int8(1, new int[] {1, depth}, 1f / 256, -128),
                new OpOptions(Map.of("beta", "1.0"))));
        McuStop stop = assertThrows(McuStop.class,
                () -> Softmax.eval(op.params(), 0, new byte[depth], 0, new byte[depth], 0));
        assertEquals(Softmax.PANIC_SUM_TOO_LARGE, stop.code());
        assertEquals(0, stop.arg(), "row index");
    }

    /** One below the limit still computes: 511 equal logits each get about 1/511. */
    @Test
    void softmaxRowOf511StillComputes() throws PrepareException {
        int depth = 511;
        PreparedOp op = new SoftmaxPrepare().prepare(new OpContext("SOFTMAX", 0,
                List.of(int8(0, new int[] {1, depth}, 0.1f, 0)), int8(1, new int[] {1, depth}, 1f / 256, -128),
                new OpOptions(Map.of("beta", "1.0"))));
        byte[] y = new byte[depth];
        Softmax.eval(op.params(), 0, new byte[depth], 0, y, 0);
        assertEquals(-127, y[0]);
    }

    /** VALID with a filter taller than input + stride: TFLM's ComputePaddingHeightWidth leaves both paddings 0. */
    @Test
    void poolingWithNegativeValidExtentUsesZeroPaddingAsTflm() throws PrepareException {
        OpOptions o = new OpOptions(Map.of("padding", "VALID", "stride_h", "4", "stride_w", "1", "filter_height", "15",
                "filter_width", "1"));
        List<TensorInfo> in = List.of(int8(0, new int[] {1, 5, 1, 1}, 0.5f, 0));
        TensorInfo out = int8(1, new int[] {1, 2, 1, 1}, 0.5f, 0);
        byte[] x = {0, 0, 0, 9, 1};
        byte[] y = new byte[2];
        PreparedOp max = new MaxPool2DPrepare().prepare(new OpContext("MAX_POOL_2D", 0, in, out, o));
        MaxPool2D.eval(max.params(), 0, x, 0, y, 0);
        assertArrayEquals(new byte[] {9, 1}, y, "MAX_POOL_2D");
        PreparedOp avg = new AveragePool2DPrepare().prepare(new OpContext("AVERAGE_POOL_2D", 0, in, out, o));
        AveragePool2D.eval(avg.params(), 0, x, 0, y, 0);
        assertArrayEquals(new byte[] {2, 1}, y, "AVERAGE_POOL_2D");
    }

    /** TFLM's Quantize() in CalculateActivationRangeQuantized fails when f / scale leaves int32 or is NaN. */
    @Test
    void activationRangeOutsideInt32IsRefused() {
        PrepareException e = assertThrows(PrepareException.class,
                () -> ActivationRange.int8(ActivationRange.RELU6, 1e-12f, 5));
        assertTrue(e.getMessage().contains("does not fit int32"), e.getMessage());
        assertThrows(PrepareException.class, () -> ActivationRange.int8(ActivationRange.RELU, 0f, 0));
    }
}
