package dev.tinyj.emulator.calibrate;

import dev.tinyj.boards.CostTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Fits a core's cycle-cost table to measured kernels (issue 3; docs/cost-model.md "Calibration").
 *
 * <p>Each sample is one kernel run: how many times each cost key was charged
 * ({@link dev.tinyj.emulator.vm.exec.Machine#costKeyCounts()}) and the ground-truth cycles. The
 * emulator's estimate is linear in the table, Σ count(key) × cycles(key), so the fit is a
 * regularised least-squares problem over <em>parameters</em>: each key is mapped to the entry the
 * prior table prices it with ({@link CostTable#resolve}), and opcodes that any compiler emits alike
 * share one parameter ({@link #parameterOf}: the six {@code if_icmp<cond>}, the six
 * {@code if<cond>}, {@code iload_<n>} with {@code iload}, ...). It minimises
 *
 * <pre>  Σ_samples ((estimate − truth) / truth)²  +  λ · Σ_parameters ((θ − prior) / max(prior, 1))²</pre>
 *
 * <p>with every θ ≥ 0 (a parameter whose prior is 0 stays 0: the model assumes the operation is
 * free, e.g. a local in a register or a constant folded into an immediate), then rounds to ticks (quarter cycles, {@link CostTable#TICKS_PER_CYCLE}) and improves the rounding one
 * tick at a time.
 * The ridge term keeps a parameter the samples cannot identify at its datasheet-derived prior, so
 * a kernel family left out of the fit is still priced sensibly. There is no per-kernel factor:
 * one table per core serves every kernel.
 */
public final class CostFit {
    /** Weight of the prior against the samples' squared relative errors. */
    public static final double LAMBDA = 0.1;

    /** One measured kernel: its key counts and the ground-truth cycles. */
    public record Sample(String label, String family, Map<String, Long> counts, double truth) {
    }

    /** Fitted value per parameter ({@code op.<key>} or {@code extra.<name>}), in ticks. */
    public record Result(Map<String, Integer> parameters) {
        /** Ticks a key is charged under this fit, or the prior's when the fit did not touch it. */
        public int ticks(String key, CostTable prior) {
            Integer v = parameters.get(parameterOf(key, prior));
            return v != null ? v : prior.keyTicks(key);
        }

        /** The estimate for {@code counts} under this fit, cycles. */
        public double estimate(Map<String, Long> counts, CostTable prior) {
            long sum = 0;
            for (Map.Entry<String, Long> e : counts.entrySet()) {
                sum += e.getValue() * ticks(e.getKey(), prior);
            }
            return sum / (double) CostTable.TICKS_PER_CYCLE;
        }
    }

    private CostFit() {
    }

    /** The estimate a table gives for {@code counts}: Σ count × cycles (exact, before flooring to whole cycles). */
    public static double estimate(Map<String, Long> counts, CostTable table) {
        long sum = 0;
        for (Map.Entry<String, Long> e : counts.entrySet()) {
            sum += e.getValue() * table.keyTicks(e.getKey());
        }
        return sum / (double) CostTable.TICKS_PER_CYCLE;
    }

    /**
     * The parameter a key is fitted under: {@code op.} + the prior's entry for it with the condition
     * and slot-number variants folded ({@code op.if_icmplt.w16} → {@code op.if_icmp.w16},
     * {@code op.iload_2} → {@code op.iload}, {@code op.iconst_m1} → {@code op.iconst}); extras as they are.
     */
    public static String parameterOf(String key, CostTable prior) {
        if (!key.startsWith("op.")) {
            return key;
        }
        String resolved = prior.resolve(key.substring(3));
        int dot = resolved.indexOf('.');
        String m = dot < 0 ? resolved : resolved.substring(0, dot);
        String forms = dot < 0 ? "" : resolved.substring(dot);
        String folded = m.matches("if_icmp(eq|ne|lt|ge|gt|le)") ? "if_icmp"
                : m.matches("if(eq|ne|lt|ge|gt|le)") ? "if"
                : m.matches("[ilfa](load|store)_[0-3]") ? m.substring(0, m.length() - 2)
                : m.matches("[ilf]const_(m1|[0-5])") ? m.substring(0, m.indexOf('_'))
                : m;
        return "op." + folded + forms;
    }

    private static double priorCycles(String key, CostTable prior) {
        return prior.cycles(key);
    }

    /**
     * Fits the parameters the samples exercise.
     *
     * @param samples measured kernels (at least one)
     * @param prior the table to start from and regularise toward
     */
    public static Result fit(List<Sample> samples, CostTable prior) {
        return fit(samples, prior, LAMBDA);
    }

    /** {@link #fit(List, CostTable)} with another prior weight {@code lambda}. */
    public static Result fit(List<Sample> samples, CostTable prior, double lambda) {
        TreeSet<String> names = new TreeSet<>();
        for (Sample s : samples) {
            for (String key : s.counts().keySet()) {
                String p = parameterOf(key, prior);
                if (!p.equals("extra.free")) {
                    names.add(p);
                }
            }
        }
        List<String> params = new ArrayList<>(names);
        int n = params.size();
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            index.put(params.get(i), i);
        }
        double[] priorValue = new double[n];
        int[] members = new int[n];
        double[][] a = new double[samples.size()][n];
        for (int r = 0; r < samples.size(); r++) {
            Sample s = samples.get(r);
            for (Map.Entry<String, Long> e : s.counts().entrySet()) {
                Integer i = index.get(parameterOf(e.getKey(), prior));
                if (i == null) {
                    continue;
                }
                a[r][i] += e.getValue() / s.truth();
                priorValue[i] += priorCycles(e.getKey(), prior);
                members[i]++;
            }
        }
        for (int i = 0; i < n; i++) {
            priorValue[i] /= Math.max(1, members[i]);
        }
        boolean[] fixed = new boolean[n];
        for (int i = 0; i < n; i++) {
            fixed[i] = priorValue[i] == 0;
        }
        double[] theta = solveNonNegative(a, priorValue, lambda, fixed);
        int[] rounded = new int[n];
        for (int i = 0; i < n; i++) {
            rounded[i] = (int) Math.round(theta[i] * CostTable.TICKS_PER_CYCLE);
        }
        refineIntegers(a, priorValue, rounded, lambda);
        Map<String, Integer> out = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            out.put(params.get(i), rounded[i]);
        }
        return new Result(out);
    }

    /** The objective at {@code ticks} (parameters in ticks; rows and priors in cycles). */
    private static double objective(double[][] a, double[] prior, int[] ticks, double lambda) {
        double sum = 0;
        for (double[] row : a) {
            double e = -1;
            for (int i = 0; i < ticks.length; i++) {
                e += row[i] * ticks[i] / CostTable.TICKS_PER_CYCLE;
            }
            sum += e * e;
        }
        for (int i = 0; i < ticks.length; i++) {
            double d = ((double) ticks[i] / CostTable.TICKS_PER_CYCLE - prior[i]) / Math.max(prior[i], 1);
            sum += lambda * d * d;
        }
        return sum;
    }

    /** Coordinate search over ticks from the rounded solution: ±1 tick steps while the objective drops. */
    private static void refineIntegers(double[][] a, double[] prior, int[] theta, double lambda) {
        double best = objective(a, prior, theta, lambda);
        for (int pass = 0; pass < 200; pass++) {
            boolean improved = false;
            for (int i = 0; i < theta.length; i++) {
                for (int step : new int[] {-1, 1}) {
                    if (theta[i] + step < 0 || prior[i] == 0) {
                        continue;
                    }
                    theta[i] += step;
                    double o = objective(a, prior, theta, lambda);
                    if (o < best - 1e-15) {
                        best = o;
                        improved = true;
                    } else {
                        theta[i] -= step;
                    }
                }
            }
            if (!improved) {
                return;
            }
        }
    }

    /** Ridge least squares toward the prior, with parameters that come out negative pinned at 0. */
    private static double[] solveNonNegative(double[][] a, double[] prior, double lambda, boolean[] fixed) {
        int n = prior.length;
        boolean[] pinned = fixed.clone();
        double[] theta = new double[n];
        for (int round = 0; round <= n; round++) {
            theta = solveRidge(a, prior, pinned, lambda);
            boolean again = false;
            for (int i = 0; i < n; i++) {
                if (!pinned[i] && theta[i] < 0) {
                    pinned[i] = true;
                    again = true;
                }
            }
            if (!again) {
                break;
            }
        }
        return theta;
    }

    private static double[] solveRidge(double[][] a, double[] prior, boolean[] pinned, double lambda) {
        int n = prior.length;
        double[][] m = new double[n][n + 1];
        for (int i = 0; i < n; i++) {
            if (pinned[i]) {
                m[i][i] = 1;
                continue;
            }
            double w = lambda / Math.pow(Math.max(prior[i], 1), 2);
            m[i][i] += w;
            m[i][n] += w * prior[i];
            for (double[] row : a) {
                if (row[i] == 0) {
                    continue;
                }
                m[i][n] += row[i];
                for (int j = 0; j < n; j++) {
                    if (!pinned[j]) {
                        m[i][j] += row[i] * row[j];
                    }
                }
            }
        }
        return gauss(m);
    }

    /** Solves the augmented system {@code m} by Gaussian elimination with partial pivoting. */
    private static double[] gauss(double[][] m) {
        int n = m.length;
        for (int c = 0; c < n; c++) {
            int p = c;
            for (int r = c + 1; r < n; r++) {
                if (Math.abs(m[r][c]) > Math.abs(m[p][c])) {
                    p = r;
                }
            }
            double[] t = m[c];
            m[c] = m[p];
            m[p] = t;
            for (int r = c + 1; r < n; r++) {
                double f = m[r][c] / m[c][c];
                if (f != 0) {
                    for (int k = c; k <= n; k++) {
                        m[r][k] -= f * m[c][k];
                    }
                }
            }
        }
        double[] x = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double s = m[r][n];
            for (int k = r + 1; k < n; k++) {
                s -= m[r][k] * x[k];
            }
            x[r] = s / m[r][r];
        }
        return x;
    }
}
