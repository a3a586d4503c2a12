package dev.tinyj.conformance.differential;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * Argument generators with the edges a VM gets wrong stated explicitly as edge cases: MIN, MAX,
 * 0, -1, 1 for integers (and shift counts around the width), NaN, ±Infinity, -0.0f, subnormals
 * and the int/long saturation points for floats. The same lists drive {@code EdgeSweepTest}.
 */
final class Gen {
    static final Integer[] INT_EDGES = {Integer.MIN_VALUE, Integer.MIN_VALUE + 1, -65_536, -32_769, -32_768, -129,
        -128, -2, -1, 0, 1, 2, 7, 31, 32, 33, 63, 64, 127, 128, 255, 32_767, 65_535, Integer.MAX_VALUE - 1,
        Integer.MAX_VALUE};

    static final Long[] LONG_EDGES = {Long.MIN_VALUE, Long.MIN_VALUE + 1, (long) Integer.MIN_VALUE - 1,
        (long) Integer.MIN_VALUE, -65_536L, -1L, 0L, 1L, 2L, 63L, 64L, 0xFFFF_FFFFL, (long) Integer.MAX_VALUE,
        (long) Integer.MAX_VALUE + 1, Long.MAX_VALUE - 1, Long.MAX_VALUE};

    static final Float[] FLOAT_EDGES = {Float.NaN, Float.intBitsToFloat(0xFFC0_0001), Float.POSITIVE_INFINITY,
        Float.NEGATIVE_INFINITY, 0.0f, -0.0f, Float.MIN_VALUE, -Float.MIN_VALUE, Float.MIN_NORMAL, Float.MAX_VALUE,
        -Float.MAX_VALUE, 1.0f, -1.0f, 0.5f, -2.5f, 3.0f, 0x1p31f, -0x1p31f, 0x1p63f, -0x1p63f, 1e-30f};

    private Gen() {
    }

    static Arbitrary<Integer> ints() {
        return Arbitraries.oneOf(Arbitraries.integers(), Arbitraries.integers().between(-70, 70),
                Arbitraries.of(INT_EDGES)).edgeCases(c -> c.add(INT_EDGES));
    }

    static Arbitrary<Long> longs() {
        return Arbitraries.oneOf(Arbitraries.longs(), Arbitraries.integers().map(i -> (long) i),
                Arbitraries.longs().between(-70, 70), Arbitraries.of(LONG_EDGES)).edgeCases(c -> c.add(LONG_EDGES));
    }

    /** Any float, including NaNs with payloads (from raw bits), specials and small values. */
    static Arbitrary<Float> floats() {
        return Arbitraries.oneOf(Arbitraries.floats().withStandardSpecialValues(),
                Arbitraries.integers().map(Float::intBitsToFloat),
                Arbitraries.floats().between(-100f, 100f).ofScale(2), Arbitraries.of(FLOAT_EDGES))
                .edgeCases(c -> c.add(FLOAT_EDGES));
    }
}
