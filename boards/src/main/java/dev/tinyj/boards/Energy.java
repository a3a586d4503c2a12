package dev.tinyj.boards;

import java.util.OptionalDouble;

/**
 * Energy from a board's sourced figures (DESIGN.md "Energy"), in µJ:
 *
 * <ol>
 *   <li>active: cycles ÷ f × V × I_active (f in Hz, V in V, I_active in mA: mJ, × 1,000 for µJ);
 *   <li>asleep: t × V × I_sleep(mode) (t in s, I_sleep in µA: µJ), in the board's timed-sleep mode
 *       ({@code power.timed_sleep_mode}), the one {@code Mcu.sleepMicros} uses;
 *   <li>a run: active + asleep.
 * </ol>
 *
 * <p>A result is unknown, with the reason, when a figure it needs is unknown; sleep figures are not
 * needed for a run that never slept. Every current is the MCU's own at the board's supply: the
 * board's other parts (USB bridge, regulator, LEDs) are not counted.
 */
public final class Energy {
    private Energy() {
    }

    /**
     * Active energy of {@code cycles} at the board clock, µJ; empty when the supply voltage or the
     * active current is not sourced.
     */
    public static OptionalDouble activeMicrojoules(Board board, long cycles) {
        Figure e = active(board, cycles);
        return e.known() ? OptionalDouble.of(e.value()) : OptionalDouble.empty();
    }

    /** Active energy of {@code cycles} at the board clock, µJ: cycles ÷ f × V × I_active. */
    public static Figure active(Board board, long cycles) {
        Figure mw = board.power().activeMilliwatts();
        if (!mw.known()) {
            return mw;
        }
        double seconds = (double) cycles / board.clockHz();
        return Figure.derived(seconds * mw.value() * 1000.0, "derived: " + cycles + " cycles / " + board.clockHz()
                + " Hz x " + mw.value() + " mW");
    }

    /**
     * Energy of {@code seconds} asleep in the board's timed-sleep mode, µJ: t × V × I_sleep. Zero
     * (known) when {@code seconds} is 0, whatever the sleep figures.
     */
    public static Figure timedSleep(Board board, double seconds) {
        if (seconds == 0) {
            return Figure.derived(0, "derived: no time asleep");
        }
        PowerModel p = board.power();
        Figure ua = p.timedSleepMicroamps();
        if (!p.supplyVolts().known()) {
            return Figure.unknown("supply voltage not sourced: " + p.supplyVolts().source());
        }
        if (!ua.known()) {
            return ua;
        }
        return Figure.derived(seconds * p.supplyVolts().value() * ua.value(), "derived: " + seconds + " s in "
                + p.timedSleepMode().text() + " x supply " + p.supplyVolts().text() + " V x " + ua.text() + " uA");
    }

    /** {@code a + b}, µJ; unknown (with the first unknown's reason) when either is. */
    public static Figure sum(Figure a, Figure b) {
        if (!a.known()) {
            return a;
        }
        if (!b.known()) {
            return b;
        }
        return Figure.derived(a.value() + b.value(), "derived: active + asleep");
    }
}
