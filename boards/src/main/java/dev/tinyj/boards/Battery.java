package dev.tinyj.boards;

import java.util.Locale;

/**
 * A battery as the energy model sees it: its rated capacity at its nominal voltage. Its energy is
 * capacity × nominal voltage (1 mAh = 3.6 C, so E = mAh × 3.6 × V joules); the whole capacity is
 * taken as usable, and neither self-discharge nor the voltage falling as it empties is modelled.
 *
 * @param milliampHours rated capacity, mAh (&gt; 0)
 * @param volts nominal voltage, V (&gt; 0)
 * @param source where the figures come from (a datasheet, or the command-line flags)
 */
public record Battery(double milliampHours, double volts, String source) {
    public Battery {
        if (!(milliampHours > 0) || !(volts > 0) || Double.isInfinite(milliampHours) || Double.isInfinite(volts)) {
            throw new IllegalArgumentException("a battery needs a positive capacity and voltage, got "
                    + milliampHours + " mAh at " + volts + " V");
        }
    }

    /** Stored energy, J: mAh × 3.6 × V. */
    public double joules() {
        return milliampHours * 3.6 * volts;
    }

    /** {@code 225 mAh at 3.0 V}. */
    public String label() {
        return trim(milliampHours) + " mAh at " + String.format(Locale.ROOT, "%.1f", volts) + " V";
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%,.1f", v);
    }
}
