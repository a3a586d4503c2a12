package dev.tinyj.emulator.run;

import static dev.tinyj.emulator.run.TableCells.cell;
import static dev.tinyj.emulator.run.TableCells.n;
import static dev.tinyj.emulator.run.TableCells.of;
import static dev.tinyj.emulator.run.TableCells.uj;
import static dev.tinyj.emulator.run.TableCells.uj0;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The results table of {@code tinyj results}: one row per model and board (ran, does not fit, or
 * unsupported), rendered as Markdown for {@code docs/results.md} and as a compact section for the
 * README, with MLPerf Tiny's published figures beside the MLPerf Tiny models on nucleo-l4r5zi.
 */
public final class ResultsTable {
    /** README marker before the generated section. */
    public static final String BEGIN = "<!-- results:begin -->";
    /** README marker after the generated section. */
    public static final String END = "<!-- results:end -->";

    /** The board the published MLPerf Tiny figures were measured on. */
    public static final String PUBLISHED_BOARD = "nucleo-l4r5zi";

    /**
     * Published MLPerf Tiny figures for one benchmark on NUCLEO-L4R5ZI at 120 MHz, median per
     * inference, as listed in {@code ../shared/docs/BOARDS.md}.
     *
     * @param benchmark what the benchmark is
     * @param refMs "TFLM + CMSIS-NN (MLPerf Tiny v0.5)" latency, ms
     * @param refMicrojoules the same run's energy, µJ
     * @param bestMs best published latency, ms
     * @param bestMicrojoules best published energy, µJ
     * @param bestBy who published the best figures, as BOARDS.md attributes them
     */
    public record Published(String benchmark, double refMs, double refMicrojoules, double bestMs,
            double bestMicrojoules, String bestBy) {
    }

    /** Published figures by model name (BOARDS.md, "Published figures to compare against"). */
    public static final Map<String, Published> PUBLISHED = published();

    private static Map<String, Published> published() {
        Map<String, Published> m = new LinkedHashMap<>();
        m.put("kws_ref_model", new Published("keyword spotting DS-CNN", 181.9, 7374, 43.2, 1431, "ST X-CUBE-AI"));
        m.put("vww_96_int8", new Published("visual wake words MobileNetV1 0.25", 600.6, 24313, 88.9, 3030,
                "ST X-CUBE-AI"));
        m.put("pretrainedResnet_quant", new Published("image classification ResNet-8", 704.2, 29207, 165.1, 5496,
                "ST X-CUBE-AI"));
        m.put("model_ToyCar_quant_fullint_micro", new Published("anomaly detection autoencoder", 10.1, 416, 4.05, 160,
                "latency: Plumerai; energy: not attributed in BOARDS.md"));
        return java.util.Collections.unmodifiableMap(m);
    }

    /**
     * TFLM's arena figures for a model (bytes), when its golden README is beside the models.
     *
     * @param headBytes TFLM's non-persistent tensor plan ({@code head_bytes}, i386 build)
     * @param usedBytes TFLM's {@code arena_used_bytes()} (i386 build)
     */
    public record Tflm(int headBytes, int usedBytes) {
    }

    /** What the output of a run was checked against. */
    public enum OutputCheck {
        /** Not checked (a random input, no expected output). */
        NONE,
        /** Byte-identical with the expected output (TFLM's golden output for the input). */
        IDENTICAL,
        /** Not byte-identical with the expected output. */
        DIFFERS
    }

    /**
     * One model on one board.
     *
     * @param model model name (file name without {@code .tflite})
     * @param board board id
     * @param status {@code ok}, {@code does not fit: ...}, {@code unsupported: ...} or {@code fault: ...}
     * @param arenaBytes TinyJ's planned arena, bytes (-1 when the model did not compile)
     * @param tflm TFLM's arena figures, when known
     * @param cycles cycles of the inference (-1 when it did not run)
     * @param ms latency at the board clock, ms
     * @param microjoules energy, µJ, when the board's figures are sourced
     * @param sramBytes SRAM peak of the run (or needed, when it did not run; -1 when unknown)
     * @param sramCapacity the board's SRAM, bytes
     * @param flashBytes flash used by the firmware (or needed; -1 when unknown)
     * @param flashCapacity flash available to firmware, bytes
     * @param calibrated whether the board's cost table is calibrated
     * @param output what the run's output bytes were checked against ({@code NONE} when it did not run)
     */
    public record Row(String model, String board, String status, long arenaBytes, Optional<Tflm> tflm, long cycles,
            double ms, OptionalDouble microjoules, long sramBytes, long sramCapacity, long flashBytes,
            long flashCapacity, boolean calibrated, OutputCheck output) {
        /** Whether the inference ran. */
        public boolean ran() {
            return status.equals("ok");
        }
    }

    private ResultsTable() {
    }

