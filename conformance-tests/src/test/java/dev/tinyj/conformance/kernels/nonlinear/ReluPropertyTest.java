package dev.tinyj.conformance.kernels.nonlinear;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.tinyj.conformance.kernels.math.ReferenceArithmetic;
import dev.tinyj.emulator.toolchain.prepare.OpContext;
import dev.tinyj.emulator.toolchain.prepare.OpOptions;
import dev.tinyj.emulator.toolchain.prepare.PrepareException;
import dev.tinyj.emulator.toolchain.prepare.PreparedOp;
import dev.tinyj.emulator.toolchain.prepare.QuantizedMultiplier;
import dev.tinyj.emulator.toolchain.prepare.ReluPrepare;
import dev.tinyj.runtime.kernels.Relu;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.FloatRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;

/**
 * RELU and RELU6 prepare and kernel on every int8 input at once, against references written from
 * TFLM's definitions with {@link ReferenceArithmetic} (BigInteger/BigDecimal): RELU is
 * {@code clamp(output_zp + MultiplyByQuantizedMultiplier(q − input_zp, QuantizeMultiplier(float
 * input_scale / output_scale)), output_zp, 127)}; RELU6 is the input clamped to
 * {@code [input_zp, min(127, round(6 / input_scale) + input_zp)]} with the output quantization
 * ignored. Generated scales and zero points; parameters behind a prefix and operands at non-zero
 * offsets; the same run in place (output over the input) gives the same bytes.
 */
class ReluPropertyTest {
    @Property
    void reluMatchesTheReference(@ForAll @FloatRange(min = 0.0005f, max = 4f) @Scale(7) float inScale,
            @ForAll @FloatRange(min = 0.0005f, max = 4f) @Scale(7) float outScale,
            @ForAll @IntRange(min = -128, max = 127) int inZp, @ForAll @IntRange(min = -128, max = 127) int outZp,
            @ForAll @IntRange(min = 0, max = 9) int offset) throws PrepareException {
        PreparedOp prepared = ReluPrepare.relu().prepare(context("RELU", inScale, inZp, outScale, outZp));
        QuantizedMultiplier m = ReferenceArithmetic.quantizeMultiplier((double) (inScale / outScale));
        byte[] want = new byte[256];
        for (int q = -128; q < 128; q++) {
            int v = outZp + ReferenceArithmetic.multiplyByQuantizedMultiplier(q - inZp, m.multiplier(), m.shift());
            want[q + 128] = (byte) Math.min(127, Math.max(outZp, v));
        }
        check(prepared, want, offset);
    }

    @Property
    void relu6MatchesTheReference(@ForAll @FloatRange(min = 0.001f, max = 0.2f) @Scale(7) float inScale,
            @ForAll @IntRange(min = -128, max = 127) int inZp, @ForAll @IntRange(min = -128, max = 127) int outZp,
            @ForAll @IntRange(min = 0, max = 9) int offset) throws PrepareException {
        PreparedOp prepared = ReluPrepare.relu6().prepare(context("RELU6", inScale, inZp, 0.37f, outZp));
        int six = new BigDecimal(6.0f / inScale).setScale(0, RoundingMode.HALF_UP).intValueExact() + inZp;
        six = Math.min(127, six);
        byte[] want = new byte[256];
        for (int q = -128; q < 128; q++) {
            want[q + 128] = (byte) (q > six ? six : q < inZp ? inZp : q);
        }
        check(prepared, want, offset);
    }

    private static void check(PreparedOp prepared, byte[] want, int offset) {
        byte[] params = NonlinearVectorTest.withPrefix(prepared.params(), offset);
        byte[] input = new byte[offset + 1 + 256];
        for (int q = -128; q < 128; q++) {
            input[offset + 1 + q + 128] = (byte) q;
        }
        byte[] out = new byte[2 * offset + 256];
        Relu.eval(params, offset, input, offset + 1, out, 2 * offset);
        assertArrayEquals(want, Arrays.copyOfRange(out, 2 * offset, 2 * offset + 256));
        Relu.eval(params, offset, input, offset + 1, input, offset + 1);
        assertArrayEquals(want, Arrays.copyOfRange(input, offset + 1, offset + 257));
    }

    private static OpContext context(String op, float inScale, int inZp, float outScale, int outZp) {
        int[] shape = {16, 16};
        return new OpContext(op, 0, List.of(NonlinearKernelProperties.tensor(0, shape, inScale, inZp)),
                NonlinearKernelProperties.tensor(1, shape, outScale, outZp), new OpOptions(Map.of()));
    }
}
