package dev.tinyj.emulator.cli;

import dev.tinyj.boards.Board;
import dev.tinyj.boards.BoardException;
import dev.tinyj.boards.Boards;
import dev.tinyj.emulator.run.Inference;
import dev.tinyj.emulator.run.ModelBuild;
import dev.tinyj.emulator.run.ResultsTable;
import dev.tinyj.emulator.run.ResultsTable.Row;
import dev.tinyj.emulator.toolchain.compile.ArenaReport;
import dev.tinyj.emulator.toolchain.compile.CompileException;
import dev.tinyj.emulator.toolchain.tflite.TfliteException;
import dev.tinyj.emulator.vm.SubsetException;
import dev.tinyj.emulator.vm.decode.Program;
import dev.tinyj.emulator.vm.exec.GuestFault;
import dev.tinyj.emulator.vm.exec.MachineOptions;
import dev.tinyj.emulator.vm.load.ImageException;
import dev.tinyj.emulator.vm.memory.MemoryAccount;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code tinyj results}: runs every {@code .tflite} model of a folder on a few boards and writes the
 * results table (fits or why not, cycles, ms, µJ, SRAM, flash, arena vs TFLM's) as Markdown; with
 * {@code --readme}, also the compact table between the README's results markers.
 */
final class ResultsCommand extends Command {
    static final String DEFAULT_MODELS = "../shared/models";
    static final List<String> DEFAULT_BOARDS = List.of("arduino-uno", "arduino-nano-33-ble", "nucleo-l4r5zi");
    static final String DEFAULT_OUT = "docs/results.md";
    static final long SEED = 1;

    private static final String HELP = """
            usage: tinyj results [--models DIR] [--boards a,b,c] [--out PATH] [--readme PATH]

            Runs every .tflite model in DIR on each board: compiles it (unsupported models say why),
            checks that its firmware fits the board's SRAM and flash (or says by how much it does not),
            else runs one inference on a random input (seed 1), and writes a Markdown table per board:
            cycles, ms, uJ, SRAM peak and flash against capacity, TinyJ's arena against TFLM's (from the
            golden READMEs beside the models, when present). MLPerf Tiny models on nucleo-l4r5zi are
            shown beside MLPerf Tiny's published figures. Progress goes to standard error.

              --models DIR     folder of .tflite models (default ../shared/models, the team's models)
              --boards LIST    comma-separated board ids (default arduino-uno,arduino-nano-33-ble,nucleo-l4r5zi)
              --out PATH       the Markdown file to write (default docs/results.md)
              --readme PATH    also replace the text between <!-- results:begin --> and
                               <!-- results:end --> in this file with a compact table

            exit codes: 0 table written (whatever the rows say), 2 bad input (folder, board, markers)
            Cycles, ms and uJ are estimates from the calibrated cost tables (docs/cost-model.md).
            """;

    private final List<String> argv = new ArrayList<>();

    ResultsCommand(PrintStream out, PrintStream err) {
        super(out, err);
    }

    @Override
    String name() {
        return "results";
    }

    @Override
    String help() {
        return HELP;
    }

    @Override
    Set<String> valueFlags() {
        return Set.of("models", "boards", "out", "readme");
    }

    /** Keeps the command line for the generated text, then runs. */
    int runWithArgs(String[] args) throws UsageException {
        argv.clear();
        argv.addAll(List.of(args));
        return run(args);
    }

    @Override
    int execute(Args a) throws UsageException {
        Path dir = Path.of(a.get("models", DEFAULT_MODELS));
        if (!Files.isDirectory(dir)) {
            throw new UsageException("results: models folder " + dir + " not found"
                    + (a.has("models") ? "" : " (the default is the team's ../shared/models; pass --models DIR)"));
        }
        List<Board> boards = new ArrayList<>();
        List<String> ids = a.has("boards") ? List.of(a.get("boards", "").split(",")) : DEFAULT_BOARDS;
        for (String id : ids) {
            try {
                boards.add(Boards.load(id.strip()));
            } catch (BoardException e) {
                throw new UsageException("results: " + e.getMessage());
            }
        }
        Path outFile = Path.of(a.get("out", DEFAULT_OUT));
        Path readme = a.has("readme") ? Path.of(a.get("readme", null)) : null;
        String readmeText = null;
        if (readme != null) {
            readmeText = read(readme, "--readme");
            try {
                ResultsTable.splice(readmeText, "");
            } catch (IllegalArgumentException e) {
                throw new UsageException("results: --readme " + readme + " " + e.getMessage());
            }
        }
        List<Path> models;
        try (Stream<Path> s = Files.list(dir)) {
            models = s.filter(p -> p.getFileName().toString().endsWith(".tflite") && Files.isRegularFile(p))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UsageException("results: cannot list " + dir + ": " + IoErrors.describe(e));
        }
        if (models.isEmpty()) {
            throw new UsageException("results: no .tflite models in " + dir);
        }
        long start = System.nanoTime();
        List<Row> rows = new ArrayList<>();
        for (int k = 0; k < models.size(); k++) {
            Path file = models.get(k);
            String model = file.getFileName().toString().replaceFirst("\\.tflite$", "");
            err.printf(Locale.ROOT, "results: [%d/%d] %s%n", k + 1, models.size(), model);
            rows.addAll(measure(file, model, boards));
        }
        String command = "./tinyj results" + (argv.isEmpty() ? "" : " " + String.join(" ", argv));
        String date = LocalDate.now(ZoneOffset.UTC).toString();
        List<String> boardIds = boards.stream().map(Board::id).toList();
        write(outFile, ResultsTable.markdown(command, date, boardIds, rows));
        err.println("results: wrote " + outFile);
        if (readme != null) {
            String doc = docLink(readme, outFile);
            write(readme, ResultsTable.splice(readmeText, ResultsTable.compact(command, date, doc, boardIds, rows)));
            err.println("results: updated the results section of " + readme);
        }
        err.printf(Locale.ROOT, "results: %d models x %d boards in %.1f s%n", models.size(), boards.size(),
                (System.nanoTime() - start) / 1e9);
        return 0;
    }

    /** The rows of one model on every board; never throws for a model's own trouble. */
    private List<Row> measure(Path file, String model, List<Board> boards) throws UsageException {
        byte[] bytes = readBytes(file);
        List<Row> rows = new ArrayList<>();
        ModelBuild build;
        String unsupported = null;
        try {
            build = ModelBuild.of(bytes, model);
        } catch (TfliteException e) {
            build = null;
            unsupported = "unsupported: " + firstLine(e.getMessage());
        } catch (CompileException e) {
            build = null;
            unsupported = "unsupported: " + (e.problems().isEmpty() ? firstLine(e.getMessage()) : e.problems().get(0))
                    + (e.problems().size() > 1 ? " (+" + (e.problems().size() - 1) + " more)" : "");
        }
        Optional<ResultsTable.Tflm> tflm = ArenaReport.TflmArena.beside(file, model)
                .map(t -> new ResultsTable.Tflm(t.headBytes(), t.usedBytes()));
        for (Board board : boards) {
            long t0 = System.nanoTime();
            Row row;
            if (build == null) {
                row = new Row(model, board.id(), unsupported, -1, tflm, -1, 0, OptionalDouble.empty(), -1,
                        board.sram().size(), -1, board.flash().size(), board.costs().calibrated());
            } else {
                row = onBoard(build, model, board, tflm);
            }
            rows.add(row);
            err.printf(Locale.ROOT, "results:   %-20s %.1f s  %s%n", board.id(), (System.nanoTime() - t0) / 1e9,
                    row.ran() ? String.format(Locale.ROOT, "%,d cycles, %.3f ms", row.cycles(), row.ms())
                            : row.status());
        }
        return rows;
    }

    private Row onBoard(ModelBuild build, String model, Board board, Optional<ResultsTable.Tflm> tflm) {
        long arena = build.model().arenaBytes();
        int sramCap = board.sram().size();
        int flashCap = board.flash().size();
        boolean cal = board.costs().calibrated();
        Program program;
        try {
            program = Inference.firmware(build, board);
        } catch (ImageException | SubsetException e) {
            return new Row(model, board.id(), "firmware did not link: " + firstLine(e.getMessage()), arena, tflm, -1,
                    0, OptionalDouble.empty(), -1, sramCap, -1, flashCap, cal);
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
                    OptionalDouble.empty(), sram, sramCap, flash, flashCap, cal);
        }
        try {
            Inference.Result r = Inference.run(build, program, board, RunCommand.randomInput(build, SEED),
                    MachineOptions.DEFAULT_WATCHDOG_CYCLES, 0);
            MemoryAccount m = r.machine().memory();
            long flashUsed = Inference.flashNeeded(build, r.machine().program(), board);
            return new Row(model, board.id(), "ok", arena, tflm, r.cycles(), r.latencyMs(), r.energyMicrojoules(),
                    m.sramPeakBytes(), sramCap, flashUsed, flashCap, cal);
        } catch (GuestFault f) {
            return new Row(model, board.id(), "fault: " + f.kind() + ": " + firstLine(f.getMessage()), arena, tflm,
                    -1, 0, OptionalDouble.empty(), sram, sramCap, flash, flashCap, cal);
        }
    }

    private static String docLink(Path readme, Path outFile) {
        Path base = readme.toAbsolutePath().normalize().getParent();
        Path target = outFile.toAbsolutePath().normalize();
        try {
            return base == null ? target.toString() : base.relativize(target).toString().replace('\\', '/');
        } catch (IllegalArgumentException e) {
            return target.toString();
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "(no message)";
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).strip();
    }

    private static String read(Path p, String what) throws UsageException {
        try {
            return new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UsageException("results: cannot read " + what + " " + p + ": " + IoErrors.describe(e));
        }
    }

    private static byte[] readBytes(Path p) throws UsageException {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UsageException("results: cannot read " + p + ": " + IoErrors.describe(e));
        }
    }

    private static void write(Path p, String text) throws UsageException {
        try {
            Path parent = p.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(p, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UsageException("results: cannot write " + p + ": " + IoErrors.describe(e));
        }
    }
}
