package dev.tinyj.emulator.toolchain.quantize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tinyj.emulator.toolchain.graph.Quantization;
import dev.tinyj.emulator.toolchain.prepare.OpOptions;
import dev.tinyj.emulator.toolchain.prepare.PrepareException;
import dev.tinyj.emulator.toolchain.tflite.TfliteSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The int8 scheme's arithmetic, calibration, and the simulator on small hand-made layers. */
class QuantizerTest {

    @Test
    void roundsHalfAwayFromZero() {
        assertEquals(1.0, AffineQuant.roundHalfAway(0.5));
        assertEquals(-1.0, AffineQuant.roundHalfAway(-0.5));
        assertEquals(3.0, AffineQuant.roundHalfAway(2.5));
        assertEquals(-3.0, AffineQuant.roundHalfAway(-2.5));
        assertEquals(0.0, AffineQuant.roundHalfAway(0.49999999999999994), "no 0.5-addition rounding error");
        assertEquals(2.0, AffineQuant.roundHalfAway(2.4999));
    }

    @Test
    void activationsAreAsymmetricPerTensorWithZeroInRange() {
        Quantization q = AffineQuant.asymmetric(new Range(0.0, 2 * Math.PI));
        assertEquals((float) (2 * Math.PI / 255), q.scale0());
        assertEquals(-128, q.zeroPoint0());
        // A range above 0 is widened down to 0.
        assertEquals(AffineQuant.asymmetric(new Range(0, 4)).scale0(), AffineQuant.asymmetric(new Range(1, 4)).scale0());
        // Symmetric-ish range: zp = round(−128 + 1/(2/255)) = round(−0.5) = −1.
        Quantization s = AffineQuant.asymmetric(new Range(-1, 1));
        assertEquals((float) (2.0 / 255), s.scale0());
        assertEquals(-1, s.zeroPoint0());
        // All-negative range: max widened to 0, zp at the top.
        assertEquals(127, AffineQuant.asymmetric(new Range(-3, -1)).zeroPoint0());
        // Degenerate range.
        assertEquals(1.0f, AffineQuant.asymmetric(new Range(0, 0)).scale0());
    }

    @Test
    void weightsAreSymmetricPerOutputChannel() {
        double[] w = {0.5, -1.0, 0.25, /* channel 1 */ 0.1, 0.05, -0.02, /* channel 2 */ 0, 0, 0};
        AffineQuant.Weights q = AffineQuant.symmetricPerChannel(w, 3);
        assertEquals(0, q.quantization().quantizedDimension());
        assertArrayEquals(new float[] {(float) (1.0 / 127), (float) (0.1 / 127), 1.0f}, q.quantization().scale());
        assertArrayEquals(new long[] {0, 0, 0}, q.quantization().zeroPoint());
        assertArrayEquals(new byte[] {64, -127, 32, 127, 64, -25, 0, 0, 0}, q.values());
    }

    @Test
    void biasUsesInputTimesWeightScale() {
        AffineQuant.Bias b = AffineQuant.bias(new double[] {0.01, -0.5}, 0.02f, new float[] {0.004f, 0.01f});
        float s0 = (float) (0.02f * (double) 0.004f);
        float s1 = (float) (0.02f * (double) 0.01f);
        assertArrayEquals(new float[] {s0, s1}, b.quantization().scale());
        assertArrayEquals(new int[] {(int) Math.round(0.01 / s0), (int) -Math.round(0.5 / s1)}, b.values());
        assertEquals(8, b.bytes().length);
        assertEquals(b.values()[0] & 0xFF, b.bytes()[0] & 0xFF, "little-endian");
    }

    @Test
    void calibrationRecordsInputAndEveryLayerOutput() {
        FloatDense relu = new FloatDense(1, 2, new double[] {1, -1}, new double[] {0, 0.5}, true);
        FloatDense lin = new FloatDense(2, 1, new double[] {1, 1}, new double[] {-3}, false);
        List<Range> r = Calibrator.calibrate(List.of(relu, lin), new double[] {-1, 2});
        assertEquals(new Range(-1, 2), r.get(0));
        // x = −1: relu(−1, 1.5) = (0, 1.5); x = 2: relu(2, −1.5) = (2, 0).
        assertEquals(new Range(0, 2), r.get(1));
        // lin: 1.5 − 3 = −1.5; 2 − 3 = −1.
        assertEquals(new Range(-1.5, -1), r.get(2));
    }

    @Test
    void simulatorTracksTheFloatLayers() throws PrepareException {
        // y = relu(2x − 1) − relu(−x + 0.5) on x in [−1, 1], a piecewise-linear function.
        FloatDense hidden = new FloatDense(1, 2, new double[] {2, -1}, new double[] {-1, 0.5}, true);
        FloatDense out = new FloatDense(2, 1, new double[] {1, -1}, new double[] {0}, false);
        double[] cal = new double[201];
        for (int i = 0; i < cal.length; i++) {
            cal[i] = -1 + i / 100.0;
        }
        TfliteSpec spec = Int8Quantizer.quantize(List.of(hidden, out), cal, "test");
        Int8Simulator sim = new Int8Simulator(spec);
        double outStep = sim.outputQuantization().scale0();
        for (double x : cal) {
            double expected = out.apply(hidden.apply(new double[] {x}))[0];
            assertEquals(expected, sim.predict(x)[0], 3 * outStep, "x = " + x);
        }
        assertEquals(2, spec.operators().size());
        assertEquals("StatefulPartitionedCall:0", spec.tensors().get(spec.outputs()[0]).name());
        assertEquals("sequential/dense/MatMul;sequential/dense/Relu;sequential/dense/BiasAdd",
                spec.tensors().get(5).name());
    }

    @Test
    void simulatorRunsFullyConnectedOnly() {
        TfliteSpec spec = Int8Quantizer.quantize(
                List.of(new FloatDense(1, 1, new double[] {1}, new double[] {0}, false)), new double[] {1}, "t");
        TfliteSpec.Operator op = spec.operators().getFirst();
        TfliteSpec other = new TfliteSpec("t", "main", spec.tensors(),
                List.of(new TfliteSpec.Operator("CONV_2D", op.inputs(), op.outputs(), OpOptions.none())),
                spec.inputs(), spec.outputs());
        assertThrows(PrepareException.class, () -> new Int8Simulator(other));
    }

    @Test
    void quantizeAndDequantizeInvert() {
        Quantization q = Quantization.perTensor(0.5f, 3);
        assertEquals(7, AffineQuant.quantizeInt8(2.0, q));
        assertEquals(8, AffineQuant.quantizeInt8(2.25, q), "half away from zero");
        assertEquals(127, AffineQuant.quantizeInt8(1000, q));
        assertEquals(-128, AffineQuant.quantizeInt8(-1000, q));
        assertEquals(2.0, AffineQuant.dequantize((byte) 7, q));
    }
}
