package dev.tinyj.emulator.calibrate;

import java.util.Map;

/**
 * One {@code -O2} row of the calibration ground truth ({@code results.csv}), every column by its
 * header name; {@link GroundTruth} checked that the columns the suite reads are present and numeric.
 *
 * @param benchId bench_id
 * @param columns every column of the row, by header name
 */
public record BenchRow(int benchId, Map<String, String> columns) {

    public BenchRow {
        columns = Map.copyOf(columns);
    }

    /** A column as text ({@code kernel}, {@code shape}, {@code checksum}, ...). */
    public String text(String column) {
        String v = columns.get(column);
        if (v == null) {
            throw new IllegalArgumentException("results.csv has no column " + column);
        }
        return v;
    }

    /** A whole-number column ({@code avr_cycles}, {@code m4_insns}, {@code avr_kernel_fn_bytes}, ...). */
    public long number(String column) {
        return Long.parseLong(text(column).strip());
    }

    public String kernel() {
        return text("kernel");
    }

    public String shape() {
        return text("shape");
    }

    public String weights() {
        return text("weights");
    }

    public String style() {
        return text("style");
    }

    /** Fletcher-16 of the C kernel's outputs, 4 lowercase hex digits. */
    public String checksum() {
        return text("checksum");
    }
}