    /**
     * The whole {@code docs/results.md}.
     *
     * @param command the command line that generated it
     * @param date the date of the run (ISO)
     * @param boards board ids in table order
     * @param rows every row
     */
    public static String markdown(String command, String date, List<String> boards, List<Row> rows) {
        StringBuilder s = new StringBuilder();
        s.append("# Results: every model on every board\n\n");
        s.append("Generated by `").append(command).append("` on ").append(date)
                .append(" (do not edit by hand; run the command again).\n\n");
        s.append("Each model is compiled, its firmware checked against the board's SRAM and flash, and, when it "
                + "fits, one inference runs in the emulator on a seeded random input (seed 1). "
                + "**Cycles, ms and µJ are estimates** from the calibrated cost tables (docs/cost-model.md: on the "
                + "calibration kernels, median |error| 3.3% on avr8 and 6.2% on cortex-m4), not measurements. "
                + "SRAM is the run's peak (VM base, statics, arena, stack) against the board's SRAM; for a model "
                + "that does not fit it is what the firmware needs before its stack. Flash is code + constants + "
                + "model image against the flash available to firmware. \"TFLM head\" is TensorFlow Lite Micro's "
                + "tensor arena plan (`head_bytes`, i386 build), directly comparable with TinyJ's arena; "
                + "\"TFLM used\" is TFLM's whole `arena_used_bytes()` (plan plus the persistent structures TinyJ "
                + "keeps in flash), from the golden READMEs beside the models; \"-\" where unknown.\n\n");
        for (String b : boards) {
            s.append("## ").append(b).append("\n\n").append(boardTable(b, rows)).append('\n');
        }
        List<Row> mlperf = new ArrayList<>();
        for (Row r : rows) {
            if (r.board().equals(PUBLISHED_BOARD) && PUBLISHED.containsKey(r.model())) {
                mlperf.add(r);
            }
        }
        if (!mlperf.isEmpty()) {
            s.append(publishedSection(mlperf));
        }
        return s.toString();
    }

