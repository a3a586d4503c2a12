package dev.tinyj.emulator.calibrate;

import java.util.List;

/**
 * Summary of signed relative errors (percent): count, median and largest |error|, median signed
 * error. The median of an even count is the mean of the two middle values.
 */
public record ErrorStats(int count, double medianAbs, double maxAbs, double medianSigned) {

    /** Summarises {@code errors} (percent, signed); all zero when empty. */
    public static ErrorStats of(List<Double> errors) {
        if (errors.isEmpty()) {
            return new ErrorStats(0, 0, 0, 0);
        }
        List<Double> abs = errors.stream().map(Math::abs).sorted().toList();
        List<Double> signed = errors.stream().sorted().toList();
        return new ErrorStats(errors.size(), median(abs), abs.getLast(), median(signed));
    }

    /** Summarises the cycle errors of {@code runs}. */
    public static ErrorStats ofRuns(List<KernelRun> runs) {
        return of(runs.stream().map(KernelRun::errorPercent).toList());
    }

    private static double median(List<Double> sorted) {
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
