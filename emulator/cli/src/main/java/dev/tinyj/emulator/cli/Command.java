package dev.tinyj.emulator.cli;

import java.io.PrintStream;
import java.util.Set;

/**
 * One {@code tinyj} command: its name, help text and flags; {@code --help} anywhere prints the help
 * and exits 0; flags are parsed by {@link Args} (unknown flags are exit-2 errors).
 */
abstract class Command {
    protected final PrintStream out;
    protected final PrintStream err;

    Command(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** The command word, e.g. {@code firmware}. */
    abstract String name();

    /** The {@code --help} text. */
    abstract String help();

    /** Flags that take a value. */
    abstract Set<String> valueFlags();

    /** Flags that take none. */
    Set<String> booleanFlags() {
        return Set.of();
    }

    /** Runs with parsed flags; returns the exit code. */
    abstract int execute(Args args) throws UsageException;

    /** Parses {@code argv} and runs; returns the exit code. */
    final int run(String[] argv) throws UsageException {
        for (String a : argv) {
            if (a.equals("--help") || a.equals("-h")) {
                out.print(help());
                return 0;
            }
        }
        return execute(Args.parse(name(), argv, valueFlags(), booleanFlags()));
    }
}
