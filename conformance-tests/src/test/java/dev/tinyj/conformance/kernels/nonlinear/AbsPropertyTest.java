package dev.tinyj.conformance.kernels.nonlinear;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.tinyj.conformance.kernels.math.ReferenceArithmetic;
import dev.tinyj.emulator.toolchain.prepare.AbsPrepare;
import dev.tinyj.emulator.toolchain.prepare.OpContext;
import dev.tinyj.emulator.toolchain.prepare.OpOptions;
import dev.tinyj.emulator.toolchain.prepare.PrepareException;
import dev.tinyj.emulator.toolchain.prepare.PreparedOp;
import dev.tinyj.emulator.toolchain.prepare.QuantizedMultiplier;
import dev.tinyj.runtime.kernels.Abs;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.FloatRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;

/**
 * ABS prepare and kernel on every int8 input at once, against TFLM's definition written with
 * {@link ReferenceArithmetic} (BigInteger/BigDecimal): {@code v = |q − input_zp|}, then
 * {@code clamp(v + output_zp)} when the two scales are equal and
 * {@code clamp(output_zp + MultiplyByQuantizedMultiplier(v, QuantizeMultiplier(float input_scale /
 * output_scale)))} when they are not. Generated scales (equal half the time) and zero points;
 * parameters behind a prefix and operands at non-zero offsets; the same run in place (output over
 * the input) gives the same bytes.
 */
class AbsPropertyTest {
    @Property
    void absMatchesTheReference(@ForAll @FloatRange(min = 0.0005f, max = 4f) @Scale(7) float inScale,
            @ForAll @FloatRange(min = 0.0005f, max = 4f) @Scale(7) float outScale, @ForAll boolean sameScale,
            @ForAll @IntRange(min = -128, max = 127) int inZp, @ForAll @IntRange(min = -128, max = 127) int outZp,
            @ForAll @IntRange(min = 0, max = 9) int offset) throws PrepareException {
        float so = sameScale ? inScale : outScale;
        int[] shape = {16, 16};
        OpContext ctx = new OpContext("ABS", 0, List.of(NonlinearKernelProperties.tensor(0, shape, inScale, inZp)),
                NonlinearKernelProperties.tensor(1, shape, so, outZp), new OpOptions(Map.of()));
        PreparedOp prepared = new AbsPrepare().prepare(ctx);
        QuantizedMultiplier m = ReferenceArithmetic.quantizeMultiplier((double) (inScale / so));
        byte[] want = new byte[256];
        for (int q = -128; q < 128; q++) {
            int v = Math.abs(q - inZp);
            int out = inScale == so ? v + outZp
                    : outZp + ReferenceArithmetic.multiplyByQuantizedMultiplier(v, m.multiplier(), m.shift());
            want[q + 128] = (byte) Math.min(127, Math.max(-128, out));
        }
        byte[] params = NonlinearVectorTest.withPrefix(prepared.params(), offset);
        byte[] input = new byte[offset + 1 + 256];
        for (int q = -128; q < 128; q++) {
            input[offset + 1 + q + 128] = (byte) q;
        }
        byte[] out = new byte[2 * offset + 256];
        Abs.eval(params, offset, input, offset + 1, out, 2 * offset);
        assertArrayEquals(want, Arrays.copyOfRange(out, 2 * offset, 2 * offset + 256));
        Abs.eval(params, offset, input, offset + 1, input, offset + 1);
        assertArrayEquals(want, Arrays.copyOfRange(input, offset + 1, offset + 257));
    }
}
