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
                                  [--battery-mah X [--battery-v V]]
                                  [--max-cycles N] [--max-latency-ms X] [--max-energy-uj X] [--max-sram B]
                                  [--max-flash B]

            Verifies CLASS against the subset, then runs every <clinit> (dependencies first, CLASS last),
            setup() once and loop() N times, or until Mcu.halt(), on the emulated board. The firmware's
            Serial output goes to standard output; the summary goes to standard error: cycles and time at
            the board clock plus the time slept (Mcu.sleepMicros), energy (active + asleep in the board's
            timed-sleep mode) and average power, a battery's life at the firmware's own duty cycle (its
            energy over its elapsed time), SRAM high-water by part, flash use, and the budgets' checks.

              --board ID               board profile (./tinyj boards lists them), e.g. arduino-uno
              --classpath CP           class folders or jars with the firmware, separated by ':'
              --main CLASS             the firmware class (public static void setup() and loop())
              --loops N                loop() calls (default 1)
              --watchdog-cycles N      watchdog fault when one <clinit>, setup() or loop() call runs past N cycles
                                       (default %,d; fed each time one of them returns)
              --serial PATH            also write exactly the Serial bytes to PATH
              --flash-segment ID=FILE  bind FILE's bytes to Flash.segment(ID), ID 0..15; repeatable
              --adc FILE               samples for Adc.read: integers separated by spaces, commas or lines
              --battery-mah X          a battery of X mAh for the battery-life estimate (default: the
                                       board's default battery; no shipped board has one)
              --battery-v V            its nominal voltage (default: the board's supply voltage)
            budgets, checked after the run (each exceeded one is a FAIL line naming the figure and the
            limit, exit 1; a fault stops the run first, exit 3):
              --max-cycles N           cycles of the whole run: every <clinit>, setup() and the loops
              --max-latency-ms X       those cycles at the board clock, ms (time asleep not included)
              --max-energy-uj X        energy of the whole run, active + asleep, uJ
              --max-sram B             peak SRAM, bytes
              --max-flash B            flash used: code + constants, bytes

            The flash used (code + constants, flash segments included) is always checked against the
            board's flash for firmware (fits-flash); SRAM is checked as the firmware runs (an overflow
            is a fault).

            exit codes: 0 ran (it fits and every budget held), 1 flash exceeded or a budget exceeded,
                        2 bad input (missing class or
                        file, outside the subset, unknown board, bad flag), 3 the firmware faulted (the
                        fault, guest stack trace and memory picture on stderr)
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
        Set<String> flags = new java.util.HashSet<>(Set.of("board", "classpath", "main", "loops", "watchdog-cycles",
                "serial", "flash-segment", "adc"));
        flags.addAll(Budgets.FLAGS);
        flags.addAll(BatteryChoice.FLAGS);
        return flags;
    }

    @Override
    int execute(Args a) throws UsageException {
        Map<Integer, Path> segments = segments(a);
        var req = new FirmwareRunner.Request(a.require("firmware", "board"), a.require("firmware", "classpath"),
                a.require("firmware", "main"), a.getLong("firmware", "loops", 1, 0),
                a.getLong("firmware", "watchdog-cycles", MachineOptions.DEFAULT_WATCHDOG_CYCLES, 1),
                a.has("serial") ? Path.of(a.get("serial", null)) : null, segments,
                a.has("adc") ? Path.of(a.get("adc", null)) : null, Budgets.of(name(), a),
                BatteryChoice.Flags.of(name(), a));
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
            if (segments.put(id, Path.of(s.substring(eq + 1))) != null) {
                throw new UsageException("--flash-segment " + id + " is given twice (one file per segment)");
            }
        }
        return segments;
    }
}
