package dev.tinyj.emulator.cli;

/**
 * One check of {@code tinyj check} (and of {@code tinyj run} with budgets): a ceiling, a budget,
 * {@code --expect} or a baseline metric.
 *
 * @param name e.g. {@code fits-sram}, {@code max-cycles}, {@code baseline-cycles}
 * @param status pass, fail, or skipped (could not be evaluated, e.g. the model did not run)
 * @param value the measured figure, or null
 * @param limit the figure it was held against (capacity, budget, baseline), or null
 * @param unit the figures' unit ({@code B}, {@code cycles}, {@code ms}, {@code uJ}, {@code elements}), or null
 * @param message one sentence with the figures
 */
record Check(String name, Status status, Number value, Number limit, String unit, String message) {
    enum Status {
        PASS, FAIL, SKIPPED;

        String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    static Check pass(String name, Number value, Number limit, String unit, String message) {
        return new Check(name, Status.PASS, value, limit, unit, message);
    }

    static Check fail(String name, Number value, Number limit, String unit, String message) {
        return new Check(name, Status.FAIL, value, limit, unit, message);
    }

    static Check skipped(String name, Number limit, String unit, String message) {
        return new Check(name, Status.SKIPPED, null, limit, unit, message);
    }

    boolean failed() {
        return status == Status.FAIL;
    }
}
