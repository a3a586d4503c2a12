package dev.tinyj.conformance.calibrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Scores TinyJ's cycle estimates against the native ground truth of {@code ../shared/calib}
 * (issue 3 groundwork): every measured kernel, ported to restricted Java ({@code fw.calib}), runs
 * on arduino-uno (vs simavr {@code avr_cycles} at -O2) and nucleo-l4r5zi (vs the TRM estimate
 * {@code m4_est_cycles} at -O2). Prints a table and the per-core median / max |error|, and writes
 * it to {@code target/calibration-baseline.md}. Asserts only that every kernel ran and that its
 * outputs' Fletcher-16 equals the C's: the cost tables are uncalibrated, so errors are reported,
 * not judged. Skipped when {@code ../../shared/calib} (from the module folder) is absent.
 */
class CalibrationReportTest {
    static final Path CALIB = Path.of("").toAbsolutePath().resolve("../../shared/calib").normalize();
    static final String[][] CORES = {{"avr8", "arduino-uno", "avr_cycles"}, {"cortex-m4", "nucleo-l4r5zi", "m4_est_cycles"}};

    @Test
    void everyPortedKernelRunsOnBothCoresWithTheCChecksumAndTheErrorTableIsPrinted() throws IOException {
        assumeTrue(Files.isRegularFile(CALIB.resolve("results.csv")),
                "calibration ground truth not found at " + CALIB + ": skipping the calibration report");
        Map<Integer, Map<String, String>> truth = readResults(CALIB.resolve("results.csv"));
        CalibRunner runner = new CalibRunner(readTable(CALIB.resolve("src/model_data.c"), "fc256x64_w"));

        StringBuilder out = new StringBuilder();
        out.append("| bench_id | kernel | shape | weights | style | core | ground truth (-O2) | TinyJ | error % | bytecodes |\n");
        out.append("|---:|---|---|---|---|---|---:|---:|---:|---:|\n");
        Map<String, List<Double>> errors = new HashMap<>();
        List<String> mismatches = new ArrayList<>();
        int ran = 0;
        for (String[] core : CORES) {
            for (CalibCase c : CalibCase.all()) {
                Map<String, String> row = truth.get(c.id());
                CalibRunner.Result r = runner.run(c, core[1]);
                ran++;
                if (!r.checksum().equals(row.get("checksum"))) {
                    mismatches.add(c + " on " + core[1] + ": " + r.checksum() + " != C " + row.get("checksum"));
                }
                long gt = Long.parseLong(row.get(core[2]));
                double err = 100.0 * (r.cycles() - gt) / gt;
                errors.computeIfAbsent(core[0], k -> new ArrayList<>()).add(err);
                out.append(String.format("| %d | %s | %s | %s | %s | %s | %d | %d | %+.1f | %d |%n", c.id(),
                        row.get("kernel"), row.get("shape"), row.get("weights"), row.get("style"), core[0], gt,
                        r.cycles(), err, r.bytecodes()));
            }
        }
        out.append("\n| core | kernels | median abs error % | max abs error % | median signed error % |\n|---|---:|---:|---:|---:|\n");
        for (String[] core : CORES) {
            List<Double> e = errors.get(core[0]);
            List<Double> abs = e.stream().map(Math::abs).sorted().toList();
            List<Double> signed = e.stream().sorted().toList();
            out.append(String.format("| %s | %d | %.1f | %.1f | %+.1f |%n", core[0], e.size(), median(abs),
                    abs.get(abs.size() - 1), median(signed)));
        }
        System.out.println(out);
        Path report = Path.of("target/calibration-baseline.md");
        Files.createDirectories(report.getParent());
        Files.writeString(report, out);
        assertEquals(2 * CalibCase.all().size(), ran, "every kernel ran on both cores");
        assertEquals(List.of(), mismatches, "output checksums equal the C's");
    }

    @Test
    void fletcher16OfAbcdeIsTheTextbookC8f0() {
        assertEquals("c8f0", CalibRunner.fletcher16("abcde".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
    }

    static double median(List<Double> sorted) {
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** results.csv rows at -O2 by bench_id, columns by header name. */
    static Map<Integer, Map<String, String>> readResults(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        String[] head = lines.get(0).split(",");
        Map<Integer, Map<String, String>> rows = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            Map<String, String> row = new HashMap<>();
            for (int i = 0; i < head.length && i < f.length; i++) {
                row.put(head[i], f[i]);
            }
            if ("-O2".equals(row.get("opt"))) {
                rows.put(Integer.parseInt(row.get("bench_id")), row);
            }
        }
        return rows;
    }

    /** One int8 table of model_data.c. */
    static byte[] readTable(Path modelData, String name) throws IOException {
        String src = Files.readString(modelData);
        Matcher m = Pattern.compile("const int8_t " + name + "\\[(\\d+)\\][^{]*\\{([^}]*)\\}").matcher(src);
        if (!m.find()) {
            throw new IOException(name + " not in " + modelData);
        }
        String[] v = m.group(2).trim().split("\\s*,\\s*");
        byte[] b = new byte[Integer.parseInt(m.group(1))];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) Integer.parseInt(v[i].trim());
        }
        return b;
    }
}
