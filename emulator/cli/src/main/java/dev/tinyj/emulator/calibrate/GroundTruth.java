package dev.tinyj.emulator.calibrate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The calibration ground truth: the {@code -O2} rows of a {@code results.csv} as
 * {@code calib/tools/collect.py} writes it, by bench id. The shipped copy
 * ({@code dev/tinyj/emulator/calibrate/results.csv}, see its {@code PROVENANCE.md}) is the default;
 * a re-measured file can be read instead. Reading checks that every benchmark the port runs has an
 * -O2 row with the columns the suite reads, so a bad file is refused up front, not mid-run.
 */
public final class GroundTruth {
    /** The shipped copy, a class-path resource. */
    public static final String RESOURCE = "results.csv";
    /** Columns the suite reads; each numeric one must hold a whole number. */
    static final List<String> TEXT_COLUMNS = List.of("bench_id", "kernel", "shape", "weights", "style", "opt",
            "checksum");
    static final List<String> NUMBER_COLUMNS = List.of("avr_cycles", "avr_kernel_fn_bytes", "m4_insns",
            "m4_est_cycles", "m4_kernel_fn_bytes");

    /** Largest results file read, bytes (the real one is about 10 KB). */
    private static final int MAX_BYTES = 16 << 20;

    private final String source;
    private final Map<Integer, BenchRow> rows;

    private GroundTruth(String source, Map<Integer, BenchRow> rows) {
        this.source = source;
        this.rows = rows;
    }

    /** The ground truth shipped with TinyJ. */
    public static GroundTruth shipped() {
        try (InputStream in = GroundTruth.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the shipped " + RESOURCE + " is missing from the class path");
            }
            return parse("shipped results.csv", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GroundTruthException e) {
            throw new IllegalStateException("the shipped results.csv is malformed: " + e.getMessage(), e);
        }
    }

    /** A results.csv file, e.g. re-measured with {@code make run} in {@code calib}. */
    public static GroundTruth read(Path csv) throws GroundTruthException {
        String text;
        if (Files.isDirectory(csv)) {
            throw new GroundTruthException(csv + " is a directory, not a results.csv");
        }
        try (java.io.InputStream in = Files.newInputStream(csv)) {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new GroundTruthException(csv + " is over " + (MAX_BYTES >> 20) + " MiB: not a calib results.csv");
            }
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (NoSuchFileException e) {
            throw new GroundTruthException(csv + " does not exist");
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new GroundTruthException(csv + " is not UTF-8 text: not a calib results.csv");
        } catch (IOException e) {
            throw new GroundTruthException("cannot read " + csv + ": " + e.getMessage());
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1); // a byte-order mark some editors add
        }
        GroundTruth read = parse(csv.toString(), text);
        GroundTruth shipped = shipped();
        for (Benchmark b : Benchmark.all()) {
            for (String c : List.of("kernel", "shape", "weights", "style")) {
                String want = shipped.rows.get(b.id()).text(c);
                String got = read.rows.get(b.id()).text(c);
                if (!want.equals(got)) {
                    throw new GroundTruthException(csv + " (bench " + b.id() + "): " + c + " '" + got
                            + "', but bench " + b.id() + " is " + want + " (" + b.cFunction()
                            + "): the ported kernels are fixed, only their measured figures may change");
                }
            }
        }
        return read;
    }

    /** Parses results.csv text; {@code source} names it in messages. */
    static GroundTruth parse(String source, String text) throws GroundTruthException {
        List<String> lines = text.lines().filter(l -> !l.isBlank()).toList();
        if (lines.isEmpty()) {
            throw new GroundTruthException(source + " is empty");
        }
        List<String> head = List.of(lines.get(0).strip().split(",", -1));
        for (String c : concat(TEXT_COLUMNS, NUMBER_COLUMNS)) {
            if (!head.contains(c)) {
                throw new GroundTruthException(source + " has no column '" + c + "' (is it a calib results.csv?)");
            }
        }
        Map<Integer, BenchRow> rows = new LinkedHashMap<>();
        for (int k = 1; k < lines.size(); k++) {
            String[] f = lines.get(k).strip().split(",", -1);
            if (f.length != head.size()) {
                throw new GroundTruthException(source + " line " + (k + 1) + ": " + f.length + " fields, the header has "
                        + head.size());
            }
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < f.length; i++) {
                row.put(head.get(i), f[i].strip());
            }
            if (!"-O2".equals(row.get("opt"))) {
                continue;
            }
            int id = (int) whole(source, k + 1, "bench_id", row.get("bench_id"));
            if (rows.put(id, new BenchRow(id, row)) != null) {
                throw new GroundTruthException(source + " line " + (k + 1) + ": a second -O2 row for bench " + id);
            }
        }
        for (Benchmark b : Benchmark.all()) {
            BenchRow r = rows.get(b.id());
            if (r == null) {
                throw new GroundTruthException(source + " has no -O2 row for bench " + b.id() + " (" + b.cFunction() + ")");
            }
            for (String c : NUMBER_COLUMNS) {
                long v = whole(source, b.id(), c, r.text(c));
                if (v <= 0 && !c.equals("bench_id")) {
                    throw new GroundTruthException(source + " (bench " + b.id() + "): " + c + " is " + v
                            + "; a measured cycle, instruction or byte count must be positive");
                }
            }
            if (!r.checksum().matches("[0-9a-f]{4}")) {
                throw new GroundTruthException(source + " bench " + b.id() + ": checksum '" + r.checksum()
                        + "' is not 4 lowercase hex digits");
            }
        }
        return new GroundTruth(source, Map.copyOf(rows));
    }

    private static long whole(String source, int where, String column, String v) throws GroundTruthException {
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new GroundTruthException(source + " (" + (column.equals("bench_id") ? "line " : "bench ") + where
                    + "): " + column + " '" + v + "' is not a whole number" + (v.matches("-?[0-9]+")
                            ? " that fits in 64 bits" : ""));
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }

    /** Where the rows came from ({@code shipped results.csv} or the file's path). */
    public String source() {
        return source;
    }

    /** The -O2 row of {@code benchId}, if the file has one. */
    public Optional<BenchRow> row(int benchId) {
        return Optional.ofNullable(rows.get(benchId));
    }

    /** The -O2 row of a benchmark the port runs (every one has a row: checked on reading). */
    public BenchRow row(Benchmark b) {
        return rows.get(b.id());
    }
}
