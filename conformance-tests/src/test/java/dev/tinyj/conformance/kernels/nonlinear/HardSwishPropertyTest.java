package dev.tinyj.conformance.kernels.nonlinear;

import static dev.tinyj.conformance.kernels.nonlinear.NonlinearKernelProperties.param;
import static dev.tinyj.conformance.kernels.nonlinear.NonlinearKernelProperties.tensor;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tinyj.conformance.kernels.math.ReferenceArithmetic;
import dev.tinyj.emulator.toolchain.graph.DType;
import dev.tinyj.emulator.toolchain.graph.TensorInfo;
import dev.tinyj.emulator.toolchain.prepare.HardSwishPrepare;
import dev.tinyj.emulator.toolchain.prepare.OpContext;
import dev.tinyj.emulator.toolchain.prepare.OpOptions;
import dev.tinyj.emulator.toolchain.prepare.PrepareException;
import dev.tinyj.emulator.toolchain.prepare.QuantizedMultiplier;
import dev.tinyj.runtime.kernels.HardSwish;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * HARD_SWISH prepare and kernel on every int8 input at once, against a reference written from
 * TFLM's definitions (hard_swish.h, hard_swish_common.cc) with the rounding rules as real-number
 * formulas (BigDecimal/BigInteger): SRDHM16(a, b) = floor(a·b / 2^15 + 1/2) saturated;
 * the truncating doubling high multiply = a·b / 2^15 rounded toward zero; a left shift clamps to
 * int16; RoundingDivideByPOT(x, e) rounds half away from zero for e ≤ 15 and, because gemmlowp's
 * int16 mask {@code 2^e − 1} is narrowed to 16 bits, gives sign(x) (1 for x ≥ 0, −1 below) for
 * e ≥ 16; the multipliers are QuantizeMultiplier's rounded to Q15 half up. Generated input and
 * output scales (both signs of the reluish exponent, output exponents from 0 to below −16) and zero
 * points; parameters behind a prefix and operands at non-zero offsets; the same run in place.
 */
class HardSwishPropertyTest {
    @Provide
    Arbitrary<Float> scales() {
        return Arbitraries.oneOf(
                Arbitraries.integers().between(Float.floatToIntBits(0x1p-14f), Float.floatToIntBits(0x1p8f))
                        .map(Float::intBitsToFloat),
                Arbitraries.integers().between(-14, 8).map(k -> Math.scalb(1f, k)));
    }

    @Property
    void matchesTheReference(@ForAll("scales") float inScale, @ForAll("scales") float outScale,
            @ForAll @IntRange(min = -128, max = 127) int inZp, @ForAll @IntRange(min = -128, max = 127) int outZp,
            @ForAll @IntRange(min = 0, max = 9) int offset) throws PrepareException {
        float hires = (1.0f / 128.0f) * inScale;
        QuantizedMultiplier om = ReferenceArithmetic.quantizeMultiplier((double) (hires / outScale));
        OpContext ctx = context(inScale, inZp, outScale, outZp);
        if (om.shift() > 0) {
            PrepareException e = assertThrows(PrepareException.class, () -> new HardSwishPrepare().prepare(ctx));
            assertTrue(e.getMessage().contains("exponent of at most 0"), e.getMessage());
            return;
        }
        QuantizedMultiplier rm = ReferenceArithmetic.quantizeMultiplier((double) (hires / (3.0f / 32768.0f)));
        int outMul = toQ15(om.multiplier());
        int reluMul = toQ15(rm.multiplier());
        byte[] p = new HardSwishPrepare().prepare(ctx).params();
        assertEquals(List.of(256, inZp, outZp, outMul, om.shift(), reluMul, rm.shift()), List.of(
                param(p, HardSwish.P_COUNT), param(p, HardSwish.P_INPUT_ZERO_POINT),
                param(p, HardSwish.P_OUTPUT_ZERO_POINT), param(p, HardSwish.P_OUTPUT_MULTIPLIER),
                param(p, HardSwish.P_OUTPUT_EXPONENT), param(p, HardSwish.P_RELUISH_MULTIPLIER),
                param(p, HardSwish.P_RELUISH_EXPONENT)));

        byte[] want = new byte[256];
        for (int q = -128; q < 128; q++) {
            want[q + 128] = reference(q, inZp, outZp, outMul, om.shift(), reluMul, rm.shift());
        }
        byte[] params = NonlinearVectorTest.withPrefix(p, offset);
        byte[] input = new byte[offset + 1 + 256];
        for (int q = -128; q < 128; q++) {
            input[offset + 1 + q + 128] = (byte) q;
        }
        byte[] out = new byte[2 * offset + 256];
        HardSwish.eval(params, offset, input, offset + 1, out, 2 * offset);
        assertArrayEquals(want, Arrays.copyOfRange(out, 2 * offset, 2 * offset + 256));
        HardSwish.eval(params, offset, input, offset + 1, input, offset + 1);
        assertArrayEquals(want, Arrays.copyOfRange(input, offset + 1, offset + 257));
    }

