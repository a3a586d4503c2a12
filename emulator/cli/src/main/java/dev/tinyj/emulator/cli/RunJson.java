package dev.tinyj.emulator.cli;

import dev.tinyj.boards.Battery;
import dev.tinyj.boards.Board;
import dev.tinyj.boards.DutyCycle;
import dev.tinyj.boards.Figure;
import dev.tinyj.boards.PowerModel;
import dev.tinyj.emulator.run.Inference;
import dev.tinyj.emulator.run.ModelBuild;
import dev.tinyj.emulator.run.TensorFiles;
import dev.tinyj.emulator.toolchain.compile.CompiledOp;
import dev.tinyj.emulator.toolchain.compile.CompiledTensor;
import dev.tinyj.emulator.toolchain.report.Json;
import dev.tinyj.emulator.toolchain.report.Macs;
import dev.tinyj.emulator.vm.memory.MemoryAccount;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The JSON report of {@code tinyj run --format json}; every key is documented in
 * {@code docs/report-schema.md}. Deterministic: the same run gives the same bytes (no timestamps,
 * no wall-clock figures, keys in a fixed order).
 */
final class RunJson {
    /** Version of the report's layout; bumped when a key changes meaning or is removed. */
    static final int SCHEMA = 1;

    private RunJson() {
    }

    static String report(RunOutcome o) {
        return Json.write(tree(o));
    }

    /** The report as an ordered JSON tree ({@code verdict} last). */
    static Map<String, Object> tree(RunOutcome o) {
        ModelBuild build = o.build();
        Inference.Result r = o.result();
        Board board = o.board();
        MemoryAccount m = r.machine().memory();
        Map<String, Object> root = Json.object();
        root.put("schema", SCHEMA);
        root.put("tinyj_version", Main.VERSION);
        Map<String, Object> b = Json.object();
        b.put("id", board.id());
        b.put("mcu", board.mcu());
        b.put("core", board.core());
        b.put("clock_hz", board.clockHz());
        b.put("supply_v", known(board.power().supplyVolts()));
        b.put("active_mw", known(board.power().activeMilliwatts()));
        root.put("board", b);
        Map<String, Object> model = Json.object();
        model.put("name", build.model().name());
        model.put("path", o.modelPath());
        model.put("tflite_bytes", build.tfliteBytes());
        model.put("image_bytes", build.image().length);
        root.put("model", model);
        Map<String, Object> input = Json.object();
        input.put("source", o.inputPath() == null ? "random" : "file");
        input.put("path", o.inputPath());
        root.put("input", input);
        root.put("seed", o.seed());
        List<Object> outputs = Json.array();
        int at = 0;
        int k = 0;
        for (CompiledTensor t : Inference.outputs(build)) {
            Map<String, Object> out = Json.object();
            out.put("index", k++);
            out.put("name", t.name());
            out.put("dtype", t.type().label());
            out.put("shape", t.shape());
            out.put("scale", t.quantization() == null ? null : (Object) t.quantization().scale0());
            out.put("zero_point", t.quantization() == null ? null : (Object) t.quantization().zeroPoint0());
            List<Object> values = Json.array();
            for (double v : RunText.dequantize(t, r.output(), at)) {
                values.add((float) v);
            }
            out.put("values", values);
            out.put("raw_hex", HexFormat.of().formatHex(r.output(), at, at + t.bytes()));
            outputs.add(out);
            at += t.bytes();
        }
        root.put("outputs", outputs);
        long macs = Macs.total(build.tflite(), build.model());
        root.put("cycles", r.cycles());
        root.put("latency_ms", r.latencyMs());
        var energy = r.energyMicrojoules();
        root.put("energy_uj", energy.isPresent() ? (Object) energy.getAsDouble() : null);
        DutyCycle duty = o.dutyCycle();
        root.put("duty_cycle", dutyCycle(duty, o.inferencesPerSecond()));
        root.put("battery", battery(o.battery(), duty));
        root.put("macs", macs);
        root.put("cycles_per_mac", macs == 0 ? null : (Object) ((double) r.cycles() / macs));
        if (!build.model().folding().folded().isEmpty()) {
            root.put("folded", build.model().folding().folded());
        }
        root.put("calibrated", board.costs().calibrated());
        Map<String, Object> sram = Json.object();
        sram.put("vm_base", m.vmSramBytes());
        sram.put("static", m.staticBytes());
        sram.put("arena", build.model().arenaBytes());
        sram.put("arena_planned", build.model().plannedBytes());
        sram.put("arena_persistent", build.model().persistentBytes());
        sram.put("heap", m.heapBytes());
        sram.put("stack_peak", m.stackPeakBytes());
        sram.put("total", o.sramTotal());
        sram.put("capacity", board.sram().size());
        root.put("sram", sram);
        Map<String, Object> flash = Json.object();
        flash.put("code", m.flashCodeBytes());
        flash.put("constants", r.machine().program().constantBytes());
        flash.put("model", build.image().length);
        flash.put("total", o.flashTotal());
        flash.put("capacity", board.flash().size());
        root.put("flash", flash);
        List<Object> ops = Json.array();
        for (CompiledOp op : build.model().ops()) {
            Map<String, Object> e = Json.object();
            long c = r.opCycles()[op.index()];
            e.put("index", op.index());
            e.put("tflite_index", op.sourceIndex());
            e.put("op", op.name());
            e.put("output_shape", build.model().tensors().get(op.output()).shape());
            e.put("macs", Macs.of(build.tflite(), build.model(), op));
            e.put("cycles", c);
            e.put("percent", r.cycles() == 0 ? 0.0 : Math.round(1000.0 * c / r.cycles()) / 10.0);
            e.put("in_place", op.inPlace());
            ops.add(e);
        }
        root.put("ops", ops);
        TensorFiles.Comparison c = o.expect();
        if (c == null) {
            root.put("expect", null);
        } else {
            Map<String, Object> ex = Json.object();
            ex.put("path", c.path());
            ex.put("match", c.match());
            ex.put("elements", c.elements());
            ex.put("differing", c.differing());
            ex.put("ulp_tolerance", c.ulpTolerance());
            ex.put("max_ulps", c.maxUlps());
            List<Object> first = Json.array();
            first.addAll(c.first());
            ex.put("first_differences", first);
            root.put("expect", ex);
        }
        Map<String, Object> verdict = Json.object();
        verdict.put("fits", o.fits());
        List<Object> problems = Json.array();
        problems.addAll(o.fit().problems());
        verdict.put("problems", problems);
        verdict.put("hypothetical", o.hypothetical());
        verdict.put("exit_code", o.exitCode());
        root.put("verdict", verdict);
        return root;
    }

