package dev.tinyj.emulator.cli;

import dev.tinyj.boards.Battery;
import dev.tinyj.boards.Board;
import dev.tinyj.boards.DutyCycle;
import dev.tinyj.boards.Figure;
import dev.tinyj.boards.PowerModel;
import java.util.Locale;

/**
 * The energy, duty-cycle and battery lines of the text reports ({@code run}'s report and
 * {@code firmware}'s summary), from the boards module's energy model ({@link DutyCycle}). An
 * unknown figure is printed as {@code unknown (why)}, never as a number.
 */
final class EnergyText {
    private EnergyText() {
    }

    /** {@code 12.34 uJ}, or {@code unknown (why)}. */
    static String uj(Figure f) {
        return f.known() ? String.format(Locale.ROOT, "%,.2f uJ", f.value()) : unknown(f);
    }

    /** An average power in mW as {@code 1.23 mW} or {@code 15.40 uW}, or {@code unknown (why)}. */
    static String power(Figure mw) {
        if (!mw.known()) {
            return unknown(mw);
        }
        return mw.value() >= 1 ? String.format(Locale.ROOT, "%,.2f mW", mw.value())
                : String.format(Locale.ROOT, "%,.2f uW", mw.value() * 1000);
    }

    /**
     * {@code unknown (why)}, the reason cut at its first {@code ;} (a source's later clauses are
     * detail, kept in the board file and the JSON report).
     */
    static String unknown(Figure f) {
        return "unknown (" + reason(f) + ")";
    }

    /** A figure's source up to its first {@code ;}. */
    static String reason(Figure f) {
        int semi = f.source().indexOf(';');
        return semi < 0 ? f.source() : f.source().substring(0, semi);
    }

    /** {@code 5.0 V x 10 mA}. */
    static String activeFigures(Board b) {
        return b.power().supplyVolts().text() + " V x " + b.power().activeMilliamps().text() + " mA";
    }

    /** {@code system-on-rtc at 3.3 V x 3.16 uA}, or the mode alone when its current is unknown. */
    static String sleepFigures(Board b) {
        PowerModel p = b.power();
        Figure ua = p.timedSleepMicroamps();
        return p.timedSleepMode().text() + (ua.known() ? " at " + p.supplyVolts().text() + " V x " + ua.text() + " uA"
                : "");
    }

    /**
     * {@code run}'s duty-cycle line: one inference every 1 ÷ {@code perSecond} s, asleep in the
     * timed-sleep mode the rest of the period.
     */
    static String dutyCycle(DutyCycle d, double perSecond) {
        String head = rate(perSecond) + ": ";
        if (!d.feasible()) {
            return head + d.infeasible("inference");
        }
        return head + String.format(Locale.ROOT, "%,.3f ms active + %,.3f ms asleep in %s per %s period: ",
                d.activeSeconds() * 1000, d.sleepSeconds() * 1000, sleepFigures(d.board()), seconds(d.periodSeconds()))
                + (d.activeMicrojoules().known() ? uj(d.activeMicrojoules()) + " + " + asleep(d) + tail(d)
                        : "energy " + unknown(d.activeMicrojoules()));
    }

    /** {@code firmware}'s energy line: the run's active and asleep energy and its average power. */
    static String run(DutyCycle d, long sleptMicros) {
        Figure active = d.activeMicrojoules();
        String head = active.known() ? uj(active) + " active (" + activeFigures(d.board()) + ")"
                : "active " + unknown(active);
        if (sleptMicros == 0) {
            return head + ", never asleep" + tail(d);
        }
        String where = seconds(sleptMicros / 1e6) + " in " + sleepFigures(d.board());
        Figure asleep = d.sleepMicrojoules();
        return head + " + " + (asleep.known() ? uj(asleep) + " asleep (" + where + ")"
                : "asleep " + where + ": " + unknown(asleep)) + tail(d);
    }

    /** {@code 10.42 uJ asleep} or {@code asleep unknown (why)}. */
    private static String asleep(DutyCycle d) {
        Figure e = d.sleepMicrojoules();
        return e.known() ? uj(e) + " asleep" : "asleep " + unknown(e);
    }

    /** {@code  = 21.17 uJ over 1.504 s: 14.07 uW average}, when the total is known. */
    private static String tail(DutyCycle d) {
        Figure total = d.microjoules();
        if (!total.known()) {
            return "";
        }
        return String.format(Locale.ROOT, " = %s over %s: %s average", uj(total), seconds(d.periodSeconds()),
                power(d.averageMilliwatts()));
    }

    /**
     * The battery line: which battery, its energy, and how long it lasts at {@code d}; {@code when}
     * names the duty cycle (e.g. {@code at 1 inference/s}).
     */
    static String battery(BatteryChoice c, DutyCycle d, String when) {
        if (c.battery().isEmpty()) {
            return c.why();
        }
        Battery b = c.battery().get();
        String head = b.label() + " (" + (c.origin().equals("flags") ? BatteryChoice.FLAG_SOURCE
                : d.board().id() + "'s default battery") + String.format(Locale.ROOT, "), %,.0f J: ", b.joules());
        if (!d.feasible()) {
            return head + "no lifetime: the duty cycle is infeasible";
        }
        Figure hours = d.batteryHours(b);
        if (!hours.known()) {
            return head + "life " + unknown(hours);
        }
        return head + lifetime(hours.value()) + " " + when + " (self-discharge not modelled)";
    }

    /** {@code 43,831 h (1,826.3 days)}. */
    static String lifetime(double hours) {
        return String.format(Locale.ROOT, hours >= 100 ? "%,.0f h (%,.1f days)" : "%,.2f h (%,.2f days)", hours,
                hours / 24);
    }

    /** {@code 1 inference/s}, {@code 0.5 inferences/s}. */
    static String rate(double perSecond) {
        return java.math.BigDecimal.valueOf(perSecond).stripTrailingZeros().toPlainString()
                + (perSecond == 1 ? " inference/s" : " inferences/s");
    }

    /** {@code 4.030 ms} below a second, {@code 1.504 s} from one. */
    static String seconds(double s) {
        return s < 1 ? String.format(Locale.ROOT, "%,.3f ms", s * 1000) : String.format(Locale.ROOT, "%,.3f s", s);
    }
}
