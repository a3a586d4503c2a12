package dev.tinyj.emulator.cli;

import dev.tinyj.boards.Board;
import dev.tinyj.emulator.run.Inference;
import dev.tinyj.emulator.run.ModelBuild;
import dev.tinyj.emulator.run.TensorFiles;
import dev.tinyj.emulator.vm.decode.Program;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The checks of one run, in a fixed order: {@code fits-sram}, {@code fits-flash}, each budget
 * given, {@code expect} (with {@code --expect}), and each baseline metric (with {@code --baseline}).
 *
 * @param budgets the {@code --max-*} budgets
 * @param baseline the {@code --baseline} report, or null
 * @param tolerancePct allowed growth over the baseline, percent
 */
record Gate(Budgets budgets, Baseline baseline, double tolerancePct) {
    static final double DEFAULT_TOLERANCE_PCT = 2.0;

    /** The checks of a run that happened (possibly on an enlarged memory map with --ignore-limits). */
    List<Check> evaluate(RunOutcome o) {
        List<Check> checks = new ArrayList<>();
        Board board = o.board();
        Program program = o.result().machine().program();
        String hypo = o.hypothetical() ? " (measured on an enlarged memory map: hypothetical)" : "";
        long sram = Math.max(o.sramTotal(), Inference.sramNeeded(o.build(), program, board));
        checks.add(ceiling("fits-sram", "SRAM", sram, board.sram().size(), board, hypo));
        long flash = Math.max(o.flashTotal(), Inference.flashNeeded(o.build(), program, board));
        checks.add(ceiling("fits-flash", "flash", flash, board.flash().size(), board, hypo));
        var energy = o.result().energyMicrojoules();
        Double energyUj = energy.isPresent() ? energy.getAsDouble() : null;
        checks.addAll(budgets(new Measured(o.result().cycles(), o.result().latencyMs(), energyUj,
                "energy per inference is unknown on " + board.id() + " (its supply or active current is not sourced)",
                o.sramTotal(), o.flashTotal())));
        if (o.expect() != null) {
            checks.add(expect(o.expect()));
        }
        if (baseline != null) {
            checks.add(regression("baseline-cycles", "cycles", o.result().cycles(), baseline.cycles(), "cycles"));
            if (energyUj == null || baseline.energyUj() == null) {
                checks.add(Check.skipped("baseline-energy-uj", baseline.energyUj(), "uJ",
                        "energy per inference is unknown on " + board.id() + " (supply or active current not sourced)"
                                + (energyUj == null ? "" : " in the baseline")));
            } else {
                checks.add(regression("baseline-energy-uj", "energy", energyUj, baseline.energyUj(), "uJ"));
            }
            checks.add(regression("baseline-sram", "SRAM", o.sramTotal(), baseline.sram(), "B"));
            checks.add(regression("baseline-flash", "flash", o.flashTotal(), baseline.flash(), "B"));
        }
        return checks;
    }

    /**
     * The figures the {@code --max-*} budgets are held against.
     *
     * @param cycles {@code run}: cycles of one inference; {@code firmware}: of the whole run (every
     *     {@code <clinit>}, {@code setup()} and the loops)
     * @param latencyMs those cycles at the board clock, ms (time asleep not included)
     * @param energyUj {@code run}: energy of one inference; {@code firmware}: of the whole run,
     *     active and asleep; µJ; null when unknown
     * @param energyUnknown why the energy is unknown (used when {@code energyUj} is null)
     * @param sram peak SRAM, bytes
     * @param flash flash used, bytes
     */
    record Measured(long cycles, double latencyMs, Double energyUj, String energyUnknown, long sram, long flash) {
    }

    /** One check per budget given, in the order of {@link Budgets}. */
    List<Check> budgets(Measured m) {
        List<Check> checks = new ArrayList<>();
        if (budgets.cycles() != null) {
            checks.add(budget("max-cycles", "cycles", m.cycles(), budgets.cycles(), "cycles"));
        }
        if (budgets.latencyMs() != null) {
            checks.add(budget("max-latency-ms", "latency", m.latencyMs(), budgets.latencyMs(), "ms"));
        }
        if (budgets.energyUj() != null) {
            checks.add(m.energyUj() == null
                    ? Check.fail("max-energy-uj", null, budgets.energyUj(), "uJ", m.energyUnknown()
                            + ": --max-energy-uj " + Budgets.real(budgets.energyUj()) + " uJ cannot be shown to hold")
                    : budget("max-energy-uj", "energy", m.energyUj(), budgets.energyUj(), "uJ"));
        }
        if (budgets.sram() != null) {
            checks.add(budget("max-sram", "SRAM", m.sram(), budgets.sram(), "B"));
        }
        if (budgets.flash() != null) {
            checks.add(budget("max-flash", "flash", m.flash(), budgets.flash(), "B"));
        }
        return checks;
    }

