package dev.tinyj.emulator.calibrate;

import dev.tinyj.boards.CodeSizeModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fits the code-size model (DESIGN.md "Flash code size": bytes = Σ over methods of
 * round(bytecode bytes x expansion) + per-method bytes) to the measured size of each calibration
 * kernel's C function at -O2 ({@code avr_kernel_fn_bytes}, {@code m4_kernel_fn_bytes}), compared
 * with the Java methods behind that kernel ({@link KernelCode}).
 *
 * <p>Rows: one per distinct C function (benchmarks that time the same function, e.g. mac N=256 and
 * N=512, share one row, so no function weighs twice). A row whose C function is at most
 * {@value #FOLDED_BYTES} bytes is excluded: GCC's identical-code folding made it a tail branch to
 * its twin (the Cortex-M4 {@code *_ram} functions, 4 B), which says nothing about code size.
 *
 * <p>The fit: least squares on relative error, with the relative error measured as the log ratio
 * ln(model / truth), so that a 2x over-estimate and a 2x under-estimate weigh the same. (The plain
 * ratio (model − truth) / truth is bounded by −100% below and unbounded above, so minimising its
 * squares favours under-estimates: on the AVR rows it picked 1.78 B per bytecode byte, a median
 * error of −49%.) In steps:
 * <ol>
 *   <li>candidates: expansion a on a 0.01 grid in [0.01, {@value #MAX_EXPANSION}], per-method
 *       bytes c whole in [0, {@value #MAX_PER_METHOD}] (the core file's key is whole bytes);
 *   <li>for each pair, the model bytes of every included row as the linker sums them
 *       (Σ over the kernel's methods of round(B x a) + c);
 *   <li>the pair with the least Σ ln²(model / truth) wins (exhaustive search; ties go to the
 *       smaller c, then the smaller a).
 * </ol>
 * Limits: two coefficients for every kind of code, blind to integer width (the int16 C functions
 * are smaller than their int32 twins, the int16 Java port is larger); the libgcc/runtime helpers a
 * C function calls are not in its measured bytes, while their Java counterparts (long arithmetic)
 * are inline bytecodes; the C inlines the requantization helpers at -O2, so c is only seen through
 * inlined methods.
 */
public final class CodeSizeFit {
    /** C functions this small are folded tail branches, not code. */
    public static final int FOLDED_BYTES = 8;
    /** Search bounds of the fit. */
    static final int MAX_EXPANSION = 10, MAX_PER_METHOD = 32;

    private CodeSizeFit() {
    }

    /**
     * One C function and the Java code it is compared with.
     *
     * @param cFunction the C function, e.g. {@code fc_s8_flash}
     * @param benchIds the benchmarks that time it
     * @param code the Java methods behind the kernel
     * @param truthBytes the C function's bytes at -O2 on this core
     * @param included whether the fit uses the row ({@link #FOLDED_BYTES})
     */
    public record Row(String cFunction, List<Integer> benchIds, KernelCode code, long truthBytes, boolean included) {
        public Row {
            benchIds = List.copyOf(benchIds);
        }

        /** (model − truth) / truth, percent. */
        public double errorPercent(CodeSizeModel model) {
            return 100.0 * (code.modelBytes(model) - truthBytes) / truthBytes;
        }
    }

    /** The rows of {@code core}: every distinct C function of {@link Benchmark#all()}, in bench order. */
    public static List<Row> rows(CalibFirmware firmware, GroundTruth truth, CalibCore core) {
        Map<String, List<Benchmark>> byFunction = new LinkedHashMap<>();
        for (Benchmark b : Benchmark.all()) {
            byFunction.computeIfAbsent(b.cFunction(), k -> new ArrayList<>()).add(b);
        }
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<String, List<Benchmark>> e : byFunction.entrySet()) {
            Benchmark first = e.getValue().getFirst();
            long bytes = truth.row(first).number(core.codeBytesColumn());
            rows.add(new Row(e.getKey(), e.getValue().stream().map(Benchmark::id).toList(),
                    KernelCode.of(firmware, first), bytes, bytes > FOLDED_BYTES));
        }
        return List.copyOf(rows);
    }

    /**
     * The least-squares model for the included rows (the steps above), marked calibrated.
     *
     * @throws IllegalArgumentException when no row is included
     */
    public static CodeSizeModel fit(List<Row> rows) {
        List<Row> in = rows.stream().filter(Row::included).toList();
        if (in.isEmpty()) {
            throw new IllegalArgumentException("no code-size row to fit");
        }
        CodeSizeModel best = null;
        double bestCost = Double.POSITIVE_INFINITY;
        for (int c = 0; c <= MAX_PER_METHOD; c++) {
            for (int hundredths = 1; hundredths <= MAX_EXPANSION * 100; hundredths++) {
                CodeSizeModel m = new CodeSizeModel(hundredths / 100.0, c, true);
                double cost = 0;
                for (Row r : in) {
                    double l = Math.log((double) Math.max(1, r.code().modelBytes(m)) / r.truthBytes());
                    cost += l * l;
                }
                if (cost < bestCost) {
                    bestCost = cost;
                    best = m;
                }
            }
        }
        return best;
    }

    /** Errors (percent) of {@code model} over the included rows. */
    public static ErrorStats errors(List<Row> rows, CodeSizeModel model) {
        return ErrorStats.of(rows.stream().filter(Row::included).map(r -> r.errorPercent(model)).toList());
    }
}
