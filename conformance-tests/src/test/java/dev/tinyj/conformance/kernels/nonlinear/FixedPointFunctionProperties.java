package dev.tinyj.conformance.kernels.nonlinear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tinyj.runtime.math.FixedPointExp;
import dev.tinyj.runtime.math.FixedPointSigmoid;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Negative;

/**
 * The runtime's gemmlowp functions ({@link FixedPointExp}, {@link FixedPointSigmoid}) equal the
 * test-side {@link GemmlowpReference} raw value for raw value, and both stay close to the real
 * functions ({@link Math#exp}, logistic, {@link Math#tanh}) in double precision.
 */
class FixedPointFunctionProperties {
    private static final double Q31 = 0x1p31;
    /** Absolute error allowed against double precision: about 2^−20 of full scale. */
    private static final double TOLERANCE = 1e-6;

    @Property
    void expOnNegativeValues(@ForAll @Negative int a, @ForAll @IntRange(min = 0, max = 8) int integerBits) {
        int got = FixedPointExp.expOnNegativeValues(a, integerBits);
        assertEquals(GemmlowpReference.expNegative(a, integerBits), got);
        double real = Math.scalb((double) a, integerBits - 31);
        assertTrue(Math.abs(got / Q31 - Math.exp(real)) < TOLERANCE, () -> "exp(" + real + ") = " + got / Q31);
    }

    @Property
    void oneOverOnePlusX(@ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int a) {
        int got = FixedPointSigmoid.oneOverOnePlusX(a);
        assertEquals(GemmlowpReference.oneOverOnePlusX(a), got);
        assertTrue(Math.abs(got / Q31 - 1 / (1 + a / Q31)) < TOLERANCE);
    }

    @Property
    void logisticAndTanh(@ForAll int a, @ForAll @IntRange(min = 0, max = 6) int integerBits) {
        double real = Math.scalb((double) a, integerBits - 31);
        int logistic = FixedPointSigmoid.logistic(a, integerBits);
        assertEquals(GemmlowpReference.logistic(a, integerBits), logistic);
        assertTrue(Math.abs(logistic / Q31 - 1 / (1 + Math.exp(-real))) < TOLERANCE);
        int tanh = FixedPointSigmoid.tanh(a, integerBits);
        assertEquals(GemmlowpReference.tanh(a, integerBits), tanh);
        assertTrue(Math.abs(tanh / Q31 - Math.tanh(real)) < TOLERANCE, () -> "tanh(" + real + ") = " + tanh / Q31);
    }
}
