package dev.tinyj.emulator.toolchain.quantize;

/**
 * An observed real range [min, max] of a tensor, in its real units.
 *
 * @param min least value seen
 * @param max greatest value seen
 */
public record Range(double min, double max) {
    /** The empty range, before any observation (min +∞, max −∞). */
    public static Range empty() {
        return new Range(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY);
    }

    /** This range widened to include {@code v}. */
    public Range include(double v) {
        return new Range(Math.min(min, v), Math.max(max, v));
    }

    /** This range widened to include 0, as TFLite requires (0 must be exactly representable). */
    public Range withZero() {
        return include(0.0);
    }
}
