package dev.tinyj.conformance.support;

import dev.tinyj.emulator.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Test support: runs a {@code tinyj} command in-process and captures its exit code and output. */
public final class Cli {
    private Cli() {
    }

    /**
     * What a command did.
     *
     * @param code exit code
     * @param out standard output (UTF-8)
     * @param err standard error (UTF-8)
     */
    public record Outcome(int code, String out, String err) {
    }

    /** Runs {@code tinyj args...}. */
    public static Outcome tinyj(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
