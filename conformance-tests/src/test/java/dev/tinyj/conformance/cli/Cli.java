package dev.tinyj.conformance.cli;

import dev.tinyj.conformance.support.Emu;
import dev.tinyj.emulator.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs the {@code tinyj} command line in-process and keeps its exit code, standard output and error. */
record Cli(int exit, byte[] stdout, String stderr) {
    /** The test-classes folder, where the {@code fw.cli} firmware lives. */
    static String classpath() {
        return Emu.classesOf(fw.cli.Hello.class).toString();
    }

    static Cli run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = Main.run(args, o, e);
        }
        return new Cli(code, out.toByteArray(), err.toString(StandardCharsets.UTF_8));
    }

    /** {@code tinyj firmware --board BOARD --classpath <test classes> --main MAIN} plus {@code more}. */
    static Cli firmware(String board, String main, String... more) {
        String[] args = new String[7 + more.length];
        String[] head = {"firmware", "--board", board, "--classpath", classpath(), "--main", main};
        System.arraycopy(head, 0, args, 0, head.length);
        System.arraycopy(more, 0, args, head.length, more.length);
        return run(args);
    }

    String out() {
        return new String(stdout, StandardCharsets.ISO_8859_1);
    }

    @Override
    public String toString() {
        return "exit " + exit + "\n--- stdout\n" + out() + "--- stderr\n" + stderr;
    }
}