    /** A figure's value, or null when unknown. */
    static Object known(Figure f) {
        return f.known() ? (Object) f.value() : null;
    }

    /** The {@code duty_cycle} object: one inference per period, asleep the rest of it. */
    private static Map<String, Object> dutyCycle(DutyCycle d, double perSecond) {
        Map<String, Object> m = Json.object();
        PowerModel p = d.board().power();
        m.put("inferences_per_second", perSecond);
        m.put("period_ms", d.periodSeconds() * 1000);
        m.put("active_ms", d.activeSeconds() * 1000);
        m.put("sleep_ms", d.feasible() ? (Object) (d.sleepSeconds() * 1000) : null);
        m.put("feasible", d.feasible());
        m.put("sleep_mode", p.timedSleepMode().known() ? p.timedSleepMode().text() : null);
        m.put("sleep_ua", known(p.timedSleepMicroamps()));
        m.put("sleep_uj", known(d.sleepMicrojoules()));
        m.put("energy_uj", known(d.microjoules()));
        m.put("average_mw", known(d.averageMilliwatts()));
        Figure avg = d.averageMilliwatts();
        m.put("note", !d.feasible() ? d.infeasible("inference") : avg.known() ? null : avg.source());
        return m;
    }

    /** The {@code battery} object: the battery of the estimate and how long it lasts at the duty cycle. */
    private static Map<String, Object> battery(BatteryChoice c, DutyCycle d) {
        Map<String, Object> m = Json.object();
        m.put("origin", c.origin());
        Battery b = c.battery().orElse(null);
        m.put("capacity_mah", b == null ? null : (Object) b.milliampHours());
        m.put("volts", b == null ? null : (Object) b.volts());
        m.put("energy_j", b == null ? null : (Object) b.joules());
        Figure hours = b == null || !d.feasible() ? null : d.batteryHours(b);
        m.put("life_hours", hours == null ? null : known(hours));
        m.put("life_days", hours == null || !hours.known() ? null : (Object) (hours.value() / 24));
        m.put("note", b == null ? c.why() : !d.feasible() ? "the duty cycle is infeasible"
                : hours.known() ? null : hours.source());
        return m;
    }
}
