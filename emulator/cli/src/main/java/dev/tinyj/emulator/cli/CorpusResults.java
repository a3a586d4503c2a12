package dev.tinyj.emulator.cli;

import dev.tinyj.boards.Board;
import dev.tinyj.emulator.run.Corpus;
import dev.tinyj.emulator.run.CorpusTable.Golden;
import dev.tinyj.emulator.run.CorpusTable.Result;
import dev.tinyj.emulator.run.HostInference;
import dev.tinyj.emulator.run.Inference;
import dev.tinyj.emulator.run.ModelBuild;
import dev.tinyj.emulator.run.ResultsTable.Row;
import dev.tinyj.hal.McuStop;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code tinyj results --corpus}: every model of a {@link Corpus}, in index order, through
 * {@link ModelOnBoards} (compiled once; per board linked, fit-checked and, when it fits, run once in
 * the emulator) with its first golden case as the input and TFLM's output as the expected bytes,
 * after its golden cases are checked on the host JVM ({@link HostInference}). One model's data is
 * held at a time; what is kept per model is its {@link Result} (a few hundred bytes).
 */
final class CorpusResults {
    private CorpusResults() {
    }

    /**
     * Measures every model of {@code corpus} on {@code boards}, with progress on {@code err}.
     *
     * @throws UsageException when a model or golden file cannot be read
     */
    static List<Result> measure(Corpus corpus, List<Board> boards, PrintStream err) throws UsageException {
        List<Result> results = new ArrayList<>();
        long start = System.nanoTime();
        int total = corpus.models().size();
        for (int k = 0; k < total; k++) {
            Corpus.Model m = corpus.models().get(k);
            err.printf(Locale.ROOT, "results: [%d/%d] %s (%.0f s so far)%n", k + 1, total, m.name(),
                    (System.nanoTime() - start) / 1e9);
            results.add(one(m, boards, err));
        }
        return results;
    }

    private static Result one(Corpus.Model m, List<Board> boards, PrintStream err) throws UsageException {
        long t0 = System.nanoTime();
        ModelOnBoards.Compiled c = ModelOnBoards.compile(ResultsCommand.readBytes(m.file()), m.name());
        if (!c.ok()) {
            return new Result(m, c.refusal(), -1, Golden.NONE,
                    ModelOnBoards.measure(c, m.name(), boards, m.tflm(), null, null, err));
        }
        ModelBuild build = c.build();
        List<String> identical = new ArrayList<>();
        List<String> differing = new ArrayList<>();
        byte[] input = null;
        byte[] expected = null;
        for (Corpus.Case gc : m.cases()) {
            byte[] in = ResultsCommand.readBytes(gc.input());
            byte[] want = ResultsCommand.readBytes(gc.output());
            String problem = check(build, in, want);
            if (problem == null) {
                identical.add(gc.name());
            } else {
                differing.add(gc.name() + ": " + problem);
            }
            if (input == null && in.length == Inference.inputBytes(build)) {
                input = in;
                expected = want;
            }
        }
        Golden golden = new Golden(List.copyOf(identical), List.copyOf(differing));
        List<String> said = new ArrayList<>();
        if (!identical.isEmpty()) {
            said.add(String.join(", ", identical) + " identical");
        }
        said.addAll(differing);
        err.printf(Locale.ROOT, "results:   %-20s %5.1f s  %s%n", "host golden cases", (System.nanoTime() - t0) / 1e9,
                said.isEmpty() ? "none" : String.join("; ", said));
        List<Row> rows = ModelOnBoards.measure(c, m.name(), boards, m.tflm(), input, expected, err);
        return new Result(m, null, build.model().arenaBytes(), golden, rows);
    }

    /** {@code null} when the host run of {@code input} gives exactly {@code want}, else what went wrong. */
    private static String check(ModelBuild build, byte[] input, byte[] want) {
        byte[] got;
        try {
            got = HostInference.outputs(build.model(), build.image(), input);
        } catch (IllegalArgumentException e) {
            return "golden " + e.getMessage();
        } catch (McuStop e) {
            return "the runtime stopped: " + e.getMessage();
        }
        if (got.length != want.length) {
            return String.format(Locale.ROOT, "output is %,d bytes, TFLM's %,d", got.length, want.length);
        }
        int differ = 0;
        for (int i = 0; i < got.length; i++) {
            if (got[i] != want[i]) {
                differ++;
            }
        }
        return differ == 0 ? null : String.format(Locale.ROOT, "%,d of %,d output bytes differ", differ, got.length);
    }
}
