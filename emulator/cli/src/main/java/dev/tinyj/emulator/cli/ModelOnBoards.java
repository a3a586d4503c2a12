package dev.tinyj.emulator.cli;

import dev.tinyj.boards.Board;
import dev.tinyj.emulator.run.Inference;
import dev.tinyj.emulator.run.ModelBuild;
import dev.tinyj.emulator.run.ResultsTable.OutputCheck;
import dev.tinyj.emulator.run.ResultsTable.Row;
import dev.tinyj.emulator.run.ResultsTable.Tflm;
import dev.tinyj.emulator.toolchain.compile.CompileException;
import dev.tinyj.emulator.toolchain.tflite.TfliteException;
import dev.tinyj.emulator.vm.SubsetException;
import dev.tinyj.emulator.vm.decode.Program;
import dev.tinyj.emulator.vm.exec.GuestFault;
import dev.tinyj.emulator.vm.exec.MachineOptions;
import dev.tinyj.emulator.vm.load.ImageException;
import dev.tinyj.emulator.vm.memory.MemoryAccount;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One model on a few boards, as {@code tinyj results} measures it (for a folder of models and for
 * a corpus alike): the model compiled once, or refused with its first problem; then on each board
 * the inference firmware linked with its resolver, checked against the board's SRAM and flash
 * ({@link RunFit}), and, when it fits, one inference run in the emulator. A row per board; a
 * model's own trouble (refused, does not fit, guest fault) is a row, never an exception.
 */
final class ModelOnBoards {
    /**
     * A model compiled, or why not.
     *
     * @param build the compiled model, or {@code null} when refused
     * @param refusal {@code unsupported: <first problem> (+N more)}, or {@code null} when compiled
     */
    record Compiled(ModelBuild build, String refusal) {
        /** Whether the model compiled. */
        boolean ok() {
            return build != null;
        }
    }

    private ModelOnBoards() {
    }

    /**
     * Reads and compiles {@code bytes} (a .tflite file named {@code model}); never throws for the
     * model's own trouble (a malformed file or an unsupported operator is a refusal).
     */
    static Compiled compile(byte[] bytes, String model) {
        try {
            return new Compiled(ModelBuild.of(bytes, model), null);
        } catch (TfliteException e) {
            return new Compiled(null, "unsupported: " + firstLine(e.getMessage()));
        } catch (CompileException e) {
            return new Compiled(null, "unsupported: "
                    + (e.problems().isEmpty() ? firstLine(e.getMessage()) : e.problems().get(0))
                    + (e.problems().size() > 1 ? " (+" + (e.problems().size() - 1) + " more)" : ""));
        }
    }

    /**
     * The rows of one model on every board, in board order; progress (a line per board with its
     * wall time) goes to {@code err}.
     *
     * @param input the input bytes (all inputs concatenated), or {@code null} for a random input
     *     seeded with {@code tinyj run}'s default seed ({@link RunCommand#DEFAULT_SEED})
     * @param expected the output bytes the run must give (all outputs concatenated), or {@code null}
     *     for none; a run's row says whether its output was byte-identical
     */
    static List<Row> measure(Compiled c, String model, List<Board> boards, Optional<Tflm> tflm, byte[] input,
            byte[] expected, PrintStream err) {
        List<Row> rows = new ArrayList<>();
        for (Board board : boards) {
            long t0 = System.nanoTime();
            Row row = c.ok() ? onBoard(c.build(), model, board, tflm, input, expected)
                    : new Row(model, board.id(), c.refusal(), -1, tflm, -1, 0, OptionalDouble.empty(), -1,
                            board.sram().size(), -1, board.flash().size(), board.costs().calibrated(),
                            OutputCheck.NONE);
            rows.add(row);
            err.printf(Locale.ROOT, "results:   %-20s %5.1f s  %s%n", board.id(), (System.nanoTime() - t0) / 1e9,
                    row.ran() ? String.format(Locale.ROOT, "%,d cycles, %.3f ms%s", row.cycles(), row.ms(),
                            row.output() == OutputCheck.NONE ? "" : ", output " + row.output().name().toLowerCase(
                                    Locale.ROOT)) : row.status());
        }
        return rows;
    }

    private static Row onBoard(ModelBuild build, String model, Board board, Optional<Tflm> tflm, byte[] input,
            byte[] expected) {
        long arena = build.model().arenaBytes();
        int sramCap = board.sram().size();
        int flashCap = board.flash().size();
        boolean cal = board.costs().calibrated();
        Program program;
        try {
            program = Inference.firmware(build, board);
        } catch (ImageException | SubsetException e) {
            return new Row(model, board.id(), "firmware did not link: " + firstLine(e.getMessage()), arena, tflm, -1,
                    0, OptionalDouble.empty(), -1, sramCap, -1, flashCap, cal, OutputCheck.NONE);
        }
        RunFit fit = RunFit.check(build, program, board);
        long sram = fit.sramNeeded();
        long flash = fit.flashNeeded();
        List<String> problems = new ArrayList<>();
        if (!fit.sramFits(board)) {
            problems.add("SRAM needs " + RunReport.n(sram) + " of " + RunReport.n(sramCap) + " B");
        }
        if (!fit.flashFits(board)) {
            problems.add("flash needs " + RunReport.n(flash) + " of " + RunReport.n(flashCap) + " B");
        }
        if (!problems.isEmpty()) {
            return new Row(model, board.id(), "does not fit: " + String.join("; ", problems), arena, tflm, -1, 0,
                    OptionalDouble.empty(), sram, sramCap, flash, flashCap, cal, OutputCheck.NONE);
        }
        try {
            Inference.Result r = Inference.run(build, program, board,
                    input == null ? RunCommand.randomInput(build, RunCommand.DEFAULT_SEED) : input,
                    MachineOptions.DEFAULT_WATCHDOG_CYCLES, 0);
            MemoryAccount m = r.machine().memory();
            long flashUsed = Inference.flashNeeded(build, r.machine().program(), board);
            OutputCheck check = expected == null ? OutputCheck.NONE
                    : Arrays.equals(expected, r.output()) ? OutputCheck.IDENTICAL : OutputCheck.DIFFERS;
            return new Row(model, board.id(), "ok", arena, tflm, r.cycles(), r.latencyMs(), r.energyMicrojoules(),
                    m.sramPeakBytes(), sramCap, flashUsed, flashCap, cal, check);
        } catch (GuestFault f) {
            return new Row(model, board.id(), "fault: " + f.kind() + ": " + firstLine(f.getMessage()), arena, tflm,
                    -1, 0, OptionalDouble.empty(), sram, sramCap, flash, flashCap, cal, OutputCheck.NONE);
        }
    }

    /** The first line of {@code s}, stripped ({@code (no message)} for none). */
    static String firstLine(String s) {
        if (s == null) {
            return "(no message)";
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).strip();
    }
}
