package dev.tinyj.emulator.cli;

import dev.tinyj.boards.Board;
import dev.tinyj.boards.BoardException;
import dev.tinyj.boards.Boards;
import dev.tinyj.emulator.run.Corpus;
import dev.tinyj.emulator.run.CorpusTable;
import dev.tinyj.emulator.run.InputException;
import dev.tinyj.emulator.run.ResultsTable;
import dev.tinyj.emulator.run.ResultsTable.Row;
import dev.tinyj.emulator.toolchain.compile.ArenaReport;
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
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code tinyj results}: runs every {@code .tflite} model of a folder on a few boards and writes the
 * results table (fits or why not, cycles, ms, µJ, SRAM, flash, arena vs TFLM's) as Markdown; with
 * {@code --readme}, also the compact table between the README's results markers. With
 * {@code --corpus DIR}, the models of a corpus ({@link Corpus}: index.csv, models, TFLM's golden
 * cases) instead: {@link CorpusResults}, written as {@code docs/corpus.md} and the README's corpus
 * section ({@link CorpusTable}).
 */
final class ResultsCommand extends Command {
    static final String DEFAULT_MODELS = "../shared/models";
    static final List<String> DEFAULT_BOARDS = List.of("arduino-uno", "arduino-nano-33-ble", "nucleo-l4r5zi");
    static final String DEFAULT_OUT = "docs/results.md";
    static final String DEFAULT_CORPUS_OUT = "docs/corpus.md";

    private static final String HELP = """
            usage: tinyj results [--models DIR] [--boards a,b,c] [--out PATH] [--readme PATH]
                   tinyj results --corpus DIR [--boards a,b,c] [--out PATH] [--readme PATH]

            Runs every .tflite model in DIR on each board: compiles it (unsupported models say why),
            checks that its firmware fits the board's SRAM and flash (or says by how much it does not),
            else runs one inference on a random input (seed 1), and writes a Markdown table per board:
            cycles, ms, uJ, SRAM peak and flash against capacity, TinyJ's arena against TFLM's (from the
            golden READMEs beside the models, when present). MLPerf Tiny models on nucleo-l4r5zi are
            shown beside MLPerf Tiny's published figures. Progress goes to standard error.

            With --corpus, the models of a corpus folder laid out as ../shared/models/corpus (index.csv:
            name, file, tflm_status, repo, arena_head_i386, arena_i386; golden/<name>.case<k>.input.bin
            and .output.bin): per model TFLM's verdict, whether TinyJ compiles it or its first refusal,
            its golden cases run on the host JVM and compared byte for byte with TFLM's, and on each
            board the same figures as above from one emulated inference on the first golden case's
            input (its output compared with TFLM's too). Writes docs/corpus.md; with --readme, the
            README's corpus section: how many of the models TFLM runs TinyJ runs byte-identically, a
            model x board table and the models not run, with why. Long: the 52 models of
            ../shared/models/corpus took 9.4 minutes on 2 busy cores (3.2 minutes of CPU).

              --models DIR     folder of .tflite models (default ../shared/models, the team's models)
              --corpus DIR     a corpus folder instead (e.g. ../shared/models/corpus)
              --boards LIST    comma-separated board ids (default arduino-uno,arduino-nano-33-ble,nucleo-l4r5zi)
              --out PATH       the Markdown file to write (default docs/results.md; docs/corpus.md
                               with --corpus)
              --readme PATH    also replace the text between <!-- results:begin --> and
                               <!-- results:end --> in this file with a compact table (with --corpus:
                               between <!-- corpus:begin --> and <!-- corpus:end -->)

            exit codes: 0 table written (whatever the rows say), 2 bad input (folder, index.csv, a
            model or golden file missing, board, markers)
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
        return Set.of("models", "corpus", "boards", "out", "readme");
    }

    /** Keeps the command line for the generated text, then runs. */
    int runWithArgs(String[] args) throws UsageException {
        argv.clear();
        argv.addAll(List.of(args));
        return run(args);
    }

    @Override
    int execute(Args a) throws UsageException {
        boolean corpus = a.has("corpus");
        if (corpus && a.has("models")) {
            throw new UsageException("results: give --models DIR or --corpus DIR, not both (they write different "
                    + "pages: " + DEFAULT_OUT + " and " + DEFAULT_CORPUS_OUT + ")");
        }
        Corpus c = null;
        List<Path> models = List.of();
        if (corpus) {
            c = corpus(Path.of(a.get("corpus", "")));
        } else {
            models = models(a);
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
        Path outFile = Path.of(a.get("out", corpus ? DEFAULT_CORPUS_OUT : DEFAULT_OUT));
        String begin = corpus ? CorpusTable.BEGIN : ResultsTable.BEGIN;
        String end = corpus ? CorpusTable.END : ResultsTable.END;
        Path readme = a.has("readme") ? Path.of(a.get("readme", null)) : null;
        String readmeText = null;
        if (readme != null) {
            readmeText = read(readme, "--readme");
            try {
                ResultsTable.splice(readmeText, begin, end, "");
            } catch (IllegalArgumentException e) {
                throw new UsageException("results: --readme " + readme + " " + e.getMessage());
            }
        }
        long start = System.nanoTime();
        String command = "./tinyj results" + (argv.isEmpty() ? "" : " " + String.join(" ", argv));
        String date = LocalDate.now(ZoneOffset.UTC).toString();
        List<String> boardIds = boards.stream().map(Board::id).toList();
        String doc = readme == null ? null : docLink(readme, outFile);
        String page;
        String section;
        int count;
        if (corpus) {
            List<CorpusTable.Result> results = CorpusResults.measure(c, boards, err);
            page = CorpusTable.markdown(command, date, a.get("corpus", ""), boardIds, results);
            section = doc == null ? null : CorpusTable.compact(command, date, doc, boardIds, results);
            count = results.size();
        } else {
            List<Row> rows = measure(models, boards);
            page = ResultsTable.markdown(command, date, boardIds, rows);
            section = doc == null ? null : ResultsTable.compact(command, date, doc, boardIds, rows);
            count = models.size();
        }
        write(outFile, page);
        err.println("results: wrote " + outFile);
        if (readme != null) {
            write(readme, ResultsTable.splice(readmeText, begin, end, section));
            err.println("results: updated the " + (corpus ? "corpus" : "results") + " section of " + readme);
        }
        err.printf(Locale.ROOT, "results: %d models x %d boards in %.1f s%n", count, boards.size(),
                (System.nanoTime() - start) / 1e9);
        return 0;
    }

    /** The .tflite files of {@code --models}, sorted. */
    private static List<Path> models(Args a) throws UsageException {
        Path dir = Path.of(a.get("models", DEFAULT_MODELS));
        if (!Files.isDirectory(dir)) {
            throw new UsageException("results: models folder " + dir + " not found"
                    + (a.has("models") ? "" : " (the default is the team's ../shared/models; pass --models DIR)"));
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
        return models;
    }

    /** The corpus of {@code --corpus}, checked before anything runs. */
    private static Corpus corpus(Path dir) throws UsageException {
        try {
            return Corpus.read(dir);
        } catch (InputException e) {
            throw new UsageException("results: " + e.getMessage());
        } catch (IOException e) {
            throw new UsageException("results: cannot read corpus " + dir + ": " + IoErrors.describe(e));
        }
    }

    /** Every model of the folder on every board, with progress on standard error. */
    private List<Row> measure(List<Path> models, List<Board> boards) throws UsageException {
        List<Row> rows = new ArrayList<>();
        for (int k = 0; k < models.size(); k++) {
            Path file = models.get(k);
            String model = file.getFileName().toString().replaceFirst("\\.tflite$", "");
            err.printf(Locale.ROOT, "results: [%d/%d] %s%n", k + 1, models.size(), model);
            Optional<ResultsTable.Tflm> tflm = ArenaReport.TflmArena.beside(file, model)
                    .map(t -> new ResultsTable.Tflm(t.headBytes(), t.usedBytes()));
            rows.addAll(ModelOnBoards.measure(ModelOnBoards.compile(readBytes(file), model), model, boards, tflm,
                    null, null, err));
        }
        return rows;
    }

    static String docLink(Path readme, Path outFile) {
        Path base = readme.toAbsolutePath().normalize().getParent();
        Path target = outFile.toAbsolutePath().normalize();
        try {
            return base == null ? target.toString() : base.relativize(target).toString().replace('\\', '/');
        } catch (IllegalArgumentException e) {
            return target.toString();
        }
    }

    static String read(Path p, String what) throws UsageException {
        try {
            return new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UsageException("results: cannot read " + what + " " + p + ": " + IoErrors.describe(e));
        }
    }

    static byte[] readBytes(Path p) throws UsageException {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UsageException("results: cannot read " + p + ": " + IoErrors.describe(e));
        }
    }

    static void write(Path p, String text) throws UsageException {
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
