package dev.tinyj.emulator.cli;

import java.io.PrintStream;
import java.util.Arrays;

/**
 * The {@code tinyj} command line. Exit codes (DESIGN.md "Exit codes"): 0 ran and passed; 1 a
 * ceiling, budget or expectation not met; 2 bad user input; 3 the guest faulted; 4 an internal
 * error of TinyJ.
 */
public final class Main {
    static final String VERSION = "0.1.0";

    private Main() {
    }

    static final String USAGE = """
            usage: tinyj <command> [flags]     (tinyj <command> --help for its flags)

            commands:
              run        run a .tflite model (default: the bundled sine model) on a board, with a report
              check      run as a CI gate: budgets, --baseline regressions, --junit XML (docs/check.md)
              firmware   run firmware classes on an emulated board: <clinit>s, setup(), loop() N times
              verify     check firmware classes against TinyJ's restricted Java subset
              inspect    read and compile a .tflite model: tensors, ops, MACs, arena plan, image size
              compile    write a .tflite model's image for flash segment 0 (and its op resolver class)
              train      train, quantize and write the bundled sine model (tinyj train sine --out PATH)
              boards     list the board profiles and their key figures
              results    run every model of a folder on a few boards; write the results table (docs/results.md);
                         --corpus DIR: a corpus with TFLM's golden outputs (docs/corpus.md)
              calibrate  score cycles (with leave-one-family-out refits), code size and stack against the
                         native calibration kernels; --write-costs makes the cost tables (docs/cost-model.md)
              test       (launcher) run the test suite: mvn verify on JDK 25
              javac      (launcher) the JDK 25 javac, for firmware against the HAL classes

            exit codes: 0 ok, 1 ceiling/budget/expectation not met, 2 bad input,
                        3 guest fault, 4 internal error
            """;

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs one command; returns its exit code. Never throws. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            err.print(USAGE);
            return 2;
        }
        if (args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
            out.print(USAGE);
            return 0;
        }
        if (args[0].equals("--version")) {
            out.println("tinyj " + VERSION);
            return 0;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        try {
            return switch (args[0]) {
                case "firmware" -> new FirmwareCommand(out, err).run(rest);
                case "verify" -> new VerifyCommand(out, err).run(rest);
                case "run" -> new RunCommand(out, err).run(rest);
                case "check" -> new CheckCommand(out, err).run(rest);
                case "boards" -> new BoardsCommand(out, err).run(rest);
                case "inspect" -> new InspectCommand(out, err).run(rest);
                case "compile" -> new CompileCommand(out, err).run(rest);
                case "train" -> new TrainCommand(out, err).runWithName(rest);
                case "results" -> new ResultsCommand(out, err).runWithArgs(rest);
                case "calibrate" -> new CalibrateCommand(out, err).run(rest);
                default -> {
                    err.println("tinyj: unknown command '" + args[0] + "'");
                    err.print(USAGE);
                    yield 2;
                }
            };
        } catch (UsageException e) {
            err.println("tinyj: " + e.getMessage());
            return 2;
        } catch (RuntimeException | Error e) {
            err.println("tinyj: internal error (a bug in TinyJ; please report it with the command line):");
            e.printStackTrace(err);
            return 4;
        }
    }
}
