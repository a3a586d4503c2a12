package dev.tinyj.emulator.toolchain.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tinyj.emulator.toolchain.graph.DType;
import dev.tinyj.emulator.toolchain.graph.Quantization;
import dev.tinyj.emulator.toolchain.tflite.TfliteSpec;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sine model end to end: trained, quantized, measured with TinyJ's own int8 kernels, laid out
 * as TFLite's converter lays out {@code hello_world_int8.tflite}, and reproducible byte for byte.
 */
class SineModelTest {
    private static SineModel.Result first;
    private static SineModel.Result second;
    private static long millis;

    @BeforeAll
    static void buildTwice() {
        long t0 = System.nanoTime();
        first = SineModel.build();
        millis = (System.nanoTime() - t0) / 1_000_000;
        second = SineModel.build(SineModel.DEFAULT_SEED);
        System.out.printf("sine model seed %d: float MAE %.5f, int8 MAE %.5f, final loss %.6f, %d ms%n",
                first.seed(), first.floatMae(), first.int8Mae(),
                first.lossHistory()[first.lossHistory().length - 1], millis);
    }

    @Test
    void floatNetworkFitsTheSine() {
        assertTrue(first.floatMae() < 0.025, "float MAE " + first.floatMae());
    }

    @Test
    void int8ModelRunOnTinyJKernelsStaysWithinTolerance() {
        assertTrue(first.int8Mae() <= 0.05, "int8 MAE " + first.int8Mae());
    }

    @Test
    void trainingLossFalls() {
        double[] h = first.lossHistory();
        assertEquals(SineModel.EPOCHS, h.length);
        assertTrue(h[h.length - 1] < h[0] / 50, "loss " + h[0] + " → " + h[h.length - 1]);
    }

    @Test
    void sameSeedGivesTheSameBytes() {
        TfliteSpec a = first.spec();
        TfliteSpec b = second.spec();
        assertEquals(a.description(), b.description());
        assertEquals(a.tensors().size(), b.tensors().size());
        for (int i = 0; i < a.tensors().size(); i++) {
            TfliteSpec.Tensor x = a.tensors().get(i);
            TfliteSpec.Tensor y = b.tensors().get(i);
            assertEquals(x.name(), y.name());
            assertArrayEquals(x.shape(), y.shape());
            assertArrayEquals(x.data(), y.data(), "data of " + x.name());
            assertArrayEquals(scaleBits(x.quantization()), scaleBits(y.quantization()), "scales of " + x.name());
            assertArrayEquals(x.quantization().zeroPoint(), y.quantization().zeroPoint());
        }
        assertEquals(Double.doubleToRawLongBits(first.floatMae()), Double.doubleToRawLongBits(second.floatMae()));
        assertEquals(Double.doubleToRawLongBits(first.int8Mae()), Double.doubleToRawLongBits(second.int8Mae()));
        for (int l = 0; l < first.layers().size(); l++) {
            assertArrayEquals(bits(first.layers().get(l).weights()), bits(second.layers().get(l).weights()));
            assertArrayEquals(bits(first.layers().get(l).bias()), bits(second.layers().get(l).bias()));
        }
    }

    @Test
    void anotherSeedGivesAnotherModel() {
        SineModel.Result other = SineModel.build(7);
        assertFalse(Arrays.equals(first.spec().tensors().get(4).data(), other.spec().tensors().get(4).data()));
        assertEquals("TinyJ sine model (seed 7)", other.spec().description());
        assertTrue(other.int8Mae() <= 0.05, "seed 7 int8 MAE " + other.int8Mae());
    }

