package dev.tinyj.emulator.cli;

import java.util.Locale;

/**
 * The {@code --max-*} budgets of {@code run}, {@code check} and {@code firmware}; each is null when
 * not given. What each figure is on each command is said in {@link Gate.Measured}.
 *
 * @param cycles {@code --max-cycles}
 * @param latencyMs {@code --max-latency-ms}
 * @param energyUj {@code --max-energy-uj}
 * @param sram {@code --max-sram}, bytes
 * @param flash {@code --max-flash}, bytes
 */
record Budgets(Long cycles, Double latencyMs, Double energyUj, Long sram, Long flash) {
    static final java.util.Set<String> FLAGS = java.util.Set.of("max-cycles", "max-latency-ms", "max-energy-uj",
            "max-sram", "max-flash");

    static Budgets of(String command, Args a) throws UsageException {
        return new Budgets(whole(command, a, "max-cycles"), real(command, a, "max-latency-ms"),
                real(command, a, "max-energy-uj"), whole(command, a, "max-sram"), whole(command, a, "max-flash"));
    }

    boolean any() {
        return cycles != null || latencyMs != null || energyUj != null || sram != null || flash != null;
    }

    private static Long whole(String command, Args a, String flag) throws UsageException {
        return a.has(flag) ? a.getLong(command, flag, 0, 0) : null;
    }

    /** A non-negative decimal number, or null when the flag is not given. */
    static Double real(String command, Args a, String flag) throws UsageException {
        return number(command, a, flag, false);
    }

    /** A decimal number above 0, or null when the flag is not given. */
    static Double positive(String command, Args a, String flag) throws UsageException {
        return number(command, a, flag, true);
    }

    /**
     * {@link #positive} within [{@code min}, {@code max}]: physical quantities (a battery's mAh or
     * volts, inferences per second) outside any real device's range are a usage error, not a result
     * full of digits or Infinity.
     */
    static Double positiveWithin(String command, Args a, String flag, double min, double max) throws UsageException {
        Double d = positive(command, a, flag);
        if (d != null && (d < min || d > max)) {
            throw new UsageException(String.format(java.util.Locale.ROOT, "%s: --%s must be between %s and %s, got %s",
                    command, flag, plain(min), plain(max), a.get(flag, "")));
        }
        return d;
    }

    private static String plain(double d) {
        return java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }

    private static Double number(String command, Args a, String flag, boolean above0) throws UsageException {
        String v = a.get(flag, null);
        if (v == null) {
            return null;
        }
        double d;
        try {
            String n = Args.digits(v);
            if (!n.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
                throw new NumberFormatException(v);
            }
            d = Double.parseDouble(n);
        } catch (NumberFormatException e) {
            throw new UsageException(command + ": --" + flag + " expects a number, got '" + v + "'");
        }
        if (!Double.isFinite(d) || d < 0 || above0 && d == 0) {
            throw new UsageException(command + ": --" + flag + " must be a finite number "
                    + (above0 ? "above" : "at least") + " 0, got " + v);
        }
        return d;
    }

    static String real(double v) {
        return String.format(Locale.ROOT, "%,.3f", v).replaceFirst("0{1,2}$", "");
    }
}