    @Test
    void refusesFloatAndTooLargeInputScales() {
        int[] shape = {16, 16};
        TensorInfo f = new TensorInfo(0, "x", DType.FLOAT32, shape, null, null);
        PrepareException e = assertThrows(PrepareException.class, () -> new HardSwishPrepare().prepare(
                new OpContext("HARD_SWISH", 3, List.of(f), new TensorInfo(1, "y", DType.FLOAT32, shape, null, null),
                        OpOptions.none())));
        assertTrue(e.getMessage().contains("operator 3 (HARD_SWISH): unsupported type float32"), e.getMessage());
        e = assertThrows(PrepareException.class, () -> new HardSwishPrepare().prepare(context(1e8f, 0, 1e8f, 0)));
        assertTrue(e.getMessage().contains("too large for HARD_SWISH's reluish multiplier"), e.getMessage());
    }

    private static OpContext context(float inScale, int inZp, float outScale, int outZp) {
        int[] shape = {16, 16};
        return new OpContext("HARD_SWISH", 0, List.of(tensor(0, shape, inScale, inZp)),
                tensor(1, shape, outScale, outZp), OpOptions.none());
    }

    /** A Q31 multiplier rounded to Q15, half up, at most 32767. */
    private static int toQ15(int m) {
        int r = new BigDecimal(m).divide(BigDecimal.valueOf(65536)).setScale(0, RoundingMode.HALF_UP).intValueExact();
        return Math.min(r, 32767);
    }

    private static int clamp16(long v) {
        return (int) Math.max(-32768, Math.min(32767, v));
    }

    private static int srdhm16(int a, int b) {
        BigDecimal v = new BigDecimal((long) a * b).divide(BigDecimal.valueOf(32768)).add(new BigDecimal("0.5"));
        return clamp16(v.setScale(0, RoundingMode.FLOOR).longValueExact());
    }

    private static int truncatingHighMul16(int a, int b) {
        return clamp16(BigInteger.valueOf((long) a * b).divide(BigInteger.valueOf(32768)).longValueExact());
    }

    private static int divideByPOT16(int x, int e) {
        if (e >= 16) {
            return x >= 0 ? 1 : -1;
        }
        return ReferenceArithmetic.roundingDivideByPOT(x, e);
    }

    private static byte reference(int q, int inZp, int outZp, int outMul, int outExp, int reluMul, int reluExp) {
        int hires = (q - inZp) * 128;
        int preshift = srdhm16(hires, outMul);
        int r = hires;
        if (reluExp > 0) {
            r = clamp16((long) r << (reluExp - 1));
            r = clamp16(2L * srdhm16(r, reluMul));
        } else {
            r = divideByPOT16(srdhm16(r, reluMul), -reluExp);
        }
        int unit = Math.floorDiv(r + 32768, 2); // [-1, 1] as Q15 to [0, 1]
        int v = divideByPOT16(truncatingHighMul16(unit, preshift), -outExp) + outZp;
        return (byte) Math.max(-128, Math.min(127, (short) v));
    }
}
