package dev.tinyj.emulator.cli;

import dev.tinyj.boards.Board;
import dev.tinyj.boards.DutyCycle;
import dev.tinyj.boards.Figure;
import dev.tinyj.emulator.run.Inference;
import dev.tinyj.emulator.run.ModelBuild;
import dev.tinyj.emulator.run.TensorFiles;
import dev.tinyj.emulator.toolchain.compile.CompiledModel;
import dev.tinyj.emulator.toolchain.compile.CompiledOp;
import dev.tinyj.emulator.toolchain.compile.CompiledTensor;
import dev.tinyj.emulator.toolchain.graph.DType;
import dev.tinyj.emulator.toolchain.report.Macs;
import dev.tinyj.emulator.vm.memory.MemoryAccount;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The text report of {@code tinyj run}: outputs, then cycles, energy (per inference, at the duty
 * cycle, battery life), memory and the per-op profile.
 */
final class RunText {
    private RunText() {
    }

    static String report(RunOutcome o) {
        ModelBuild build = o.build();
        Inference.Result r = o.result();
        Board board = o.board();
        String inputNote = o.inputNote();
        boolean hypothetical = o.hypothetical();
        StringBuilder sb = new StringBuilder();
        String mark = hypothetical ? " (HYPOTHETICAL: enlarged memory map)" : "";
        sb.append(String.format(Locale.ROOT, "tinyj run: %s on %s (%s, %s), %s%s%n", build.model().name(), board.id(),
                board.mcu(), RunReport.mhz(board.clockHz()), inputNote, mark));
        outputs(sb, build, r.output());
        long macs = Macs.total(build.tflite(), build.model());
        sb.append(String.format(Locale.ROOT, "%ncycles     %s = %,.3f ms at %s (cost table %s, %s)%n",
                RunReport.n(r.cycles()), r.latencyMs(), RunReport.mhz(board.clockHz()), board.core(),
                board.costs().calibrated() ? "calibrated" : "uncalibrated estimate"));
        DutyCycle duty = o.dutyCycle();
        Figure energy = duty.activeMicrojoules();
        sb.append("energy     ").append(energy.known() ? EnergyText.uj(energy) + " per inference ("
                + EnergyText.activeFigures(board) + " active)" : EnergyText.uj(energy)).append('\n');
        sb.append("duty cycle ").append(EnergyText.dutyCycle(duty, o.inferencesPerSecond())).append('\n');
        sb.append("battery    ").append(EnergyText.battery(o.battery(), duty, "at "
                + EnergyText.rate(o.inferencesPerSecond()))).append('\n');
        sb.append(String.format(Locale.ROOT, "MACs       %s (%s cycles per MAC)%n", RunReport.n(macs),
                macs == 0 ? "-" : String.format(Locale.ROOT, "%.1f", (double) r.cycles() / macs)));
        if (!build.model().folding().folded().isEmpty()) {
            sb.append("folded     at compile time: ").append(build.model().folding().summary()).append('\n');
        }
        MemoryAccount m = r.machine().memory();
        long sram = m.sramPeakBytes();
        sb.append(String.format(Locale.ROOT,
                "SRAM       %s / %s B%s: VM base %s B, statics %s B, arena %s B%s (heap %s B), stack peak %s B%n",
                RunReport.n(sram), RunReport.n(board.sram().size()), mark, RunReport.n(m.vmSramBytes()),
                RunReport.n(m.staticBytes()), RunReport.n(build.model().arenaBytes()), arenaSplit(build.model()),
                RunReport.n(m.heapBytes()),
                RunReport.n(m.stackPeakBytes())));
        long flash = Inference.flashNeeded(build, r.machine().program(), board);
        sb.append(String.format(Locale.ROOT, "flash      %s / %s B: code %s B (%s), model image %s B%n",
                RunReport.n(flash), RunReport.n(board.flash().size()), RunReport.n(m.flashCodeBytes()),
                RunReport.codeEstimate(board),
                RunReport.n(build.image().length)));
        sb.append(String.format("%nper op%n  %-3s %-28s %-16s %12s %12s %6s%n", "#", "op", "output", "MACs", "cycles", "%"));
        for (CompiledOp op : build.model().ops()) {
            CompiledTensor out = build.model().tensors().get(op.output());
            long c = r.opCycles()[op.index()];
            sb.append(String.format(Locale.ROOT, "  %-3d %-28s %-16s %12s %12s %6.1f%s%n", op.sourceIndex(), op.name(),
                    java.util.Arrays.toString(out.shape()).replace(" ", ""), RunReport.n(Macs.of(build.tflite(), build.model(), op)),
                    RunReport.n(c), r.cycles() == 0 ? 0.0 : 100.0 * c / r.cycles(), op.inPlace() ? " (in place)" : ""));
        }
        boolean fits = o.fits();
        if (o.expect() != null) {
            TensorFiles.Comparison c = o.expect();
            if (c.match() && c.ulpTolerance() == 0) {
                sb.append("\nexpect: output bytes identical to ").append(c.path()).append('\n');
            } else if (c.match()) {
                sb.append("\nexpect: outputs match ").append(c.path()).append(' ').append(RunReport.ulpNote(c))
                        .append('\n');
            } else {
                sb.append(String.format(Locale.ROOT, "%nexpect: MISMATCH: %,d of %,d output elements differ from %s%s%s%n",
                        c.differing(), c.elements(), c.path(), c.ulpTolerance() == 0 ? "" : " " + RunReport.ulpNote(c),
                        c.differing() > c.first().size() ? " (first " + c.first().size() + " shown)" : ""));
                for (String d : c.first()) {
                    sb.append("  ").append(d).append('\n');
                }
            }
        }
        sb.append(String.format(Locale.ROOT, "%nverdict    %s%n", fits
                ? "fits " + board.id() + String.format(Locale.ROOT, " (SRAM %.1f%%, flash %.1f%%)",
                        100.0 * sram / board.sram().size(), 100.0 * flash / board.flash().size())
                : "does NOT fit " + board.id() + " (figures above are hypothetical)"));
        for (String p : o.fit().problems()) {
            sb.append("           ").append(p).append('\n');
        }
        return sb.toString();
    }

