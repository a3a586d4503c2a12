package dev.tinyj.boards;

/**
 * A sourced figure from a profile file: a value (or text) with the source it was read from, or
 * unknown with the reason. In a profile a figure is written {@code key = value  # source: TEXT};
 * {@code TEXT} becomes {@link #source()}. A figure computed from others says so: its source starts
 * with {@code derived:}. The value {@code unknown} gives {@link #unknown(String)} with
 * {@code TEXT} as the reason. Units are those of the field (see {@link PowerModel}). Figures the
 * energy model computes ({@link Energy}, {@link DutyCycle}) are figures too: known with how they
 * were derived, or unknown with the reason (usually the unknown figure they needed).
 *
 * @param value numeric value, {@code NaN} when unknown or textual
 * @param text textual value (e.g. a power-source name), or the raw text of a number
 * @param source where the figure comes from (datasheet table, derivation), or why it is unknown
 * @param known whether a value is given
 */
public record Figure(double value, String text, String source, boolean known) {
    /** A figure nobody could source. */
    public static Figure unknown(String why) {
        return new Figure(Double.NaN, "unknown", why, false);
    }

    /** A figure computed from others; {@code how} says from which (it becomes the source). */
    public static Figure derived(double value, String how) {
        return new Figure(value, Double.toString(value), how, true);
    }
}