    /**
     * The table of one board: a row per model of {@code rows} on {@code board} (result, cycles, ms,
     * µJ, SRAM and flash against capacity, TinyJ's arena, TFLM's head and used arena).
     */
    static String boardTable(String board, List<Row> rows) {
        StringBuilder s = new StringBuilder();
        s.append("| model | result | cycles | ms | µJ | SRAM peak / capacity, B | flash / capacity, B "
                + "| arena, B | TFLM head, B | TFLM used, B |\n");
        s.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Row r : rows) {
            if (!r.board().equals(board)) {
                continue;
            }
            s.append("| ").append(r.model()).append(" | ").append(result(r)).append(" | ")
                    .append(r.ran() ? n(r.cycles()) : "-").append(" | ")
                    .append(r.ran() ? String.format(Locale.ROOT, "%,.3f", r.ms()) : "-").append(" | ")
                    .append(r.ran() ? uj(r.microjoules()) : "-").append(" | ")
                    .append(of(r.sramBytes(), r.sramCapacity())).append(" | ")
                    .append(of(r.flashBytes(), r.flashCapacity())).append(" | ")
                    .append(r.arenaBytes() < 0 ? "-" : n(r.arenaBytes())).append(" | ")
                    .append(r.tflm().map(t -> n(t.headBytes())).orElse("-")).append(" | ")
                    .append(r.tflm().map(t -> n(t.usedBytes())).orElse("-")).append(" |\n");
        }
        return s.toString();
    }

    private static String result(Row r) {
        if (!r.ran()) {
            return cell(r.status());
        }
        return switch (r.output()) {
            case NONE -> "ok";
            case IDENTICAL -> "ok, output = TFLM's";
            case DIFFERS -> "ok, **output differs from TFLM's**";
        };
    }

    private static String publishedSection(List<Row> mlperf) {
        StringBuilder s = new StringBuilder("## MLPerf Tiny models on nucleo-l4r5zi beside published figures\n\n");
        s.append("Published figures are MLPerf Tiny's, NUCLEO-L4R5ZI at 120 MHz, median per inference, as listed "
                + "in `../shared/docs/BOARDS.md`. \"TFLM + CMSIS-NN (MLPerf Tiny v0.5)\" is the v0.5 reference "
                + "submission: TensorFlow Lite Micro **with CMSIS-NN optimized kernels**, energy measured at 1.8 V. "
                + "\"Best published\" is the fastest published result (ST X-CUBE-AI; for the anomaly-detection "
                + "model BOARDS.md credits the latency to Plumerai). TinyJ runs kernels modelled on TFLM's "
                + "*reference* kernels, which do no SIMD (no `SMLAD` dual MACs) and no CMSIS-NN-style blocking, "
                + "so **a reference-kernel runtime is expected to be several times slower than TFLM + CMSIS-NN**, "
                + "and further still from X-CUBE-AI. TinyJ's cycle and energy figures are estimates from its "
                + "calibrated cost tables, not measurements; the ratio column says how far the estimate is from "
                + "the CMSIS-NN reference, not a measured speed.\n\n");
        s.append("| model | benchmark | TinyJ ms / µJ (estimate) | TFLM + CMSIS-NN (MLPerf Tiny v0.5) "
                + "ms / µJ | best published ms / µJ | TinyJ ms ÷ TFLM + CMSIS-NN ms |\n");
        s.append("|---|---|---:|---:|---:|---:|\n");
        for (Row r : mlperf) {
            Published p = PUBLISHED.get(r.model());
            s.append("| ").append(r.model()).append(" | ").append(p.benchmark()).append(" | ")
                    .append(r.ran() ? String.format(Locale.ROOT, "%,.1f / %s", r.ms(), uj0(r.microjoules()))
                            : cell(r.status()))
                    .append(" | ").append(String.format(Locale.ROOT, "%,.1f / %,.0f", p.refMs(), p.refMicrojoules()))
                    .append(" | ").append(String.format(Locale.ROOT, "%s / %,.0f (%s)", trim(p.bestMs()),
                            p.bestMicrojoules(), p.bestBy()))
                    .append(" | ").append(r.ran() ? String.format(Locale.ROOT, "%.1f×", r.ms() / p.refMs()) : "-")
                    .append(" |\n");
        }
        return s.append('\n').toString();
    }

    /**
     * The compact README section (without the markers): one row per model, one column per board,
     * each cell the estimate or why it did not run.
     */
    public static String compact(String command, String date, String docPath, List<String> boards, List<Row> rows) {
        StringBuilder s = new StringBuilder("## Results on the boards\n\n");
        s.append("Generated by `").append(command).append("` on ").append(date)
                .append("; details (SRAM, flash, TFLM's arena, MLPerf Tiny's published figures) in [")
                .append(docPath).append("](").append(docPath).append("). One inference each, seeded random "
                        + "input; ms and µJ are **estimates** from the calibrated cost tables (docs/cost-model.md).\n\n");
        s.append("| model |");
        for (String b : boards) {
            s.append(' ').append(b).append(" |");
        }
        s.append("\n|---|");
        s.append("---|".repeat(boards.size()));
        s.append('\n');
        List<String> models = new ArrayList<>();
        for (Row r : rows) {
            if (!models.contains(r.model())) {
                models.add(r.model());
            }
        }
        for (String m : models) {
            s.append("| ").append(m).append(" |");
            for (String b : boards) {
                String c = "-";
                for (Row r : rows) {
                    if (r.model().equals(m) && r.board().equals(b)) {
                        c = TableCells.compact(r);
                    }
                }
                s.append(' ').append(c).append(" |");
            }
            s.append('\n');
        }
        double lo = Double.MAX_VALUE;
        double hi = 0;
        for (Row r : rows) {
            Published p = PUBLISHED.get(r.model());
            if (p != null && r.ran() && r.board().equals(PUBLISHED_BOARD)) {
                lo = Math.min(lo, r.ms() / p.refMs());
                hi = Math.max(hi, r.ms() / p.refMs());
            }
        }
        if (hi > 0) {
            s.append(String.format(Locale.ROOT, "%nOn %s the MLPerf Tiny models' estimated latency is %.1f-%.1f× "
                    + "the published \"TFLM + CMSIS-NN (MLPerf Tiny v0.5)\" figures (beside \"best published (ST "
                    + "X-CUBE-AI)\" in the details). That gap is expected: TinyJ's kernels are modelled on TFLM's "
                    + "reference kernels, several times slower than CMSIS-NN, and its cycle figures are "
                    + "estimates.%n", PUBLISHED_BOARD, lo, hi));
        }
        return s.append('\n').toString();
    }

    /**
     * {@code readme} with the text between {@code begin} and {@code end} (e.g. {@link #BEGIN} and
     * {@link #END}, or {@link CorpusTable#BEGIN} and {@link CorpusTable#END}) replaced by
     * {@code section}, which starts on the line after {@code begin}; the markers stay.
     *
     * @throws IllegalArgumentException when the markers are missing, repeated or out of order
     */
    public static String splice(String readme, String begin, String end, String section) {
        int b = readme.indexOf(begin);
        int e = readme.indexOf(end);
        if (b < 0 || e < 0 || e < b || readme.indexOf(begin, b + 1) >= 0 || readme.indexOf(end, e + 1) >= 0) {
            throw new IllegalArgumentException("needs exactly one '" + begin + "' followed by one '" + end + "'");
        }
        return readme.substring(0, b + begin.length()) + "\n" + section + readme.substring(e);
    }

    private static String trim(double v) {
        String t = String.format(Locale.ROOT, "%.2f", v);
        return t.endsWith("0") ? t.substring(0, t.length() - 1) : t;
    }
}