    @Test
    void layoutIsTheConvertersLayout() {
        TfliteSpec s = first.spec();
        assertEquals("TinyJ sine model (seed " + SineModel.DEFAULT_SEED + ")", s.description());
        assertEquals("main", s.subgraphName());
        assertArrayEquals(new int[] {0}, s.inputs());
        assertArrayEquals(new int[] {9}, s.outputs());
        String[] names = {
            "serving_default_dense_input:0",
            "sequential/dense_2/BiasAdd/ReadVariableOp",
            "sequential/dense_2/MatMul",
            "sequential/dense_1/BiasAdd/ReadVariableOp",
            "sequential/dense_1/MatMul",
            "sequential/dense/BiasAdd/ReadVariableOp",
            "sequential/dense/MatMul",
            "sequential/dense/MatMul;sequential/dense/Relu;sequential/dense/BiasAdd",
            "sequential/dense_1/MatMul;sequential/dense_1/Relu;sequential/dense_1/BiasAdd",
            "StatefulPartitionedCall:0",
        };
        int[][] shapes = {{1, 1}, {1}, {1, 16}, {16}, {16, 16}, {16}, {16, 1}, {1, 16}, {1, 16}, {1, 1}};
        DType[] types = {DType.INT8, DType.INT32, DType.INT8, DType.INT32, DType.INT8, DType.INT32, DType.INT8,
            DType.INT8, DType.INT8, DType.INT8};
        assertEquals(names.length, s.tensors().size());
        for (int i = 0; i < names.length; i++) {
            TfliteSpec.Tensor t = s.tensors().get(i);
            assertEquals(names[i], t.name());
            assertArrayEquals(shapes[i], t.shape(), names[i]);
            assertEquals(types[i], t.type(), names[i]);
        }
        int[][] opInputs = {{0, 6, 5}, {7, 4, 3}, {8, 2, 1}};
        String[] acts = {"RELU", "RELU", "NONE"};
        assertEquals(3, s.operators().size());
        for (int k = 0; k < 3; k++) {
            TfliteSpec.Operator op = s.operators().get(k);
            assertEquals("FULLY_CONNECTED", op.builtinName());
            assertArrayEquals(opInputs[k], op.inputs());
            assertArrayEquals(new int[] {7 + k}, op.outputs());
            assertEquals(acts[k], op.options().string("fused_activation_function", "?"));
            assertEquals("DEFAULT", op.options().string("weights_format", "?"));
        }
    }

    @Test
    void quantizationFollowsTheInt8Spec() {
        TfliteSpec s = first.spec();
        for (int i : new int[] {0, 7, 8, 9}) {
            TfliteSpec.Tensor t = s.tensors().get(i);
            assertNull(t.data(), t.name());
            assertEquals(1, t.quantization().scale().length, t.name());
            assertTrue(t.quantization().scale0() > 0, t.name());
            assertTrue(t.quantization().zeroPoint0() >= -128 && t.quantization().zeroPoint0() <= 127);
        }
        // ReLU outputs and the non-negative input start at 0: zero point −128.
        for (int i : new int[] {0, 7, 8}) {
            assertEquals(-128, s.tensors().get(i).quantization().zeroPoint0(), s.tensors().get(i).name());
        }
        // Input range ≈ [0, 2π): scale ≈ 2π/255.
        assertEquals(2 * Math.PI / 255, s.tensors().get(0).quantization().scale0(), 2e-4);
        int[][] layerTensors = {{0, 6, 5}, {7, 4, 3}, {8, 2, 1}};
        for (int[] lt : layerTensors) {
            TfliteSpec.Tensor input = s.tensors().get(lt[0]);
            TfliteSpec.Tensor w = s.tensors().get(lt[1]);
            TfliteSpec.Tensor b = s.tensors().get(lt[2]);
            int units = w.shape()[0];
            Quantization wq = w.quantization();
            assertEquals(units, wq.scale().length, w.name());
            assertEquals(0, wq.quantizedDimension());
            int maxAbs = 0;
            for (byte v : w.data()) {
                assertTrue(v >= -127, w.name() + " holds −128");
                maxAbs = Math.max(maxAbs, Math.abs(v));
            }
            assertEquals(127, maxAbs, "some channel of " + w.name() + " reaches ±127");
            for (int c = 0; c < units; c++) {
                assertEquals(0, wq.zeroPoint()[c]);
                assertEquals(0, b.quantization().zeroPoint()[c]);
                float expected = (float) ((double) input.quantization().scale0() * (double) wq.scale()[c]);
                assertEquals(Float.floatToRawIntBits(expected), Float.floatToRawIntBits(b.quantization().scale()[c]),
                        b.name() + " channel " + c);
            }
            assertEquals(4 * units, b.data().length);
            assertEquals(units * w.shape()[1], w.data().length);
        }
    }

    private static int[] scaleBits(Quantization q) {
        int[] out = new int[q.scale().length];
        for (int i = 0; i < out.length; i++) {
            out[i] = Float.floatToRawIntBits(q.scale()[i]);
        }
        return out;
    }

    private static long[] bits(double[] v) {
        long[] out = new long[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = Double.doubleToRawLongBits(v[i]);
        }
        return out;
    }
}
