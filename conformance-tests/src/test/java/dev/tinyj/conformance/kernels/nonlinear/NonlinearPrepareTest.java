package dev.tinyj.conformance.kernels.nonlinear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tinyj.conformance.kernels.math.ReferenceArithmetic;
import dev.tinyj.emulator.toolchain.graph.DType;
import dev.tinyj.emulator.toolchain.graph.Quantization;
import dev.tinyj.emulator.toolchain.graph.TensorInfo;
import dev.tinyj.emulator.toolchain.prepare.NonlinearScaling;
import dev.tinyj.emulator.toolchain.prepare.OpContext;
import dev.tinyj.emulator.toolchain.prepare.OpOptions;
import dev.tinyj.emulator.toolchain.prepare.PrepareException;
import dev.tinyj.emulator.toolchain.prepare.QuantizedMultiplier;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The host prepare math and checks of SOFTMAX, LOGISTIC and TANH: {@code CalculateInputRadius}
 * against an exact integer formula, the raw-frexp multiplier against an exact identity,
 * {@code PreprocessSoftmaxScaling} against an exact restatement of {@code QuantizeMultiplier}, and
 * the refusals TFLM's prepare makes.
 */
class NonlinearPrepareTest {
    @Property
    void inputRadiusIsTheExactFloor(@ForAll @IntRange(min = 1, max = 8) int integerBits,
            @ForAll @IntRange(min = 0, max = 62) int leftShift) {
        long exact = (((1L << integerBits) - 1) << (31 - integerBits)) >> leftShift;
        assertEquals(exact, NonlinearScaling.calculateInputRadius(integerBits, leftShift, 31));
    }

    @Property
    void frexpMultiplierIsExactForFloatScales(@ForAll @IntRange(min = 1, max = 0x7f7fffff) int scaleBits) {
        float scale = Float.intBitsToFloat(scaleBits);
        double real = (double) scale * (1 << 27);
        QuantizedMultiplier m = NonlinearScaling.frexpMultiplier(real);
        assertTrue(m.multiplier() >= 1 << 30, () -> "mantissa " + m);
        int k = m.shift() - 31;
        BigDecimal twoToK = k >= 0 ? new BigDecimal(2).pow(k) : BigDecimal.ONE.divide(new BigDecimal(2).pow(-k));
        assertEquals(0, new BigDecimal(real).compareTo(new BigDecimal(m.multiplier()).multiply(twoToK)),
                () -> real + " vs " + m);
    }

    @Property
    void softmaxScalingIsQuantizeMultiplierOfTheCappedProduct(
            @ForAll @IntRange(min = 0x33000000, max = 0x41000000) int scaleBits,
            @ForAll @IntRange(min = 0x3d000000, max = 0x41000000) int betaBits) throws PrepareException {
        float scale = Float.intBitsToFloat(scaleBits);
        float beta = Float.intBitsToFloat(betaBits);
        double real = Math.min((double) beta * (double) scale * 0x1p26, 0x1p31 - 1);
        if (real <= 1) {
            assertThrows(PrepareException.class, () -> NonlinearScaling.preprocessSoftmaxScaling(beta, scale, 5));
            return;
        }
        assertEquals(ReferenceArithmetic.quantizeMultiplier(real),
                NonlinearScaling.preprocessSoftmaxScaling(beta, scale, 5));
    }

    private static TensorInfo tensor(int index, DType type, int[] shape, float scale, int zeroPoint) {
        return new TensorInfo(index, "", type, shape, Quantization.perTensor(scale, zeroPoint), null);
    }

    private static OpContext ctx(String op, TensorInfo in, TensorInfo out) {
        return new OpContext(op, 3, List.of(in), out, new OpOptions(Map.of("beta", "1.0")));
    }

    private static String refusal(NonlinearOps op, TensorInfo in, TensorInfo out) {
        return assertThrows(PrepareException.class, () -> op.prepare.prepare(ctx(op.name(), in, out))).getMessage();
    }

    @Test
    void refusesWhatTflmRefuses() {
        int[] s = {2, 5};
        TensorInfo in = tensor(0, DType.INT8, s, 0.1f, 0);
        String m = refusal(NonlinearOps.SOFTMAX, in, tensor(1, DType.INT8, s, 1f / 255, -128));
        assertTrue(m.contains("operator 3 (SOFTMAX)") && m.contains("1/256"), m);
        m = refusal(NonlinearOps.SOFTMAX, in, tensor(1, DType.INT8, s, 1f / 256, 0));
        assertTrue(m.contains("zero point"), m);
        m = refusal(NonlinearOps.LOGISTIC, in, tensor(1, DType.INT8, s, 1f / 256, 0));
        assertTrue(m.contains("-128"), m);
        for (NonlinearOps op : NonlinearOps.values()) {
            m = refusal(op, tensor(0, DType.INT16, s, 0.1f, 0), tensor(1, DType.INT16, s, 1f / 32768, 0));
            assertTrue(m.contains("unsupported type int16") && m.contains("tensor 0"), m);
            m = refusal(op, in, tensor(1, DType.UINT8, s, 1f / 256, 0));
            assertTrue(m.contains("unsupported type uint8"), m);
            m = refusal(op, in, tensor(1, DType.INT8, new int[] {5, 2}, 1f / 256, -128));
            assertTrue(m.contains("shape"), m);
        }
        // beta * scale * 2^26 not above 1: QuantizeMultiplierGreaterThanOne's check
        m = refusal(NonlinearOps.SOFTMAX, tensor(0, DType.INT8, s, 0x1p-27f, 0), tensor(1, DType.INT8, s, 1f / 256,
                -128));
        assertTrue(m.contains("not above 1"), m);
    }

    @Test
    void tanhAcceptsAnyOutputQuantizationAsTflmDoes() throws PrepareException {
        int[] s = {3};
        NonlinearOps.TANH.prepare.prepare(ctx("TANH", tensor(0, DType.INT8, s, 0.1f, 4),
                tensor(1, DType.INT8, s, 0.5f, 17)));
    }
}
