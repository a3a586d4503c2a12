package dev.tinyj.conformance.kernels.int16;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tinyj.emulator.toolchain.graph.DType;
import dev.tinyj.emulator.toolchain.graph.Quantization;
import dev.tinyj.emulator.toolchain.graph.TensorInfo;
import dev.tinyj.emulator.toolchain.ops.OpTable;
import dev.tinyj.emulator.toolchain.prepare.AveragePool2DInt16Prepare;
import dev.tinyj.emulator.toolchain.prepare.Conv2DInt16Prepare;
import dev.tinyj.emulator.toolchain.prepare.DepthwiseConv2DInt16Prepare;
import dev.tinyj.emulator.toolchain.prepare.OpContext;
import dev.tinyj.emulator.toolchain.prepare.OpOptions;
import dev.tinyj.emulator.toolchain.prepare.PrepareException;
import dev.tinyj.emulator.toolchain.prepare.PreparedOp;
import dev.tinyj.emulator.toolchain.prepare.ReshapePrepare;
import dev.tinyj.emulator.toolchain.prepare.SoftmaxInt16Prepare;
import dev.tinyj.runtime.kernels.ConvWindow;
import dev.tinyj.runtime.kernels.Int16Requantize;
import dev.tinyj.runtime.kernels.Reshape;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the int16 variants' prepare steps refuse, as TFLM's prepare (or eval) would, and the
 * choices they write: the selection of a variant by operand 0's type, the bias and accumulator
 * word, RESHAPE's int16 copy size.
 */
class Int16PrepareTest {

    @Test
    void int16OperandZeroSelectsTheInt16VariantAndInt8TheDefaultKernel() {
        for (String op : List.of("CONV_2D", "DEPTHWISE_CONV_2D", "FULLY_CONNECTED", "AVERAGE_POOL_2D", "MAX_POOL_2D",
                "SOFTMAX", "QUANTIZE")) {
            int builtin = OpTable.byName(op).orElseThrow().builtinCode();
            assertEquals(op + "_INT16", OpTable.select(builtin, DType.INT16).orElseThrow().key());
            assertEquals(op, OpTable.select(builtin, DType.INT8).orElseThrow().key());
            int code = OpTable.select(builtin, DType.INT16).orElseThrow().code();
            assertTrue(code >= 40 && code <= 49, op + " int16 code " + code);
        }
        int reshape = OpTable.byName("RESHAPE").orElseThrow().builtinCode();
        assertEquals("RESHAPE", OpTable.select(reshape, DType.INT16).orElseThrow().key(), "RESHAPE: one kernel");
    }

    @Test
    void biasWordNamesTheAccumulatorTflmPicks() throws PrepareException {
        assertEquals(Int16Requantize.BIAS | Int16Requantize.ACC64, biasWord(conv(DType.INT64, Map.of())));
        assertEquals(Int16Requantize.BIAS, biasWord(conv(DType.INT32, Map.of())));
        assertEquals(Int16Requantize.ACC64, biasWord(conv(null, Map.of())));
        assertEquals(0, biasWord(conv(null, Map.of("quantized_bias_type", "INT32"))), "no bias, INT32 accumulator");
    }

    @Test
    void depthwiseTakesOnlyAnInt64Bias() {
        PrepareException e = assertThrows(PrepareException.class,
                () -> new DepthwiseConv2DInt16Prepare().prepare(depthwise(DType.INT32)));
        assertTrue(e.getMessage().contains("unsupported type int32") && e.getMessage().contains("int64"),
                e.getMessage());
    }

