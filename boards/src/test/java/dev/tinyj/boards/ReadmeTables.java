package dev.tinyj.boards;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The tables of {@code boards/README.md} rendered from the board data, one row per board in id
 * order: the memory map ({@code <!-- generated: boards -->}) and the power figures
 * ({@code <!-- generated: power -->}). Each table sits between its begin marker and
 * {@value #END}; {@link #update} replaces what is between them and leaves the rest of the README
 * as it is. {@link GeneratedFilesTest} checks the committed README against it.
 */
final class ReadmeTables {
    static final String BOARDS = "<!-- generated: boards -->";
    static final String POWER = "<!-- generated: power -->";
    static final String END = "<!-- end generated -->";

    private ReadmeTables() {
    }

    /**
     * {@code readme} with both tables rendered from {@code boards}.
     *
     * @throws IllegalArgumentException when a marker is missing or out of order
     */
    static String update(String readme, List<Board> boards) {
        String text = replace(readme, BOARDS, boards(boards));
        return replace(text, POWER, power(boards));
    }

    /** Memory map: id, MCU, core, clock, flash for firmware, SRAM. */
    static String boards(List<Board> boards) {
        return table(List.of("board id", "MCU", "core", "clock", "flash for firmware", "SRAM"), boards,
                b -> List.of(code(b.id()), code(b.mcu()), code(b.core()), clock(b.clockHz()), region(b.flash()),
                        region(b.sram())));
    }

    /** Power: supply, active current and power, timed-sleep mode and its current, default source, battery. */
    static String power(List<Board> boards) {
        return table(List.of("board", "supply", "active", "active power", "timed-sleep mode", "its current",
                "default source", "battery"), boards, b -> {
                    PowerModel p = b.power();
                    return List.of(code(b.id()), figure(p.supplyVolts(), "V"), figure(p.activeMilliamps(), "mA"),
                            milliwatts(p.activeMilliwatts()),
                            p.timedSleepMode().known() ? code(p.timedSleepMode().text()) : "unknown",
                            figure(p.timedSleepMicroamps(), "uA"), p.powerSource().text(),
                            p.battery().map(Battery::label).orElse("none"));
                });
    }

    private static String replace(String readme, String begin, String table) {
        int from = readme.indexOf(begin);
        int to = from < 0 ? -1 : readme.indexOf(END, from);
        if (from < 0 || to < 0) {
            throw new IllegalArgumentException("README has no '" + begin + "' ... '" + END + "' section");
        }
        return readme.substring(0, from + begin.length()) + "\n\n" + table + "\n" + readme.substring(to);
    }

    private static String table(List<String> header, List<Board> boards, Function<Board, List<String>> row) {
        StringBuilder out = new StringBuilder(line(header));
        out.append("|---".repeat(header.size())).append("|\n");
        boards.forEach(b -> out.append(line(row.apply(b))));
        return out.toString();
    }

    private static String line(List<String> cells) {
        return "| " + String.join(" | ", cells) + " |\n";
    }

    private static String code(String s) {
        return "`" + s + "`";
    }

    /** {@code 16 MHz}, {@code 32.768 kHz} style: the largest unit that divides the clock. */
    static String clock(long hz) {
        if (hz % 1_000_000 == 0) {
            return hz / 1_000_000 + " MHz";
        }
        return hz % 1_000 == 0 ? hz / 1_000 + " kHz" : String.format(Locale.ROOT, "%,d Hz", hz);
    }

    /** {@code 2,048 B at 0x0100}: hex base with 4 digits below 64 KiB, 8 above, {@code 0x0} for zero. */
    static String region(Board.Region r) {
        String base = r.base() == 0 ? "0x0"
                : String.format(Locale.ROOT, r.base() <= 0xFFFF ? "0x%04X" : "0x%08X", r.base());
        return String.format(Locale.ROOT, "%,d B at %s", r.size(), base);
    }

    /** A figure as its file writes it, with its unit, or {@code unknown}. */
    private static String figure(Figure f, String unit) {
        return f.known() ? f.text() + " " + unit : "unknown";
    }

    /** A derived power, to 0.01 mW without trailing zeros: {@code 50 mW}, {@code 10.89 mW}. */
    private static String milliwatts(Figure f) {
        if (!f.known()) {
            return "unknown";
        }
        String s = String.format(Locale.ROOT, "%.2f", f.value()).replaceFirst("\\.?0+$", "");
        return s + " mW";
    }
}
