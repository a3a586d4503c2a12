package dev.tinyj.emulator.cli;

import dev.tinyj.emulator.vm.exec.MachineOptions;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** {@code tinyj firmware}: runs firmware classes on an emulated board. */
final class FirmwareCommand extends Command {
    private static final String HELP = """
            usage: tinyj firmware --board ID --classpath CP --main CLASS [--loops N] [--watchdog-cycles N]
                                  [--serial PATH] [--flash-segment ID=FILE]... [--adc FILE]

            Verifies CLASS against the subset, then runs every <clinit> (dependencies first, CLASS last),
            setup() once and loop() N times, or until Mcu.halt(), on the emulated board. The firmware's
            Serial output goes to standard output; the summary (cycles, time at the board clock, SRAM
            high-water by part, flash use) goes to standard error.

              --board ID               board profile (./tinyj boards lists them), e.g. arduino-uno
              --classpath CP           class folders or jars with the firmware, separated by ':'
              --main CLASS             the firmware class (public static void setup() and loop())
              --loops N                loop() calls (default 1)
              --watchdog-cycles N      watchdog fault when one setup() or loop() call runs past N cycles
                                       (default %,d; fed each time loop() returns)
              --serial PATH            also write exactly the Serial bytes to PATH
              --flash-segment ID=FILE  bind FILE's bytes to Flash.segment(ID), ID 0..15; repeatable
              --adc FILE               samples for Adc.read: integers separated by spaces, commas or lines

            exit codes: 0 ran, 2 bad input (missing class or file, outside the subset, unknown board),
                        3 the firmware faulted (the fault, guest stack trace and memory picture on stderr)
            """.formatted(MachineOptions.DEFAULT_WATCHDOG_CYCLES);

    FirmwareCommand(PrintStream out, PrintStream err) {
        super(out, err);
    }

    @Override
    String name() {
        return "firmware";
    }

    @Override
    String help() {
        return HELP;
    }

    @Override
    Set<String> valueFlags() {
        return Set.of("board", "classpath", "main", "loops", "watchdog-cycles", "serial",
                "flash-segment", "adc");
    }

    @Override
    int execute(Args a) throws UsageException {
        Map<Integer, Path> segments = segments(a);
        var req = new FirmwareRunner.Request(a.require("firmware", "board"), a.require("firmware", "classpath"),
                a.require("firmware", "main"), a.getLong("firmware", "loops", 1, 0),
                a.getLong("firmware", "watchdog-cycles", MachineOptions.DEFAULT_WATCHDOG_CYCLES, 1),
                a.has("serial") ? Path.of(a.get("serial", null)) : null, segments,
                a.has("adc") ? Path.of(a.get("adc", null)) : null);
        return new FirmwareRunner(out, err).execute(req);
    }

    static Map<Integer, Path> segments(Args a) throws UsageException {
        Map<Integer, Path> segments = new LinkedHashMap<>();
        for (String s : a.all("flash-segment")) {
            int eq = s.indexOf('=');
            int id;
            try {
                id = eq > 0 ? Integer.parseInt(s.substring(0, eq)) : -1;
            } catch (NumberFormatException e) {
                id = -1;
            }
            if (id < 0 || id > 15 || eq == s.length() - 1) {
                throw new UsageException("--flash-segment expects ID=FILE with ID 0..15, got '" + s + "'");
            }
            segments.put(id, Path.of(s.substring(eq + 1)));
        }
        return segments;
    }
}