    @Test
    void activationsOfAnotherTypeAreRefused() {
        OpContext c = conv(DType.INT64, Map.of());
        OpContext int8Out = new OpContext(c.op(), c.index(), c.inputs(), retype(c.output(), DType.INT8), c.options());
        PrepareException e = assertThrows(PrepareException.class, () -> new Conv2DInt16Prepare().prepare(int8Out));
        assertTrue(e.getMessage().contains("unsupported type int8") && e.getMessage().contains("(output)"),
                e.getMessage());
        List<TensorInfo> int16Filter = new ArrayList<>(c.inputs());
        int16Filter.set(1, retype(c.input(1), DType.INT16));
        assertThrows(PrepareException.class, () -> new Conv2DInt16Prepare()
                .prepare(new OpContext(c.op(), c.index(), int16Filter, c.output(), c.options())));
    }

    @Test
    void aScaleBeyondTheInt64RequantizationIsRefused() throws PrepareException {
        // effective scale 2^15: TFLM's int64 MultiplyByQuantizedMultiplier would shift by a negative amount
        OpContext big = conv(DType.INT64, Map.of(), 1f, (float) Math.scalb(1.0, -15));
        PrepareException e = assertThrows(PrepareException.class, () -> new Conv2DInt16Prepare().prepare(big));
        assertTrue(e.getMessage().contains("shift 16 > 14"), e.getMessage());
        // the int32 accumulator takes it (TFLM's int32 overload shifts left first)
        new Conv2DInt16Prepare().prepare(conv(DType.INT32, Map.of(), 1f, (float) Math.scalb(1.0, -15)));
    }

    @Test
    void softmaxNeedsZeroPointsZeroAndOutputScaleOneOver32768() {
        assertThrows(PrepareException.class, () -> new SoftmaxInt16Prepare().prepare(softmax(0, 1f / 32768, 3)));
        assertThrows(PrepareException.class, () -> new SoftmaxInt16Prepare().prepare(softmax(5, 1f / 32768, 0)));
        assertThrows(PrepareException.class, () -> new SoftmaxInt16Prepare().prepare(softmax(0, 1f / 65536, 0)));
        OpContext c = softmax(0, 1f / 32768, 0);
        OpContext int8Out = new OpContext(c.op(), c.index(), c.inputs(), retype(c.output(), DType.INT8), c.options());
        PrepareException e = assertThrows(PrepareException.class, () -> new SoftmaxInt16Prepare().prepare(int8Out));
        assertTrue(e.getMessage().contains("unsupported type int8"), e.getMessage());
    }

    @Test
    void softmaxToleratesTflmsOutputScaleEpsilon() throws PrepareException {
        new SoftmaxInt16Prepare().prepare(softmax(0, Math.nextUp(1f / 32768), 0));
        new SoftmaxInt16Prepare().prepare(softmax(0, 1f / 32768 * (1 + 0.0009f), 0));
    }

    @Test
    void poolingNeedsEqualInputAndOutputQuantization() {
        Quantization q = Quantization.perTensor(0.5f, 0);
        TensorInfo in = new TensorInfo(0, "in", DType.INT16, new int[] {1, 4, 4, 1}, q, null);
        TensorInfo out = new TensorInfo(1, "out", DType.INT16, new int[] {1, 2, 2, 1}, Quantization.perTensor(0.25f,
                0), null);
        OpContext c = new OpContext("AVERAGE_POOL_2D", 0, List.of(in), out, new OpOptions(Map.of("padding", "VALID",
                "stride_h", "2", "stride_w", "2", "filter_height", "2", "filter_width", "2")));
        assertThrows(PrepareException.class, () -> new AveragePool2DInt16Prepare().prepare(c));
    }

    @Test
    void reshapeCopiesTwoBytesPerInt16Element() throws PrepareException {
        Quantization q = Quantization.perTensor(0.5f, 0);
        TensorInfo in = new TensorInfo(0, "in", DType.INT16, new int[] {1, 1, 1, 64}, q, null);
        TensorInfo out = new TensorInfo(1, "out", DType.INT16, new int[] {1, 64}, q, null);
        PreparedOp p = new ReshapePrepare().prepare(new OpContext("RESHAPE", 0, List.of(in), out, OpOptions.none()));
        assertEquals(128, ByteBuffer.wrap(p.params()).order(ByteOrder.LITTLE_ENDIAN).getInt(Reshape.P_BYTES));
        TensorInfo int8Out = retype(out, DType.INT8);
        PrepareException e = assertThrows(PrepareException.class, () -> new ReshapePrepare()
                .prepare(new OpContext("RESHAPE", 0, List.of(in), int8Out, OpOptions.none())));
        assertTrue(e.getMessage().contains("unsupported type int8"), e.getMessage());
    }

