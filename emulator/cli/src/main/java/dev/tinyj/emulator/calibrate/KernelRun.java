package dev.tinyj.emulator.calibrate;

import dev.tinyj.emulator.vm.exec.Machine;

/**
 * One benchmark run in the emulator on one board, beside its ground-truth row.
 *
 * @param bench the benchmark
 * @param row its -O2 row of results.csv
 * @param core the core the board has (selects the truth columns)
 * @param cycles cycles of the one timed kernel call
 * @param bytecodes bytecode instructions the call executed (the same on every core)
 * @param checksum Fletcher-16 of the outputs, as {@code bench.c}'s {@code report()} prints it
 * @param stackPeakBytes the machine's stack high-water after the call: the kernel's deepest call
 *     chain (the untimed helpers before it use smaller frames)
 * @param machine the machine after the call (memory, program, board), for further analysis
 * @param costKeyCounts how many times the call charged each cost key
 *     ({@link Machine#costKeyCounts()}): what {@link CostFit} fits
 */
public record KernelRun(Benchmark bench, BenchRow row, CalibCore core, long cycles, long bytecodes, String checksum,
        long stackPeakBytes, Machine machine, java.util.Map<String, Long> costKeyCounts) {

    /** The ground-truth cycles on this core ({@link CalibCore#cyclesColumn()}). */
    public long truthCycles() {
        return row.number(core.cyclesColumn());
    }

    /** (TinyJ − truth) / truth, percent. */
    public double errorPercent() {
        long t = truthCycles();
        return 100.0 * (cycles - t) / t;
    }

    /** Whether the outputs equal the C kernel's (the port computes what the C computes). */
    public boolean checksumMatches() {
        return checksum.equals(row.checksum());
    }
}
