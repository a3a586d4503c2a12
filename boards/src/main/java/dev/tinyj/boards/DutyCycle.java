package dev.tinyj.boards;

import java.util.Locale;

/**
 * One period of a duty cycle on a board: a burst of {@code activeCycles} at the board clock, then
 * sleep in the board's timed-sleep mode for the rest of the period. A model run at N inferences per
 * second is one inference per period of 1 ÷ N s ({@link #perSecond}); a firmware run is one period
 * made of its own cycles and the time it slept ({@link #measured}).
 *
 * <ol>
 *   <li>t_active = cycles ÷ f; t_sleep = period − t_active (the cycle is infeasible when negative);
 *   <li>E = E_active + E_sleep ({@link Energy}), µJ per period;
 *   <li>P_average = E ÷ period, mW;
 *   <li>battery life = E_battery ÷ P_average, h, with E_battery = mAh × 3.6 × V ({@link Battery}).
 * </ol>
 *
 * <p>Not modelled: the energy and time of waking up and of setting up the sleep (only the cycles
 * the firmware runs count), losses in a regulator between battery and MCU, the battery's
 * self-discharge and falling voltage, and the board's other parts.
 *
 * @param board the board
 * @param activeCycles cycles run per period
 * @param periodSeconds length of one period, s
 */
public record DutyCycle(Board board, long activeCycles, double periodSeconds) {

    /** One burst of {@code cycles} every 1 ÷ {@code perSecond} seconds. */
    public static DutyCycle perSecond(Board board, long cycles, double perSecond) {
        if (!(perSecond > 0) || Double.isInfinite(perSecond)) {
            throw new IllegalArgumentException("bursts per second must be positive and finite, got " + perSecond);
        }
        return new DutyCycle(board, cycles, 1.0 / perSecond);
    }

    /** A run that executed {@code cycles} and slept {@code sleptSeconds}: the period is their sum. */
    public static DutyCycle measured(Board board, long cycles, double sleptSeconds) {
        return new DutyCycle(board, cycles, (double) cycles / board.clockHz() + sleptSeconds);
    }

    /** Time running, s: cycles ÷ f. */
    public double activeSeconds() {
        return (double) activeCycles / board.clockHz();
    }

    /** Time asleep per period, s (negative when infeasible). */
    public double sleepSeconds() {
        return periodSeconds - activeSeconds();
    }

    /** Whether the active burst fits in the period. */
    public boolean feasible() {
        return activeSeconds() <= periodSeconds;
    }

    /** Most bursts per second the board can run back to back: f ÷ cycles. */
    public double maxPerSecond() {
        return activeCycles == 0 ? Double.POSITIVE_INFINITY : (double) board.clockHz() / activeCycles;
    }

    /** Active energy per period, µJ. */
    public Figure activeMicrojoules() {
        return Energy.active(board, activeCycles);
    }

    /** Sleep energy per period, µJ; unknown when infeasible or a figure is not sourced. */
    public Figure sleepMicrojoules() {
        return feasible() ? Energy.timedSleep(board, Math.max(0, sleepSeconds())) : Figure.unknown(infeasible("burst"));
    }

    /** Energy per period, active + asleep, µJ. */
    public Figure microjoules() {
        return Energy.sum(activeMicrojoules(), sleepMicrojoules());
    }

    /** Average power over the period, mW: energy ÷ period. */
    public Figure averageMilliwatts() {
        Figure e = microjoules();
        if (!e.known()) {
            return e;
        }
        if (periodSeconds <= 0) {
            return Figure.unknown("no time elapsed");
        }
        return Figure.derived(e.value() / 1000.0 / periodSeconds, "derived: energy per period / period");
    }

    /** Hours {@code battery} lasts at this duty cycle: E_battery ÷ P_average. */
    public Figure batteryHours(Battery battery) {
        Figure mw = averageMilliwatts();
        if (!mw.known()) {
            return mw;
        }
        if (mw.value() == 0) {
            return Figure.unknown("the average power is 0");
        }
        return Figure.derived(battery.joules() / (mw.value() / 1000.0) / 3600.0,
                "derived: " + battery.label() + " / average power");
    }

    /** Why the cycle is infeasible, with the figures; {@code what} names a burst (e.g. {@code inference}). */
    public String infeasible(String what) {
        String most = new java.math.BigDecimal(maxPerSecond())
                .round(new java.math.MathContext(3, java.math.RoundingMode.FLOOR)).stripTrailingZeros().toPlainString();
        return String.format(Locale.ROOT, "infeasible: one %s takes %,.4f ms, longer than the %,.4f ms period "
                + "(at most %s per second)", what, activeSeconds() * 1000, periodSeconds * 1000, most);
    }
}