    /**
     * The values of output {@code t} whose bytes start at {@code at}: float32 as is, int8
     * dequantized (real = scale × (q − zero_point); q itself without quantization), int16 and int32
     * likewise from their little-endian integers.
     */
    static double[] dequantize(CompiledTensor t, byte[] bytes, int at) {
        int n = t.bytes() / Math.max(1, t.type().bytes());
        double[] v = new double[n];
        ByteBuffer bb = ByteBuffer.wrap(bytes, at, t.bytes()).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++) {
            if (t.type() == DType.FLOAT32) {
                v[i] = bb.getFloat();
                continue;
            }
            long q = switch (t.type()) {
                case INT16 -> bb.getShort(at + 2 * i);
                case INT32 -> bb.getInt(at + 4 * i);
                case UINT8 -> bytes[at + i] & 0xff;
                default -> bytes[at + i];
            };
            v[i] = t.quantization() == null ? q
                    : t.quantization().scale0() * (double) (q - t.quantization().zeroPoint0());
        }
        return v;
    }

    /**
     * Each output dequantized (real = scale × (q − zero_point)): every value up to 8, the top 5 of a
     * SOFTMAX output (a classifier), else the first 8 and the count.
     */
    private static void outputs(StringBuilder sb, ModelBuild build, byte[] bytes) {
        int at = 0;
        int k = 0;
        for (CompiledTensor t : Inference.outputs(build)) {
            int n = t.bytes() / Math.max(1, t.type().bytes());
            double[] v = dequantize(t, bytes, at);
            at += t.bytes();
            sb.append(String.format(Locale.ROOT, "output %d '%s' %s%s:", k++, t.name(), t.type().label(),
                    java.util.Arrays.toString(t.shape()).replace(" ", "")));
            boolean classifier = build.model().ops().stream()
                    .anyMatch(op -> op.output() == t.index()
                            && (op.name().equals("SOFTMAX") || op.name().equals("LOG_SOFTMAX")));
            if (n > 8 && !classifier) {
                for (int i = 0; i < 8; i++) {
                    sb.append(String.format(Locale.ROOT, " %.4f", v[i]));
                }
                sb.append(String.format(Locale.ROOT, " ... (%,d values)%n", n));
            } else if (n <= 8) {
                for (double x : v) {
                    sb.append(String.format(Locale.ROOT, " %.4f", x));
                }
                sb.append('\n');
            } else {
                List<Integer> idx = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    idx.add(i);
                }
                idx.sort(Comparator.comparingDouble((Integer i) -> -v[i]).thenComparingInt(i -> i));
                sb.append(" top 5");
                for (int i = 0; i < 5; i++) {
                    sb.append(String.format(Locale.ROOT, "  [%d] %.4f", idx.get(i), v[idx.get(i)]));
                }
                sb.append('\n');
            }
        }
    }

    /**
     * {@code " = planned 672 + persistent 10,240"} for a model with state (variable tensors), else
     * empty: the arena's reused and persistent regions.
     */
    static String arenaSplit(CompiledModel model) {
        return model.persistentBytes() == 0 ? "" : " = planned " + RunReport.n(model.plannedBytes())
                + " + persistent " + RunReport.n(model.persistentBytes());
    }
}
