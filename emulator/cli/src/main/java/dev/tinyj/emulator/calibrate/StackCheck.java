package dev.tinyj.emulator.calibrate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The emulator's stack peak per calibration kernel on an AVR board against avr-gcc's stack for the
 * same kernel at -O2 ({@code avr_stack_O2.csv}: the kernel function's deepest call path, its
 * return address and libgcc helpers included; derived statically, see PROVENANCE.md), and the one
 * measured whole-image figure of the calib README for context.
 *
 * <p>What is comparable: the emulator's peak during the timed call is the kernel's own call chain
 * (the host calls it directly, no driver frames), as is {@code chain_bytes}. The README's 259 B is
 * not: it is the lowest stack pointer over a whole -Os image, {@code main} and the bench drivers
 * included.
 *
 * @param rows one per distinct C function, in bench order
 */
public record StackCheck(List<Row> rows) {
    /** The calib README's measured figures: RAMEND and the lowest stack pointer simavr saw (-Os, image _a). */
    public static final int RAMEND = 0x08FF, LOWEST_SP = 0x07FC;
    /** The derived per-kernel figures, a class-path resource. */
    static final String RESOURCE = "avr_stack_O2.csv";

    /**
     * One C function.
     *
     * @param cFunction the C function
     * @param benchIds the benchmarks that time it
     * @param emulatorBytes the emulator's stack peak during the kernel call
     * @param avrOwnBytes the C function's own stack ({@code -fstack-usage})
     * @param avrChainBytes its deepest call path
     */
    public record Row(String cFunction, List<Integer> benchIds, long emulatorBytes, long avrOwnBytes,
            long avrChainBytes) {
        public Row {
            benchIds = List.copyOf(benchIds);
        }

        /** (emulator − avr chain) / avr chain, percent. */
        public double errorPercent() {
            return 100.0 * (emulatorBytes - avrChainBytes) / avrChainBytes;
        }
    }

    public StackCheck {
        rows = List.copyOf(rows);
    }

    /** Compares the runs of the suite on an avr8 board with the shipped AVR figures. */
    public static StackCheck of(List<KernelRun> avrRuns) {
        Map<String, long[]> avr = readShipped();
        Map<String, List<KernelRun>> byFunction = new LinkedHashMap<>();
        for (KernelRun r : avrRuns) {
            byFunction.computeIfAbsent(r.bench().cFunction(), k -> new ArrayList<>()).add(r);
        }
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<String, List<KernelRun>> e : byFunction.entrySet()) {
            long[] a = avr.get(e.getKey());
            if (a == null) {
                throw new IllegalStateException(RESOURCE + " has no row for " + e.getKey());
            }
            long peak = e.getValue().stream().mapToLong(KernelRun::stackPeakBytes).max().orElseThrow();
            rows.add(new Row(e.getKey(), e.getValue().stream().map(r -> r.bench().id()).toList(), peak, a[0], a[1]));
        }
        return new StackCheck(rows);
    }

    /** The README's measured whole-image figure: RAMEND − lowest SP = 259 B. */
    public static int measuredWholeImageBytes() {
        return RAMEND - LOWEST_SP;
    }

    /** Errors (percent) over the rows. */
    public ErrorStats errors() {
        return ErrorStats.of(rows.stream().map(Row::errorPercent).toList());
    }

    /** The row with the largest emulator peak. */
    public Row deepestEmulated() {
        return rows.stream().max(java.util.Comparator.comparingLong(Row::emulatorBytes)).orElseThrow();
    }

    /** The row with the largest AVR chain. */
    public Row deepestAvr() {
        return rows.stream().max(java.util.Comparator.comparingLong(Row::avrChainBytes)).orElseThrow();
    }

    private static Map<String, long[]> readShipped() {
        try (InputStream in = StackCheck.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            Map<String, long[]> m = new HashMap<>();
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split(",");
                m.put(f[0], new long[] {Long.parseLong(f[1]), Long.parseLong(f[2])});
            }
            return m;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
