package dev.tinyj.emulator.run;

import dev.tinyj.emulator.run.ResultsTable.Row;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * Markdown cells of the results tables ({@link ResultsTable}, {@link CorpusTable}): numbers with
 * thousands separators ({@code Locale.ROOT}), "used / capacity", energy or {@code unknown}, and the
 * short form of a row's outcome for the compact README tables.
 */
final class TableCells {
    private TableCells() {
    }

    /** A row's outcome in a compact table: "418.115 ms, 17,143.08 µJ", or why it did not run, briefly. */
    static String compact(Row r) {
        if (r.ran()) {
            String figures = String.format(Locale.ROOT, "%,.3f ms, %s µJ", r.ms(), uj(r.microjoules()));
            return r.output() == ResultsTable.OutputCheck.DIFFERS ? figures + ", **output differs**" : figures;
        }
        return shortStatus(r.status());
    }

    /** "does not fit (SRAM, flash)", "unsupported", or the status itself as a cell. */
    static String shortStatus(String status) {
        if (status.startsWith("does not fit: SRAM")) {
            return status.contains("flash needs") ? "does not fit (SRAM, flash)" : "does not fit (SRAM)";
        }
        if (status.startsWith("does not fit: flash")) {
            return "does not fit (flash)";
        }
        if (status.startsWith("unsupported")) {
            return "unsupported";
        }
        return cell(status);
    }

    /** {@code text} safe inside a Markdown table cell (no {@code |}, no line break). */
    static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }

    /** "used / capacity" with separators, or "-" when {@code used} is unknown (negative). */
    static String of(long used, long capacity) {
        return used < 0 ? "-" : n(used) + " / " + n(capacity);
    }

    /** µJ with two decimals, or {@code unknown}. */
    static String uj(OptionalDouble e) {
        return e.isPresent() ? String.format(Locale.ROOT, "%,.2f", e.getAsDouble()) : "unknown";
    }

    /** µJ without decimals, or {@code unknown}. */
    static String uj0(OptionalDouble e) {
        return e.isPresent() ? String.format(Locale.ROOT, "%,.0f", e.getAsDouble()) : "unknown";
    }

    /** {@code v} with thousands separators. */
    static String n(long v) {
        return String.format(Locale.ROOT, "%,d", v);
    }
}
