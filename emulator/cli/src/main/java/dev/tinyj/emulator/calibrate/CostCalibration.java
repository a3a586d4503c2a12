package dev.tinyj.emulator.calibrate;

import dev.tinyj.boards.BoardException;
import dev.tinyj.boards.Boards;
import dev.tinyj.boards.CostTable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The cycle-cost calibration of one core (docs/cost-model.md "Calibration"): the core's prior table
 * ({@code cores/<core>.prior}) fitted by {@link CostFit} to every calibration kernel, and refitted once
 * per kernel family with that family left out, to score it on kernels the fit has not seen. The
 * shipped table ({@code cores/<core>.costs}) is the fit on every kernel, rendered by
 * {@link #costsFile()}; a test checks the two agree.
 *
 * @param core the core
 * @param prior the prior table (on the core's reference board)
 * @param runs the kernel runs with their cost-key counts
 * @param fit the fit on every run
 * @param withoutFamily per kernel family (results.csv {@code kernel}), the fit on the other families
 * @param truthSource where the ground truth came from ({@link GroundTruth#source()})
 */
public record CostCalibration(CalibCore core, CostTable prior, List<KernelRun> runs, CostFit.Result fit,
        Map<String, CostFit.Result> withoutFamily, String truthSource) {
    private static final Pattern ENTRY = Pattern.compile("((?:op|extra)\\.[a-z0-9_.]+)\\s*=\\s*([0-9_.]+)(.*)");

    /** Fits {@code runs} (all on one core) from that core's prior, with every leave-one-family-out refit. */
    public static CostCalibration of(CalibCore core, List<KernelRun> runs, String truthSource) {
        CostTable prior = priorTable(core);
        List<CostFit.Sample> samples = runs.stream().map(CostCalibration::sample).toList();
        Map<String, CostFit.Result> loo = new LinkedHashMap<>();
        for (String family : samples.stream().map(CostFit.Sample::family).distinct().toList()) {
            loo.put(family, CostFit.fit(samples.stream().filter(s -> !s.family().equals(family)).toList(), prior));
        }
        return new CostCalibration(core, prior, List.copyOf(runs), CostFit.fit(samples, prior), loo, truthSource);
    }

    /** The prior cost table of {@code core}, on its reference board. */
    public static CostTable priorTable(CalibCore core) {
        try {
            return Boards.loadWithCosts(core.board(), priorFile(core)).costs();
        } catch (BoardException e) {
            throw new IllegalStateException("shipped prior table does not load: " + e.getMessage(), e);
        }
    }

    private static String priorFile(CalibCore core) {
        return "cores/" + core.id() + ".prior";
    }

    private static CostFit.Sample sample(KernelRun r) {
        return new CostFit.Sample(r.bench().id() + " " + r.bench().cFunction(), r.row().kernel(), r.costKeyCounts(),
                r.truthCycles());
    }

    /** The estimate of the fit on every kernel, cycles. */
    public double fittedEstimate(KernelRun r) {
        return fit.estimate(r.costKeyCounts(), prior);
    }

    /** The estimate of the fit that left {@code r}'s family out, cycles. */
    public double leaveOneOutEstimate(KernelRun r) {
        return withoutFamily.get(r.row().kernel()).estimate(r.costKeyCounts(), prior);
    }

    /** (estimate − truth) / truth, percent, of the leave-one-family-out fit for {@code r}. */
    public double leaveOneOutErrorPercent(KernelRun r) {
        return 100.0 * (leaveOneOutEstimate(r) - r.truthCycles()) / r.truthCycles();
    }

    /** Errors of every kernel, each scored by the fit that left its family out. */
    public ErrorStats leaveOneOutErrors() {
        return ErrorStats.of(runs.stream().map(this::leaveOneOutErrorPercent).toList());
    }

    /** Leave-one-out errors per family, in first-seen order. */
    public Map<String, ErrorStats> leaveOneOutByFamily() {
        Map<String, ErrorStats> out = new LinkedHashMap<>();
        for (String family : withoutFamily.keySet()) {
            out.put(family, ErrorStats.of(runs.stream().filter(r -> r.row().kernel().equals(family))
                    .map(this::leaveOneOutErrorPercent).toList()));
        }
        return out;
    }

    /**
     * Keys of {@code table} whose ticks differ from this fit's (empty when {@code table} is what
     * {@link #costsFile()} renders): key → "table ticks != fit ticks".
     */
    public Map<String, String> differencesFrom(CostTable table) {
        Map<String, String> out = new TreeMap<>();
        for (String key : prior.opcodeTicks().keySet()) {
            compare("op." + key, table, out);
        }
        for (String key : prior.extraTicks().keySet()) {
            compare("extra." + key, table, out);
        }
        return out;
    }

    private void compare(String key, CostTable table, Map<String, String> out) {
        int want = fit.ticks(key, prior);
        int have = table.keyTicks(key);
        if (want != have) {
            out.put(key, have + " != " + want + " ticks");
        }
    }

    /**
     * The shipped cost table: the prior file with every fitted entry replaced by its fitted value
     * (cycles, to a quarter) and marked, under a header that says how it was made.
     */
    public String costsFile() {
        String text = resource("dev/tinyj/boards/" + priorFile(core));
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, """
                # GENERATED by `./tinyj calibrate --write-costs DIR` from %s.prior: do not edit by hand.
                # Cycle costs for the %s core, fitted (CostFit, lambda %s) to the %d calibration kernels,
                # ground truth %s (%s); entries marked "fitted" moved from their prior, the
                # others keep the prior's datasheet-derived value. The method and the errors on kernels
                # the fit has not seen are in docs/cost-model.md; re-run `./tinyj calibrate` to see them.
                """, core.id(), core.id(), CostFit.LAMBDA, runs.size(),
                truthSource.equals("shipped results.csv") ? "../shared/calib/results.csv" : truthSource,
                core.cyclesColumn()));
        boolean header = true;
        for (String line : text.split("\n", -1)) {
            if (header && line.startsWith("#")) {
                continue; // the prior's own header is replaced above
            }
            header = false;
            if (line.startsWith("costs.calibrated")) {
                out.append("costs.calibrated = true\n");
                continue;
            }
            Matcher m = ENTRY.matcher(line);
            if (m.matches()) {
                String key = m.group(1);
                double priorCycles = prior.cycles(key);
                double fitted = fit.ticks(key, prior) / (double) CostTable.TICKS_PER_CYCLE;
                if (fitted != priorCycles) {
                    String comment = m.group(3).strip();
                    String note = String.format(Locale.ROOT, "# fitted; prior %s", number(priorCycles));
                    line = String.format(Locale.ROOT, "%-26s %s", key + " = " + number(fitted),
                            comment.isEmpty() ? note : note + "; " + comment.substring(1).strip());
                }
            }
            out.append(line).append('\n');
        }
        return out.toString().stripTrailing() + "\n";
    }

    private static String number(double cycles) {
        return cycles == Math.rint(cycles) ? Long.toString((long) cycles)
                : new java.math.BigDecimal(cycles).stripTrailingZeros().toPlainString();
    }

    private static String resource(String name) {
        try (InputStream in = CostCalibration.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read resource " + name, e);
        }
    }

    /** Family names in first-seen order (for reports). */
    public List<String> families() {
        return new ArrayList<>(withoutFamily.keySet());
    }
}