    /** The checks when the model did not fit and did not run: the ceilings fail, the rest is skipped. */
    List<Check> notRun(ModelBuild build, Program program, Board board, boolean expectGiven) {
        List<Check> checks = new ArrayList<>();
        checks.add(ceiling("fits-sram", "SRAM", Inference.sramNeeded(build, program, board), board.sram().size(),
                board, ""));
        checks.add(ceiling("fits-flash", "flash", Inference.flashNeeded(build, program, board), board.flash().size(),
                board, ""));
        String why = "not run: the model does not fit " + board.id() + " (--ignore-limits runs it anyway)";
        if (budgets.cycles() != null) {
            checks.add(Check.skipped("max-cycles", budgets.cycles(), "cycles", why));
        }
        if (budgets.latencyMs() != null) {
            checks.add(Check.skipped("max-latency-ms", budgets.latencyMs(), "ms", why));
        }
        if (budgets.energyUj() != null) {
            checks.add(Check.skipped("max-energy-uj", budgets.energyUj(), "uJ", why));
        }
        if (budgets.sram() != null) {
            checks.add(Check.skipped("max-sram", budgets.sram(), "B", why));
        }
        if (budgets.flash() != null) {
            checks.add(Check.skipped("max-flash", budgets.flash(), "B", why));
        }
        if (expectGiven) {
            checks.add(Check.skipped("expect", null, "elements", why));
        }
        if (baseline != null) {
            checks.add(Check.skipped("baseline-cycles", baseline.cycles(), "cycles", why));
            checks.add(Check.skipped("baseline-energy-uj", baseline.energyUj(), "uJ", why));
            checks.add(Check.skipped("baseline-sram", baseline.sram(), "B", why));
            checks.add(Check.skipped("baseline-flash", baseline.flash(), "B", why));
        }
        return checks;
    }

    static boolean anyFailed(List<Check> checks) {
        return checks.stream().anyMatch(Check::failed);
    }

    static Check ceiling(String name, String what, long used, long capacity, Board board, String note) {
        String pct = String.format(Locale.ROOT, "%.1f%%", 100.0 * used / Math.max(1, capacity));
        if (used <= capacity) {
            return Check.pass(name, used, capacity, "B", what + " " + RunReport.n(used) + " B of " + board.id() + "'s "
                    + RunReport.n(capacity) + " B (" + pct + ")" + note);
        }
        return Check.fail(name, used, capacity, "B", what + " needs " + RunReport.n(used) + " B; " + board.id()
                + " has " + RunReport.n(capacity) + " B (" + RunReport.n(used - capacity) + " B over, " + pct + ")"
                + note);
    }

    private static Check budget(String name, String what, double value, double limit, String unit) {
        String v = fmt(value, unit);
        String l = fmt(limit, unit);
        if (value <= limit) {
            return Check.pass(name, num(value, unit), num(limit, unit), unit, lead(what, unit) + v + " " + unit
                    + " within --" + name + " " + l + " " + unit);
        }
        return Check.fail(name, num(value, unit), num(limit, unit), unit, lead(what, unit) + v + " " + unit + " exceeds --"
                + name + " " + l + " " + unit + " by " + fmt(value - limit, unit) + " " + unit + " (" + over(value, limit)
                + ")");
    }

    private Check regression(String name, String what, double value, double base, String unit) {
        String head = lead(what, unit) + fmt(value, unit) + " " + unit + " vs baseline " + fmt(base, unit) + " " + unit;
        String tol = String.format(Locale.ROOT, "tolerance %s%%", Budgets.real(tolerancePct));
        if (value == base) {
            return Check.pass(name, num(value, unit), num(base, unit), unit, head + ": unchanged");
        }
        if (value < base) {
            return Check.pass(name, num(value, unit), num(base, unit), unit, head + String.format(Locale.ROOT,
                    ": %.2f%% (improved)", 100.0 * (value - base) / base));
        }
        double growth = base == 0 ? Double.POSITIVE_INFINITY : 100.0 * (value - base) / base;
        String g = base == 0 ? "grew from 0" : String.format(Locale.ROOT, "+%.2f%%", growth);
        if (growth <= tolerancePct) {
            return Check.pass(name, num(value, unit), num(base, unit), unit, head + ": " + g + " (within " + tol + ")");
        }
        return Check.fail(name, num(value, unit), num(base, unit), unit, head + ": " + g + " regression (beyond "
                + tol + ")");
    }

    private static Check expect(TensorFiles.Comparison c) {
        String ulps = c.ulpTolerance() == 0 ? "" : " " + RunReport.ulpNote(c);
        if (c.match()) {
            return Check.pass("expect", 0L, 0L, "elements", (c.ulpTolerance() == 0 ? "output bytes identical to "
                    : "outputs match ") + c.path() + " (" + RunReport.n(c.elements()) + " elements)" + ulps);
        }
        return Check.fail("expect", c.differing(), 0L, "elements", RunReport.n(c.differing()) + " of "
                + RunReport.n(c.elements()) + " output elements differ from " + c.path() + ulps + "; first: "
                + c.first().get(0));
    }

    private static String over(double value, double limit) {
        return limit == 0 ? "budget is 0" : String.format(Locale.ROOT, "+%.1f%%", 100.0 * (value - limit) / limit);
    }

    /** "SRAM " before a figure in bytes; nothing before a figure in cycles (the unit says it). */
    private static String lead(String what, String unit) {
        return what.equals(unit) ? "" : what + " ";
    }

    private static boolean integral(String unit) {
        return unit.equals("cycles") || unit.equals("B");
    }

    private static Number num(double v, String unit) {
        return integral(unit) ? (Number) Math.round(v) : (Number) v;
    }

    private static String fmt(double v, String unit) {
        return integral(unit) ? RunReport.n(Math.round(v)) : String.format(Locale.ROOT, "%,.3f", v);
    }
}
