package dev.tinyj.boards;

import java.util.OptionalDouble;

/**
 * Energy of active execution from a board's sourced figures (DESIGN.md "Energy"): E = cycles ÷ f ×
 * V × I_active. Sleep energy and battery life arrive with the calibrated energy model; until then
 * only the active part is computed, and it is unknown when a figure is.
 */
public final class Energy {
    private Energy() {
    }

    /**
     * Active energy of {@code cycles} at the board clock, µJ; empty when the supply voltage or the
     * active current is not sourced.
     */
    public static OptionalDouble activeMicrojoules(Board board, long cycles) {
        Figure v = board.power().supplyVolts();
        Figure i = board.power().activeMilliamps();
        if (!v.known() || !i.known()) {
            return OptionalDouble.empty();
        }
        double seconds = (double) cycles / board.clockHz();
        return OptionalDouble.of(seconds * v.value() * i.value() * 1000.0);
    }
}
