package dev.tinyj.emulator.cli;

import dev.tinyj.emulator.vm.exec.MachineOptions;
import dev.tinyj.runtime.demo.DotProductDemo;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * {@code tinyj run}: until the main-job issue lands (model in, report out), runs the bundled demo
 * firmware ({@link DotProductDemo}, an int8 neuron with fixed-point requantization) on a board.
 */
final class DemoRunCommand extends Command {
    private static final String HELP = """
            usage: tinyj run [--board ID] [--loops N] [--watchdog-cycles N] [--serial PATH]

            Runs the bundled demo firmware, dev.tinyj.runtime.demo.DotProductDemo (a 64-input int8
            neuron: dot product, fixed-point requantization, ReLU), on the emulated board and prints its
            Serial output, then the summary on standard error. Running .tflite models arrives with the
            main-job issue.

              --board ID           board profile (default arduino-uno; ./tinyj boards lists them)
              --loops N            loop() calls (default 3)
              --watchdog-cycles N  stop with a watchdog fault past N cycles
              --serial PATH        also write exactly the Serial bytes to PATH

            exit codes: 0 ran, 2 bad input, 3 the firmware faulted
            """;

    DemoRunCommand(PrintStream out, PrintStream err) {
        super(out, err);
    }

    @Override
    String name() {
        return "run";
    }

    @Override
    String help() {
        return HELP;
    }

    @Override
    Set<String> valueFlags() {
        return Set.of("board", "loops", "watchdog-cycles", "serial");
    }

    @Override
    int execute(Args a) throws UsageException {
        String classes;
        try {
            classes = Path.of(DotProductDemo.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the bundled demo firmware", e);
        }
        var req = new FirmwareRunner.Request(a.get("board", "arduino-uno"), classes, DotProductDemo.class.getName(),
                a.getLong("run", "loops", 3, 0),
                a.getLong("run", "watchdog-cycles", MachineOptions.DEFAULT_WATCHDOG_CYCLES, 1),
                a.has("serial") ? Path.of(a.get("serial", null)) : null, Map.of(), null);
        return new FirmwareRunner(out, err).execute(req);
    }
}
