package dev.tinyj.emulator.cli;

import dev.tinyj.boards.CodeSizeModel;
import dev.tinyj.boards.MemoryModel;
import dev.tinyj.emulator.calibrate.CodeSizeFit;
import dev.tinyj.emulator.calibrate.CoreResult;
import dev.tinyj.emulator.calibrate.CostCalibration;
import dev.tinyj.emulator.calibrate.ErrorStats;
import dev.tinyj.emulator.calibrate.GroundTruth;
import dev.tinyj.emulator.calibrate.KernelRun;
import dev.tinyj.emulator.calibrate.StackCheck;
import dev.tinyj.emulator.toolchain.report.Json;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The {@code tinyj calibrate} report as text and as JSON (schema in docs/calibration.md). */
final class CalibrateReport {
    private CalibrateReport() {
    }

    // ---- text ----

    static String text(GroundTruth truth, List<CoreResult> results, StackCheck stack) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "tinyj calibrate: %d kernels on %s; ground truth: %s (-O2 rows)%n",
                results.getFirst().runs().size(), String.join(" and ", results.stream()
                        .map(r -> r.board().id() + " (" + r.core().id() + ")").toList()), truth.source()));
        for (CoreResult r : results) {
            cycles(s, r);
        }
        s.append(String.format(Locale.ROOT, "%ncode size: the C kernel function at -O2 vs the code-size model's bytes "
                + "for the kernel's Java methods (entry and callees)%n"));
        s.append(String.format(Locale.ROOT, "%-10s %-22s %-9s %7s %10s %7s %7s %8s%n", "core", "c_function",
                "bench_ids", "methods", "bytecode_B", "truth_B", "model_B", "error %"));
        for (CoreResult r : results) {
            for (CodeSizeFit.Row row : r.codeRows()) {
                s.append(String.format(Locale.ROOT, "%-10s %-22s %-9s %7d %10d %7d %7d %8s%n", r.core().id(),
                        row.cFunction(), ids(row.benchIds()), row.code().methods(), row.code().bytecodeBytes(),
                        row.truthBytes(), row.code().modelBytes(r.board().codeSize()), row.included()
                                ? pct(row.errorPercent(r.board().codeSize())) : "excluded"));
            }
        }
        for (CoreResult r : results) {
            long excluded = r.codeRows().stream().filter(x -> !x.included()).count();
            s.append(String.format(Locale.ROOT, "%s code size, model in %s.core (%s): %s (%d functions%s)%n",
                    r.core().id(), r.core().id(), model(r.board().codeSize()), summary(r.codeErrors()),
                    r.codeErrors().count(), excluded == 0 ? "" : "; " + excluded + " excluded: at most "
                            + CodeSizeFit.FOLDED_BYTES + " B, folded into a tail branch to their twin"));
            s.append(String.format(Locale.ROOT, "%s code size, least-squares refit on these rows (%s): %s%n",
                    r.core().id(), model(r.refit()), summary(r.refitErrors())));
        }
        if (stack != null) {
            stackText(s, stack, results.stream().filter(r -> r.core().id().equals("avr8")).findFirst().orElseThrow());
        }
        return s.toString();
    }

    private static void cycles(StringBuilder s, CoreResult r) {
        boolean context = r.core().contextColumn().isPresent();
        s.append(String.format(Locale.ROOT, "%ncycles on %s (%s): ground truth %s; cost table %s, %s%n",
                r.board().id(), r.core().id(), r.core().cyclesColumn(), r.board().costs().core(),
                r.board().costs().calibrated() ? "calibrated" : "uncalibrated"));
        s.append(String.format(Locale.ROOT, "%8s  %-20s %-19s %-7s %-5s %-9s %12s %10s %9s%s%n", "bench_id", "kernel",
                "shape", "weights", "style", "core", "ground_truth", "estimate", "error %",
                context ? String.format(Locale.ROOT, " %10s", r.core().contextColumn().get()) : ""));
        for (KernelRun k : r.runs()) {
            s.append(String.format(Locale.ROOT, "%8d  %-20s %-19s %-7s %-5s %-9s %12d %10d %9s%s%n", k.bench().id(),
                    k.row().kernel(), k.row().shape(), k.row().weights(), k.row().style(), r.core().id(),
                    k.truthCycles(), k.cycles(), pct(k.errorPercent()), context ? String.format(Locale.ROOT,
                            " %10d", k.row().number(r.core().contextColumn().get())) : ""));
        }
        s.append(String.format(Locale.ROOT, "%s %s (%d kernels)%n", r.core().id(), summary(r.cycleErrors()),
                r.runs().size()));
        CostCalibration c = r.costs();
        s.append(String.format(Locale.ROOT, "%nleave-one-kernel-family-out on %s: the cost table refitted from %s.prior "
                + "without the family, scored on it%n", r.core().id(), r.core().id()));
        s.append(String.format(Locale.ROOT, "  %-22s %7s %15s %13s%n", "family", "kernels", "median |error|",
                "max |error|"));
        c.leaveOneOutByFamily().forEach((family, e) -> s.append(String.format(Locale.ROOT, "  %-22s %7d %14.1f%% %12.1f%%%n",
                family, e.count(), e.medianAbs(), e.maxAbs())));
        s.append(String.format(Locale.ROOT, "%s leave-one-family-out %s (%d kernels)%n", r.core().id(),
                summary(c.leaveOneOutErrors()), r.runs().size()));
        s.append(String.format(Locale.ROOT, "%s targets: median |error| <= %.0f%%, max |error| <= %.0f%%, shipped table "
                + "and leave-one-out: %s%n", r.core().id(), r.core().medianTargetPercent(), r.core().maxTargetPercent(),
                r.meetsCycleTargets() ? "met" : "MISSED"));
    }

    private static void stackText(StringBuilder s, StackCheck stack, CoreResult avr) {
        MemoryModel mem = avr.board().memory();
        s.append(String.format(Locale.ROOT, "%nstack on %s: the emulator's peak during the kernel call vs avr-gcc -O2's "
                + "deepest call path from the kernel function (own frame + callees, return addresses included)%n",
                avr.board().id()));
        s.append(String.format(Locale.ROOT, "%-22s %-9s %10s %9s %11s %8s%n", "c_function", "bench_ids", "emulator_B",
                "avr_own_B", "avr_chain_B", "error %"));
        for (StackCheck.Row row : stack.rows()) {
            s.append(String.format(Locale.ROOT, "%-22s %-9s %10d %9d %11d %8s%n", row.cFunction(), ids(row.benchIds()),
                    row.emulatorBytes(), row.avrOwnBytes(), row.avrChainBytes(), pct(row.errorPercent())));
        }
        StackCheck.Row de = stack.deepestEmulated();
        StackCheck.Row da = stack.deepestAvr();
        s.append(String.format(Locale.ROOT, "deepest: emulator %d B (%s), avr-gcc %d B (%s); frame formula in %s.core: "
                + "%d B + locals + %d B per operand-stack slot, per method%n", de.emulatorBytes(), de.cFunction(),
                da.avrChainBytes(), da.cFunction(), avr.core().id(), mem.frameBaseBytes(),
                mem.frameSpillBytesPerStackSlot()));
        s.append(String.format(Locale.ROOT, "measured (calib README): lowest SP 0x%04X, RAMEND 0x%04X: %d B for a whole "
                + "-Os image (main, bench driver and kernel together), not a per-kernel figure%n", StackCheck.LOWEST_SP,
                StackCheck.RAMEND, StackCheck.measuredWholeImageBytes()));
        s.append(String.format(Locale.ROOT, "avr8 stack %s (%d functions)%n", summary(stack.errors()), stack.rows().size()));
    }

    private static String summary(ErrorStats e) {
        return String.format(Locale.ROOT, "median |error| %.1f%% max |error| %.1f%%", e.medianAbs(), e.maxAbs());
    }

    private static String model(CodeSizeModel m) {
        return String.format(Locale.ROOT, "%.2f B per bytecode byte + %d B per method, %s", m.expansionPerBytecodeByte(),
                m.perMethodBytes(), m.calibrated() ? "calibrated" : "uncalibrated");
    }

    private static String pct(double p) {
        return String.format(Locale.ROOT, "%+.1f%%", p);
    }

    private static String ids(List<Integer> ids) {
        return String.join(",", ids.stream().map(String::valueOf).toList());
    }

    // ---- JSON ----

    static String json(GroundTruth truth, List<CoreResult> results, StackCheck stack) {
        Map<String, Object> root = Json.object();
        root.put("schema", 1);
        root.put("tinyj_version", Main.VERSION);
        root.put("ground_truth", truth.source());
        List<Object> cores = Json.array();
        for (CoreResult r : results) {
            cores.add(core(r));
        }
        root.put("cores", cores);
        root.put("stack", stack == null ? null : stackJson(stack, results.stream()
                .filter(r -> r.core().id().equals("avr8")).findFirst().orElseThrow()));
        return Json.write(root);
    }

    private static Map<String, Object> core(CoreResult r) {
        Map<String, Object> c = Json.object();
        c.put("core", r.core().id());
        c.put("board", r.board().id());
        c.put("cost_table_calibrated", r.board().costs().calibrated());
        c.put("truth_column", r.core().cyclesColumn());
        c.put("context_column", r.core().contextColumn().orElse(null));
        List<Object> kernels = Json.array();
        for (KernelRun k : r.runs()) {
            Map<String, Object> o = Json.object();
            o.put("bench_id", k.bench().id());
            o.put("c_function", k.bench().cFunction());
            o.put("kernel", k.row().kernel());
            o.put("shape", k.row().shape());
            o.put("weights", k.row().weights());
            o.put("style", k.row().style());
            o.put("ground_truth_cycles", k.truthCycles());
            o.put("estimate_cycles", k.cycles());
            o.put("error_percent", round(k.errorPercent()));
            o.put("leave_one_family_out_estimate_cycles", round(r.costs().leaveOneOutEstimate(k)));
            o.put("leave_one_family_out_error_percent", round(r.costs().leaveOneOutErrorPercent(k)));
            o.put("context", r.core().contextColumn().map(k.row()::number).orElse(null));
            o.put("bytecodes", k.bytecodes());
            o.put("checksum", k.checksum());
            o.put("checksum_match", k.checksumMatches());
            o.put("stack_peak_bytes", k.stackPeakBytes());
            kernels.add(o);
        }
        c.put("kernels", kernels);
        c.put("summary", stats(r.cycleErrors()));
        Map<String, Object> loo = Json.object();
        List<Object> families = Json.array();
        r.costs().leaveOneOutByFamily().forEach((family, e) -> {
            Map<String, Object> f = Json.object();
            f.put("family", family);
            f.put("summary", stats(e));
            families.add(f);
        });
        loo.put("families", families);
        loo.put("summary", stats(r.costs().leaveOneOutErrors()));
        c.put("leave_one_family_out", loo);
        Map<String, Object> targets = Json.object();
        targets.put("median_abs_error_percent", r.core().medianTargetPercent());
        targets.put("max_abs_error_percent", r.core().maxTargetPercent());
        targets.put("met", r.meetsCycleTargets());
        c.put("targets", targets);
        Map<String, Object> code = Json.object();
        code.put("truth_column", r.core().codeBytesColumn());
        code.put("model", modelJson(r.board().codeSize()));
        List<Object> fns = Json.array();
        for (CodeSizeFit.Row row : r.codeRows()) {
            Map<String, Object> o = Json.object();
            o.put("c_function", row.cFunction());
            o.put("bench_ids", row.benchIds().stream().mapToInt(Integer::intValue).toArray());
            o.put("java_methods", row.code().methods());
            o.put("bytecode_bytes", row.code().bytecodeBytes());
            o.put("ground_truth_bytes", row.truthBytes());
            o.put("model_bytes", row.code().modelBytes(r.board().codeSize()));
            o.put("error_percent", round(row.errorPercent(r.board().codeSize())));
            o.put("included", row.included());
            fns.add(o);
        }
        code.put("functions", fns);
        code.put("summary", stats(r.codeErrors()));
        Map<String, Object> refit = modelJson(r.refit());
        refit.put("summary", stats(r.refitErrors()));
        code.put("refit", refit);
        c.put("code_size", code);
        return c;
    }

    private static Map<String, Object> stackJson(StackCheck stack, CoreResult avr) {
        Map<String, Object> o = Json.object();
        o.put("core", avr.core().id());
        o.put("board", avr.board().id());
        List<Object> fns = Json.array();
        for (StackCheck.Row row : stack.rows()) {
            Map<String, Object> f = Json.object();
            f.put("c_function", row.cFunction());
            f.put("bench_ids", row.benchIds().stream().mapToInt(Integer::intValue).toArray());
            f.put("emulator_bytes", row.emulatorBytes());
            f.put("avr_own_bytes", row.avrOwnBytes());
            f.put("avr_chain_bytes", row.avrChainBytes());
            f.put("error_percent", round(row.errorPercent()));
            fns.add(f);
        }
        o.put("functions", fns);
        o.put("summary", stats(stack.errors()));
        Map<String, Object> measured = Json.object();
        measured.put("ramend", StackCheck.RAMEND);
        measured.put("lowest_sp", StackCheck.LOWEST_SP);
        measured.put("bytes", StackCheck.measuredWholeImageBytes());
        measured.put("opt", "-Os");
        o.put("measured_whole_image", measured);
        Map<String, Object> frame = Json.object();
        frame.put("frame_base_bytes", avr.board().memory().frameBaseBytes());
        frame.put("frame_spill_bytes_per_stack_slot", avr.board().memory().frameSpillBytesPerStackSlot());
        o.put("frame_model", frame);
        return o;
    }

    private static Map<String, Object> modelJson(CodeSizeModel m) {
        Map<String, Object> o = Json.object();
        o.put("expansion_per_bytecode_byte", m.expansionPerBytecodeByte());
        o.put("per_method_bytes", m.perMethodBytes());
        o.put("calibrated", m.calibrated());
        return o;
    }

    private static Map<String, Object> stats(ErrorStats e) {
        Map<String, Object> o = Json.object();
        o.put("count", e.count());
        o.put("median_abs_error_percent", round(e.medianAbs()));
        o.put("max_abs_error_percent", round(e.maxAbs()));
        o.put("median_signed_error_percent", round(e.medianSigned()));
        return o;
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
