package dev.tinyj.emulator.run;

import dev.tinyj.emulator.run.ResultsTable.Tflm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A corpus of models with TFLM's verdicts and golden outputs, laid out as
 * {@code ../shared/models/corpus} is ({@code SOURCES.md} there):
 *
 * <pre>
 * index.csv                          one row per model; columns used: name, file (relative to the
 *                                    folder), tflm_status ("ok" or why TFLM refuses), and when
 *                                    present repo (else source's "repo@commit:path"), notes,
 *                                    arena_head_i386 and arena_i386 (TFLM's arena, bytes)
 * models/&lt;name&gt;.tflite               the models (wherever index.csv's file says)
 * golden/&lt;name&gt;.case&lt;k&gt;.input.bin    TFLM's golden cases: all inputs concatenated in input order,
 * golden/&lt;name&gt;.case&lt;k&gt;.output.bin   and TFLM's outputs concatenated in output order
 * </pre>
 *
 * @param dir the corpus folder
 * @param models the models, in index.csv's order
 */
public record Corpus(Path dir, List<Model> models) {
    /** index.csv's name. */
    public static final String INDEX = "index.csv";

    /**
     * One golden case.
     *
     * @param name e.g. {@code case2}
     * @param input its input file
     * @param output TFLM's output file
     */
    public record Case(String name, Path input, Path output) {
    }

    /**
     * One model of the corpus.
     *
     * @param name model name (index.csv {@code name})
     * @param file the .tflite file
     * @param source where it comes from: the repository ({@code owner/name}), or "" when unknown
     * @param tflmStatus {@code ok} when TFLM runs the model, else TFLM's reason for refusing it
     * @param tflm TFLM's arena on a 32-bit build ({@code arena_head_i386}, {@code arena_i386}), when given
     * @param notes index.csv's notes ("" when none)
     * @param cases the golden cases, by case name
     */
    public record Model(String name, Path file, String source, String tflmStatus, Optional<Tflm> tflm, String notes,
            List<Case> cases) {
        /** Whether TFLM runs the model. */
        public boolean tflmRuns() {
            return tflmStatus.equals("ok");
        }
    }

    /**
     * Reads and checks a corpus folder: every model file index.csv names exists, every golden input
     * has its output, arena figures are numbers, names are unique.
     *
     * @throws InputException when the folder, index.csv, a column, a model file or a golden output is
     *     missing, or a field is malformed (every problem found, one per line)
     * @throws IOException when a file cannot be read
     */
    public static Corpus read(Path dir) throws InputException, IOException {
        if (!Files.isDirectory(dir)) {
            throw new InputException("corpus folder " + dir + " not found");
        }
        Path index = dir.resolve(INDEX);
        if (!Files.isRegularFile(index)) {
            throw new InputException("corpus folder " + dir + " has no " + INDEX
                    + " (one row per model: name, file, tflm_status, ...; see docs/results.md)");
        }
        List<Map<String, String>> rows = CsvTable.read(index);
        if (rows.isEmpty()) {
            throw new InputException(index + ": no models");
        }
        List<String> missing = new ArrayList<>();
        for (String column : List.of("name", "file", "tflm_status")) {
            if (!rows.get(0).containsKey(column)) {
                missing.add(column);
            }
        }
        if (!missing.isEmpty()) {
            throw new InputException(index + ": no column " + String.join(", ", missing) + " (columns: "
                    + String.join(", ", rows.get(0).keySet()) + ")");
        }
        Map<String, List<Case>> golden = golden(dir.resolve("golden"));
        List<String> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<Model> models = new ArrayList<>();
        for (int k = 0; k < rows.size(); k++) {
            Map<String, String> row = rows.get(k);
            String where = index.getFileName() + " row " + (k + 1);
            String name = row.get("name").strip();
            String file = row.get("file").strip();
            if (name.isEmpty() || file.isEmpty()) {
                problems.add(where + ": empty name or file");
                continue;
            }
            if (!seen.add(name)) {
                problems.add(where + ": model " + name + " is listed twice");
            }
            Path path = dir.resolve(file);
            if (!Files.isRegularFile(path)) {
                problems.add(where + ": model file " + path + " not found");
            }
            Optional<Tflm> tflm = Optional.empty();
            String head = row.getOrDefault("arena_head_i386", "").strip();
            String used = row.getOrDefault("arena_i386", "").strip();
            if (!head.isEmpty() && !used.isEmpty()) {
                try {
                    tflm = Optional.of(new Tflm(Integer.parseInt(head), Integer.parseInt(used)));
                } catch (NumberFormatException e) {
                    problems.add(where + ": arena_head_i386 '" + head + "' and arena_i386 '" + used
                            + "' must be whole numbers of bytes");
                }
            }
            String status = row.get("tflm_status").strip();
            models.add(new Model(name, path, source(row), status.isEmpty() ? "unknown" : status, tflm,
                    row.getOrDefault("notes", "").strip(), golden.getOrDefault(name, List.of())));
        }
        for (Model m : models) {
            for (Case c : m.cases()) {
                if (!Files.isRegularFile(c.output())) {
                    problems.add("golden case " + c.input() + " has no output file " + c.output().getFileName());
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InputException("corpus " + dir + ":\n  " + String.join("\n  ", problems));
        }
        return new Corpus(dir, List.copyOf(models));
    }

    /** The models TFLM runs. */
    public long tflmRuns() {
        return models.stream().filter(Model::tflmRuns).count();
    }

    private static String source(Map<String, String> row) {
        String repo = row.getOrDefault("repo", "").strip();
        if (!repo.isEmpty()) {
            return repo;
        }
        String source = row.getOrDefault("source", "").strip();
        int at = source.indexOf('@');
        return at < 0 ? source : source.substring(0, at);
    }

    /** Golden cases by model name: {@code <name>.<case>.input.bin} beside {@code <name>.<case>.output.bin}. */
    private static Map<String, List<Case>> golden(Path dir) throws IOException {
        Map<String, List<Case>> cases = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return cases;
        }
        List<String> inputs;
        try (Stream<Path> s = Files.list(dir)) {
            inputs = s.map(p -> p.getFileName().toString()).filter(f -> f.endsWith(".input.bin")).sorted().toList();
        }
        for (String f : inputs) {
            String stem = f.substring(0, f.length() - ".input.bin".length());
            int dot = stem.lastIndexOf(".case");
            if (dot <= 0) {
                continue;
            }
            String name = stem.substring(0, dot);
            cases.computeIfAbsent(name, x -> new ArrayList<>()).add(new Case(stem.substring(dot + 1), dir.resolve(f),
                    dir.resolve(stem + ".output.bin")));
        }
        return cases;
    }
}
