package dev.tinyj.conformance.kernels.math;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tinyj.runtime.math.FixedPoint;
import dev.tinyj.runtime.math.FixedPointExp;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The runtime's fixed-point rounding steps ({@link FixedPoint}, {@link FixedPointExp}) against
 * {@link ReferenceArithmetic}, over edge values (int32 bounds, 0, ±1, powers of two and their
 * neighbours) mixed with arbitrary ints, every exponent 0..31 and every shift −31..30.
 */
class FixedPointRoundingProperties {
    static final int[] EDGES = {Integer.MIN_VALUE, Integer.MIN_VALUE + 1, -(1 << 30) - 1, -(1 << 30), -(1 << 30) + 1,
        -65536, -3, -2, -1, 0, 1, 2, 3, 65535, (1 << 30) - 1, 1 << 30, (1 << 30) + 1, Integer.MAX_VALUE - 1,
        Integer.MAX_VALUE};

    @Provide
    Arbitrary<Integer> edgy() {
        return Arbitraries.oneOf(Arbitraries.of(java.util.Arrays.stream(EDGES).boxed().toList()), Arbitraries.integers());
    }

    @Test
    void srdhmOnEveryPairOfEdges() {
        for (int a : EDGES) {
            for (int b : EDGES) {
                assertEquals(ReferenceArithmetic.srdhm(a, b), FixedPoint.saturatingRoundingDoublingHighMul(a, b),
                        a + " * " + b);
            }
        }
    }

    @Property
    void srdhm(@ForAll("edgy") int a, @ForAll("edgy") int b) {
        assertEquals(ReferenceArithmetic.srdhm(a, b), FixedPoint.saturatingRoundingDoublingHighMul(a, b));
    }

    @Test
    void roundingDivideByPOTOnEveryEdgeAndExponent() {
        for (int x : EDGES) {
            for (int e = 0; e <= 31; e++) {
                assertEquals(ReferenceArithmetic.roundingDivideByPOT(x, e), FixedPoint.roundingDivideByPOT(x, e),
                        x + " / 2^" + e);
            }
        }
    }

    @Property
    void roundingDivideByPOT(@ForAll("edgy") int x, @ForAll @IntRange(min = 0, max = 31) int exponent) {
        assertEquals(ReferenceArithmetic.roundingDivideByPOT(x, exponent), FixedPoint.roundingDivideByPOT(x, exponent));
    }

    @Property
    void saturatingRoundingMultiplyByPOT(@ForAll("edgy") int x, @ForAll @IntRange(min = -31, max = 31) int exponent) {
        assertEquals(ReferenceArithmetic.saturatingRoundingMultiplyByPOT(x, exponent),
                FixedPointExp.saturatingRoundingMultiplyByPOT(x, exponent));
    }

    @Test
    void multiplyByQuantizedMultiplierOnEdgesAndEveryShift() {
        int[] multipliers = {0, 1, 1 << 30, (1 << 30) + 1, Integer.MAX_VALUE - 1, Integer.MAX_VALUE};
        for (int x : EDGES) {
            for (int m : multipliers) {
                for (int s = -31; s <= 30; s++) {
                    assertEquals(ReferenceArithmetic.multiplyByQuantizedMultiplier(x, m, s),
                            FixedPoint.multiplyByQuantizedMultiplier(x, m, s), x + " * " + m + " 2^" + s);
                }
            }
        }
    }

    @Property
    void multiplyByQuantizedMultiplier(@ForAll("edgy") int x,
            @ForAll @IntRange(min = 1 << 30, max = Integer.MAX_VALUE) int multiplier,
            @ForAll @IntRange(min = -31, max = 30) int shift) {
        assertEquals(ReferenceArithmetic.multiplyByQuantizedMultiplier(x, multiplier, shift),
                FixedPoint.multiplyByQuantizedMultiplier(x, multiplier, shift));
    }
}
