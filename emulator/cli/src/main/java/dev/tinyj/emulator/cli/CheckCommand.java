package dev.tinyj.emulator.cli;

import java.io.PrintStream;
import java.util.HashSet;
import java.util.Set;

/**
 * {@code tinyj check}: {@code tinyj run} as a CI gate. Every ceiling, budget, {@code --expect} and
 * baseline metric is a check with a PASS/FAIL line; {@code --junit} writes them as JUnit XML and
 * {@code --baseline} fails on a regression beyond {@code --tolerance}. See {@code docs/check.md}.
 */
final class CheckCommand extends RunCommand {
    private static final String HELP = """
            usage: tinyj check [every flag of tinyj run] [--junit PATH] [--baseline REPORT.json [--tolerance PCT]]

            Runs the model like tinyj run (same flags, same report) and gates on the result: one check per
            ceiling (fits-sram, fits-flash), per budget given (max-cycles, max-latency-ms, max-energy-uj,
            max-sram, max-flash), for --expect, and per baseline metric (baseline-cycles,
            baseline-energy-uj, baseline-sram, baseline-flash). Prints the report, then a PASS/FAIL line per
            check and a summary; --format json adds a "checks" array (docs/report-schema.md).

              --junit PATH         also write JUnit XML: one <testsuite name="tinyj check MODEL on BOARD">,
                                   one <testcase> per check, <failure message="..."> with the figures,
                                   and the text report as <system-out>
              --baseline PATH      a report saved by tinyj run --format json --out PATH for the same model
                                   and board; fail when cycles, energy_uj, sram.total or flash.total grew
                                   by more than the tolerance (improvements pass and are reported)
              --tolerance PCT      allowed growth over the baseline, percent (default 2)
              budgets              --max-cycles N, --max-latency-ms X, --max-energy-uj X, --max-sram B,
                                   --max-flash B (see tinyj run --help)

            exit codes: 0 every check passed; 1 a check failed (does not fit, budget exceeded, --expect
                        mismatch, regression beyond the tolerance); 2 bad input (also a baseline for
                        another model or board, or a malformed baseline); 3 the firmware faulted;
                        4 internal error
            CI recipe: docs/check.md.
            """;

    CheckCommand(PrintStream out, PrintStream err) {
        super(out, err);
    }

    @Override
    String name() {
        return "check";
    }

    @Override
    String help() {
        return HELP + "\nflags shared with tinyj run:\n" + super.help();
    }

    @Override
    boolean gating() {
        return true;
    }

    @Override
    Set<String> valueFlags() {
        Set<String> flags = new HashSet<>(super.valueFlags());
        flags.addAll(Set.of("junit", "baseline", "tolerance"));
        return flags;
    }
}
