package dev.tinyj.conformance.kernels.math;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tinyj.emulator.toolchain.prepare.QuantizedMultiplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * {@link QuantizedMultiplier#of} (TFLM {@code QuantizeMultiplier}) against the exact BigDecimal
 * restatement {@link ReferenceArithmetic#quantizeMultiplier}, on edge-case scales: tiny ones flushed
 * to zero, exact powers of two, mantissas that round up to 2^31.
 */
class QuantizedMultiplierProperties {
    @Test
    void edgeCaseScales() {
        double justBelowTwo31 = 1.0 - 0x1p-33; // mantissa rounds up to 2^31
        double[] reals = {0.0, Double.MIN_VALUE, 0x1p-40, 0x1p-32, 0x1.fffffp-33, 0x1p-31, 0x1.8p-32, 0x1p-1, 0.5,
            1.0, 2.0, 0x1p30, 0x1p-20, justBelowTwo31, justBelowTwo31 * 8, 0.25 * justBelowTwo31, 1.0 / 3, 0.1,
            (double) 0.1f * 0.2f / 0.3f, 1e-9, 123456.789};
        for (double r : reals) {
            assertEquals(ReferenceArithmetic.quantizeMultiplier(r), QuantizedMultiplier.of(r), "real " + r);
        }
        assertEquals(new QuantizedMultiplier(1 << 30, 1), QuantizedMultiplier.of(1.0));
        assertEquals(new QuantizedMultiplier(1 << 30, 1), QuantizedMultiplier.of(justBelowTwo31));
        assertEquals(new QuantizedMultiplier(0, 0), QuantizedMultiplier.of(0x1p-40));
    }

    @Provide
    Arbitrary<Double> scales() {
        return Arbitraries.oneOf(
                Arbitraries.integers().between(-45, 40).map(k -> Math.scalb(1.0, k)),
                Arbitraries.integers().between(-45, 40).map(k -> Math.scalb(1.0 - 0x1p-33, k)),
                Arbitraries.doubles().between(-46.0, 30.0).ofScale(9).map(e -> Math.pow(2.0, e)),
                Arbitraries.integers().between(Float.floatToIntBits(1e-6f), Float.floatToIntBits(10f))
                        .map(bits -> (double) Float.intBitsToFloat(bits)));
    }

    @Property
    void matchesTheExactRestatement(@ForAll("scales") double real) {
        assertEquals(ReferenceArithmetic.quantizeMultiplier(real), QuantizedMultiplier.of(real));
    }
}