    private static int biasWord(OpContext c) throws PrepareException {
        PreparedOp p = new Conv2DInt16Prepare().prepare(c);
        return ByteBuffer.wrap(p.params()).order(ByteOrder.LITTLE_ENDIAN).getInt(ConvWindow.P_HAS_BIAS);
    }

    private static OpContext conv(DType biasType, Map<String, String> extra) {
        return conv(biasType, extra, 0.01f, 0.02f);
    }

    /** A 1x3x3x2 int16 CONV_2D with a 2x2x2x2 filter of scale {@code filterScale}. */
    private static OpContext conv(DType biasType, Map<String, String> extra, float filterScale, float outScale) {
        List<TensorInfo> ins = new ArrayList<>();
        ins.add(new TensorInfo(0, "in", DType.INT16, new int[] {1, 3, 3, 2}, Quantization.perTensor(1f, 0), null));
        ins.add(new TensorInfo(1, "filter", DType.INT8, new int[] {2, 2, 2, 2}, Quantization.perTensor(filterScale, 0),
                new byte[16]));
        if (biasType != null) {
            ins.add(new TensorInfo(2, "bias", biasType, new int[] {2}, Quantization.perTensor(filterScale, 0),
                    new byte[2 * biasType.bytes()]));
        }
        TensorInfo out = new TensorInfo(3, "out", DType.INT16, new int[] {1, 2, 2, 2}, Quantization.perTensor(outScale,
                0), null);
        Map<String, String> o = new java.util.HashMap<>(Map.of("padding", "VALID", "stride_h", "1", "stride_w", "1"));
        o.putAll(extra);
        return new OpContext("CONV_2D", 1, ins, out, new OpOptions(o));
    }

    private static OpContext depthwise(DType biasType) {
        List<TensorInfo> ins = new ArrayList<>();
        ins.add(new TensorInfo(0, "in", DType.INT16, new int[] {1, 3, 3, 2}, Quantization.perTensor(1f, 0), null));
        ins.add(new TensorInfo(1, "filter", DType.INT8, new int[] {1, 2, 2, 2}, Quantization.perTensor(0.01f, 0),
                new byte[8]));
        ins.add(new TensorInfo(2, "bias", biasType, new int[] {2}, Quantization.perTensor(0.01f, 0),
                new byte[2 * biasType.bytes()]));
        TensorInfo out = new TensorInfo(3, "out", DType.INT16, new int[] {1, 2, 2, 2}, Quantization.perTensor(0.02f, 0),
                null);
        return new OpContext("DEPTHWISE_CONV_2D", 2, ins, out, new OpOptions(Map.of("padding", "VALID", "stride_h", "1",
                "stride_w", "1", "depth_multiplier", "1")));
    }

    private static OpContext softmax(int inZp, float outScale, int outZp) {
        TensorInfo in = new TensorInfo(0, "in", DType.INT16, new int[] {2, 5}, Quantization.perTensor(0.1f, inZp), null);
        TensorInfo out = new TensorInfo(1, "out", DType.INT16, new int[] {2, 5}, Quantization.perTensor(outScale, outZp),
                null);
        return new OpContext("SOFTMAX", 3, List.of(in), out, new OpOptions(Map.of("beta", "1.0")));
    }

    private static TensorInfo retype(TensorInfo t, DType type) {
        return new TensorInfo(t.index(), t.name(), type, t.shape(), t.quantization(), t.data());
    }
}
