package dev.tinyj.emulator.cli;

import dev.tinyj.boards.Battery;
import dev.tinyj.boards.Board;
import dev.tinyj.boards.BoardException;
import dev.tinyj.boards.Boards;
import dev.tinyj.boards.Figure;
import dev.tinyj.boards.PowerModel;
import dev.tinyj.emulator.toolchain.report.Json;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code tinyj boards}: the shipped board profiles with clock, memory, core and power figures, as a
 * table or ({@code --format json}) an array with every sleep mode.
 */
final class BoardsCommand extends Command {
    private static final String HELP = """
            usage: tinyj boards [--format text|json]

            Lists every board profile: id, MCU, core, clock, flash and SRAM for firmware, supply voltage,
            active power (supply x active current at the clock), the timed-sleep mode (the one
            Mcu.sleepMicros uses) with its current, and the default power source. A figure that could not
            be sourced is 'unknown'. --format json gives every sleep mode and each figure's source.
            Profiles are data files in boards/src/main/resources/dev/tinyj/boards (see boards/README.md).
            """;
    private static final String ROW = "%-20s %-12s %-10s %8s %10s %8s %7s %10s  %-28s %s%n";

    BoardsCommand(PrintStream out, PrintStream err) {
        super(out, err);
    }

    @Override
    String name() {
        return "boards";
    }

    @Override
    String help() {
        return HELP;
    }

    @Override
    Set<String> valueFlags() {
        return Set.of("format");
    }

    @Override
    int execute(Args a) throws UsageException {
        String format = a.get("format", "text");
        if (!format.equals("text") && !format.equals("json")) {
            throw new UsageException(name() + ": --format must be text or json, got '" + format + "'");
        }
        List<Board> boards = new ArrayList<>();
        for (String id : Boards.ids()) {
            try {
                boards.add(Boards.load(id));
            } catch (BoardException e) {
                err.println("tinyj: " + e.getMessage());
                return 2;
            }
        }
        if (format.equals("json")) {
            List<Object> array = Json.array();
            boards.forEach(b -> array.add(json(b)));
            out.print(Json.write(array));
            return 0;
        }
        out.printf(Locale.ROOT, ROW, "board", "mcu", "core", "clock", "flash B", "SRAM B", "supply", "active mW",
                "timed sleep", "default source");
        for (Board b : boards) {
            PowerModel p = b.power();
            out.printf(Locale.ROOT, ROW, b.id(), b.mcu(), b.core(), RunReport.mhz(b.clockHz()),
                    RunReport.n(b.flash().size()), RunReport.n(b.sram().size()),
                    p.supplyVolts().known() ? p.supplyVolts().text() + " V" : "unknown",
                    p.activeMilliwatts().known() ? String.format(Locale.ROOT, "%.2f", p.activeMilliwatts().value())
                            : "unknown",
                    p.timedSleepMode().text() + " " + (p.timedSleepMicroamps().known()
                            ? p.timedSleepMicroamps().text() + " uA" : "unknown"),
                    p.powerSource().text());
        }
        return 0;
    }

    /** One board as a JSON object (keys in docs/report-schema.md, "tinyj boards --format json"). */
    private static Map<String, Object> json(Board b) {
        PowerModel p = b.power();
        Map<String, Object> o = Json.object();
        o.put("id", b.id());
        o.put("name", b.displayName());
        o.put("mcu", b.mcu());
        o.put("core", b.core());
        o.put("clock_hz", b.clockHz());
        o.put("flash_bytes", b.flash().size());
        o.put("sram_bytes", b.sram().size());
        o.put("supply_v", figure(p.supplyVolts()));
        o.put("active_ma", figure(p.activeMilliamps()));
        o.put("active_mw", figure(p.activeMilliwatts()));
        Map<String, Object> sleep = Json.object();
        p.sleepMicroamps().forEach((mode, ua) -> sleep.put(mode, figure(ua)));
        o.put("sleep_ua", sleep);
        o.put("timed_sleep_mode", p.timedSleepMode().known() ? p.timedSleepMode().text() : null);
        o.put("power_source", figure(p.powerSource()));
        Battery battery = p.battery().orElse(null);
        if (battery == null) {
            o.put("battery", null);
        } else {
            Map<String, Object> bat = Json.object();
            bat.put("capacity_mah", battery.milliampHours());
            bat.put("volts", battery.volts());
            bat.put("source", battery.source());
            o.put("battery", bat);
        }
        return o;
    }

    /** {@code {"value": 5.0, "source": "..."}}; value null when unknown (text for a textual figure). */
    private static Map<String, Object> figure(Figure f) {
        Map<String, Object> o = Json.object();
        o.put("value", !f.known() ? null : Double.isNaN(f.value()) ? f.text() : (Object) f.value());
        o.put("source", f.source());
        return o;
    }
}
