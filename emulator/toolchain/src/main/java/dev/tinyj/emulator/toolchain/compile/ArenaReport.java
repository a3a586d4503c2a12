package dev.tinyj.emulator.toolchain.compile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a compiled model's arena compares with TensorFlow Lite Micro's, when TFLM's figures are at
 * hand ({@code ../shared/models/golden/<model>/README.txt}, written by a TFLM run at tflite-micro
 * 90b983c2b3f1480642e040bbd2ddb37b998f3424). Nothing here needs those files: without them a row
 * has no TFLM columns.
 *
 * <p>Two TFLM figures, both from its i386 build (32-bit pointers, as on a microcontroller):
 * <ul>
 *   <li>{@code head_bytes}: the non-persistent section, i.e. TFLM's tensor arena plan (greedy,
 *       16-byte aligned, no in-place reuse) — the figure {@link CompiledModel#arenaBytes()} is
 *       directly comparable with;</li>
 *   <li>{@code arena_used_bytes}: the whole arena TFLM needs, plan plus its persistent
 *       per-tensor, per-node and per-op structures, which TinyJ keeps in flash (the model image)
 *       or in a few static fields instead.</li>
 * </ul>
 * The fair whole-SRAM comparison is therefore TinyJ's arena plus {@link #RUNTIME_STATICS_BYTES}
 * against {@code arena_used_bytes}.
 */
public final class ArenaReport {
    /**
     * The TinyJ runtime's own SRAM next to the arena on a 32-bit core, bytes, measured in the
     * emulator: the inference firmware's static fields (image and arena references, 2 × 4 B) plus
     * the arena array's header (4 B on Cortex-M), for {@code dev.tinyj.runtime.firmware.InferenceFirmware} on
     * nucleo-l4r5zi ({@code Program.staticBytes()} = 8, {@code MemoryModel.arrayHeaderBytes()} = 4).
     * Kernels and the runner keep no state in statics.
     */
    public static final int RUNTIME_STATICS_BYTES = 12;

    /**
     * TFLM's arena figures for one model (i386 build), bytes.
     *
     * @param headBytes non-persistent (tensor plan) bytes, {@code head_bytes (i386)}
     * @param usedBytes {@code MicroInterpreter::arena_used_bytes()} of the i386 build
     */
    public record TflmArena(int headBytes, int usedBytes) {
        private static final Pattern USED = Pattern.compile("i386 build[^:]*:\\s*(\\d+) bytes");
        private static final Pattern HEAD = Pattern.compile("head_bytes:\\s*\\d+\\s*\\(i386:\\s*(\\d+)\\)");

        /** The figures in a golden README's text, or empty when either is missing. */
        public static Optional<TflmArena> parse(String readme) {
            Matcher u = USED.matcher(readme);
            Matcher h = HEAD.matcher(readme);
            if (!u.find() || !h.find()) {
                return Optional.empty();
            }
            return Optional.of(new TflmArena(Integer.parseInt(h.group(1)), Integer.parseInt(u.group(1))));
        }

        /**
         * TFLM's figures for {@code model} from {@code golden/<model>/README.txt} beside the model
         * file (as in ../shared/models), else as {@link #forModel}; empty when absent or unreadable.
         */
        public static Optional<TflmArena> beside(Path modelFile, String model) {
            Path dir = modelFile.toAbsolutePath().getParent();
            Path readme = dir == null ? null : dir.resolve("golden").resolve(model).resolve("README.txt");
            if (readme != null && Files.isRegularFile(readme)) {
                try {
                    return parse(Files.readString(readme));
                } catch (IOException e) {
                    return Optional.empty();
                }
            }
            return forModel(model);
        }

        /**
         * The figures of model {@code model} from {@code <shared>/models/golden/<model>/README.txt},
         * {@code <shared>} being {@code ../shared}, {@code ../../shared} or {@code ../../../shared}
         * from the working directory; empty when absent or unreadable.
         */
        public static Optional<TflmArena> forModel(String model) {
            for (String up : List.of("../shared", "../../shared", "../../../shared")) {
                Path readme = Path.of(up, "models", "golden", model, "README.txt");
                if (Files.isRegularFile(readme)) {
                    try {
                        return parse(Files.readString(readme));
                    } catch (IOException e) {
                        return Optional.empty();
                    }
                }
            }
            return Optional.empty();
        }
    }

    /**
     * One model's row.
     *
     * @param model model name
     * @param ops operator count
     * @param arenaBytes TinyJ's whole arena, bytes
     * @param persistentBytes its persistent region (variable tensors), bytes; TFLM keeps those in its tail
     * @param tflm TFLM's figures, when known
     */
    public record Row(String model, int ops, int arenaBytes, int persistentBytes, Optional<TflmArena> tflm) {
        /** A row of a model without variable tensors. */
        public Row(String model, int ops, int arenaBytes, Optional<TflmArena> tflm) {
            this(model, ops, arenaBytes, 0, tflm);
        }

        /** TinyJ's planned arena (without the persistent region) ÷ TFLM {@code head_bytes}; NaN without TFLM figures. */
        public double headRatio() {
            return tflm.map(t -> (double) (arenaBytes - persistentBytes) / t.headBytes()).orElse(Double.NaN);
        }

        /** (TinyJ arena + {@link #RUNTIME_STATICS_BYTES}) ÷ TFLM {@code arena_used_bytes}; NaN without figures. */
        public double usedRatio() {
            return tflm.map(t -> (double) (arenaBytes + RUNTIME_STATICS_BYTES) / t.usedBytes()).orElse(Double.NaN);
        }
    }

    private ArenaReport() {
    }

    /** The row of {@code m}, with TFLM's figures looked up by its name ({@link TflmArena#forModel}). */
    public static Row row(CompiledModel m) {
        return new Row(m.name(), m.ops().size(), m.arenaBytes(), m.persistentBytes(), TflmArena.forModel(m.name()));
    }

    /**
     * A plain-text table of {@code rows}: model, ops, arena, its persistent part, TFLM head, TFLM
     * used, both ratios (planned ÷ head, whole arena ÷ used).
     */
    public static String table(List<Row> rows) {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%-40s %5s %8s %10s %10s %10s %12s %12s%n",
                "model", "ops", "arena", "persistent", "TFLM head", "TFLM used", "planned/head",
                "(arena+" + RUNTIME_STATICS_BYTES + ")/used"));
        for (Row r : rows) {
            s.append(String.format(Locale.ROOT, "%-40s %5d %8d %10d %10s %10s %12s %12s%n", r.model(), r.ops(),
                    r.arenaBytes(), r.persistentBytes(), r.tflm().map(t -> Integer.toString(t.headBytes())).orElse("-"),
                    r.tflm().map(t -> Integer.toString(t.usedBytes())).orElse("-"), ratio(r.headRatio()),
                    ratio(r.usedRatio())));
        }
        return s.toString();
    }

    private static String ratio(double r) {
        return Double.isNaN(r) ? "-" : String.format(Locale.ROOT, "%.3f", r);
    }
}
