package dev.tinyj.emulator.calibrate;

import java.util.Optional;

/**
 * A core the ground truth measured, its reference board, and the {@code results.csv} columns
 * TinyJ is scored against on it.
 */
public enum CalibCore {
    /** ATmega328P: exact cycles from simavr. */
    AVR8("avr8", "arduino-uno", "avr_cycles", "avr_kernel_fn_bytes", null, 10, 25),
    /**
     * Cortex-M4: QEMU's executed instructions and a TRM-based cycle estimate from them (P=2, zero
     * wait states), the only cycle figure there is.
     */
    CORTEX_M4("cortex-m4", "nucleo-l4r5zi", "m4_est_cycles", "m4_kernel_fn_bytes", "m4_insns", 15, 30);

    private final String id;
    private final String board;
    private final String cyclesColumn;
    private final String codeBytesColumn;
    private final String contextColumn;
    private final double medianTarget;
    private final double maxTarget;

    CalibCore(String id, String board, String cyclesColumn, String codeBytesColumn, String contextColumn,
            double medianTarget, double maxTarget) {
        this.medianTarget = medianTarget;
        this.maxTarget = maxTarget;
        this.id = id;
        this.board = board;
        this.cyclesColumn = cyclesColumn;
        this.codeBytesColumn = codeBytesColumn;
        this.contextColumn = contextColumn;
    }

    /** The core id as the boards module spells it ({@code avr8}, {@code cortex-m4}). */
    public String id() {
        return id;
    }

    /** The board the suite runs on for this core. */
    public String board() {
        return board;
    }

    /** The ground-truth cycles column (-O2 rows). */
    public String cyclesColumn() {
        return cyclesColumn;
    }

    /** The kernel function's code bytes column (-O2 rows). */
    public String codeBytesColumn() {
        return codeBytesColumn;
    }

    /** A measured column shown beside an estimated truth ({@code m4_insns}), if any. */
    public Optional<String> contextColumn() {
        return Optional.ofNullable(contextColumn);
    }

    /** Issue 3's target for the median |error| of cycle estimates, percent (also leave-one-out). */
    public double medianTargetPercent() {
        return medianTarget;
    }

    /** Issue 3's target for the largest |error| of cycle estimates, percent (also leave-one-out). */
    public double maxTargetPercent() {
        return maxTarget;
    }

    /** Whether {@code e} meets this core's cycle targets. */
    public boolean meetsTargets(ErrorStats e) {
        return e.medianAbs() <= medianTarget && e.maxAbs() <= maxTarget;
    }

    /** The core with this id. */
    public static Optional<CalibCore> byId(String id) {
        for (CalibCore c : values()) {
            if (c.id.equals(id)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
