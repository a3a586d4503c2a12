package dev.tinyj.conformance.hostile;

import dev.tinyj.emulator.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * Runs one hostile try as a user would: its class files are written to a fresh classpath folder
 * ({@code root/cp}), its decoys beside that folder, then {@code tinyj verify} and {@code tinyj
 * firmware} (on {@value #BOARD}, {@code --loops 2 --watchdog-cycles 1000000}) run through the
 * CLI's {@link Main#run} in-process, each on its own thread under a wall-clock cap. The outcome is
 * the worst of: a run past the cap ({@link Outcome#HANG}); a host OutOfMemoryError or
 * StackOverflowError ({@link Outcome#OOM}); exit 4, another code outside 0-3 or a host stack
 * trace ({@link Outcome#INTERNAL}); {@code verify} exit 0 for classes the JDK's verifier rejects
 * ({@link Outcome#RAN_MALFORMED}); and, for a case with decoys, any difference between the runs
 * with the decoys present and deleted ({@link Outcome#ESCAPE}: a file outside the classpath was read).
 *
 * <p>A run over the cap cannot be stopped (its thread is interrupted and left, a daemon); the
 * cap is generous so that only a real hang reaches it.
 */
final class Harness {
    static final String BOARD = "arduino-uno";
    private static final String[] FIRMWARE_FLAGS = {"--loops", "2", "--watchdog-cycles", "1000000"};

    /** One command's result; {@code exit} is -1 when it timed out or threw past Main. */
    record Run(int exit, String out, String err, boolean timedOut, Throwable thrown) {
        boolean sameAs(Run o) {
            return exit == o.exit && out.equals(o.out) && err.equals(o.err);
        }
    }

    /**
     * The outcome of one try.
     *
     * @param outcome the worst outcome of its runs
     * @param detail why: the host exception and its top frame, the JDK's objection, the command that hung
     */
    record Verdict(Outcome outcome, String detail, Run verify, Run firmware) {
    }

    private final Duration cap;

    Harness(Duration cap) {
        this.cap = cap;
    }

    /** Writes {@code layout} under {@code root} (which must be empty or absent), runs it and judges it. */
    Verdict judge(HostileCase.Layout layout, Path root) {
        Path cp = root.resolve("cp");
        try {
            clear(root);
            Files.createDirectories(cp);
            for (var e : layout.classes().entrySet()) {
                write(cp.resolve(e.getKey() + ".class"), e.getValue());
            }
            for (var e : layout.outside().entrySet()) {
                write(root.resolve(e.getKey()), e.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Run verify = run("verify", "--classpath", cp.toString(), "--main", layout.main());
        Run firmware = run(firmwareArgs(cp, layout.main()));
        Verdict v = classify(verify, firmware, layout.classes());
        if (v.outcome().compareTo(Outcome.HANG) < 0 && !layout.outside().isEmpty()) {
            try {
                for (String rel : layout.outside().keySet()) {
                    Files.delete(root.resolve(rel));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Run verify2 = run("verify", "--classpath", cp.toString(), "--main", layout.main());
            Run firmware2 = run(firmwareArgs(cp, layout.main()));
            if (!verify.sameAs(verify2) || !firmware.sameAs(firmware2)) {
                return new Verdict(Outcome.ESCAPE, "output depends on a file outside --classpath: verify exit "
                        + verify.exit + " (" + firstLine(verify.out + verify.err) + ") without it exit " + verify2.exit,
                        verify, firmware);
            }
        }
        return v;
    }

    private static String[] firmwareArgs(Path cp, String main) {
        String[] head = {"firmware", "--board", BOARD, "--classpath", cp.toString(), "--main", main};
        String[] args = new String[head.length + FIRMWARE_FLAGS.length];
        System.arraycopy(head, 0, args, 0, head.length);
        System.arraycopy(FIRMWARE_FLAGS, 0, args, head.length, FIRMWARE_FLAGS.length);
        return args;
    }

    private static Verdict classify(Run verify, Run firmware, Map<String, byte[]> classes) {
        Verdict worst = new Verdict(Outcome.OK, "", verify, firmware);
        for (Run r : new Run[] {verify, firmware}) {
            Verdict v = classify(r, r == verify ? "verify" : "firmware", verify, firmware);
            if (v.outcome().compareTo(worst.outcome()) > 0) {
                worst = v;
            }
        }
        if (worst.outcome() == Outcome.OK && verify.exit == 0) {
            Optional<String> problem = JdkCheck.problem(classes);
            if (problem.isPresent()) {
                return new Verdict(Outcome.RAN_MALFORMED, "the JVM rejects " + firstLine(problem.get()), verify,
                        firmware);
            }
        }
        return worst;
    }

    private static Verdict classify(Run r, String command, Run verify, Run firmware) {
        if (r.timedOut) {
            return new Verdict(Outcome.HANG, command + " ran past the cap", verify, firmware);
        }
        String err = r.err + (r.thrown == null ? "" : r.thrown.toString());
        if (err.contains("OutOfMemoryError") || err.contains("StackOverflowError")) {
            return new Verdict(Outcome.OOM, command + ": " + topOfTrace(err), verify, firmware);
        }
        if (r.exit < 0 || r.exit > 3 || err.contains("\tat ") || err.contains("Exception in thread")
                || err.contains("internal error")) {
            return new Verdict(Outcome.INTERNAL, command + " exit " + r.exit + ": " + topOfTrace(err), verify,
                    firmware);
        }
        return new Verdict(Outcome.OK, "", verify, firmware);
    }

    /**
     * The exception line, its first frame and its first TinyJ frame, e.g.
     * {@code java.lang.NullPointerException: ... @ at X.y(X.java:3) [at dev.tinyj...]}.
     */
    static String topOfTrace(String err) {
        String[] lines = err.split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].startsWith("\tat ")) {
                String top = (i > 0 ? lines[i - 1].strip() : "") + " @ " + lines[i].strip();
                if (!lines[i].contains("dev.tinyj.")) {
                    for (int j = i + 1; j < lines.length; j++) {
                        if (lines[j].startsWith("\tat dev.tinyj.")) {
                            return top + " [" + lines[j].strip() + "]";
                        }
                    }
                }
                return top;
            }
        }
        return firstLine(err);
    }

    static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** Runs {@code tinyj args} on a fresh daemon thread, waiting at most the cap. */
    Run run(String... args) {
        FutureTask<Run> task = new FutureTask<>(() -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                    PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
                int code = Main.run(args, o, e);
                return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8),
                        false, null);
            } catch (Throwable t) {
                return new Run(-1, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8),
                        false, t);
            }
        });
        Thread t = Thread.ofPlatform().daemon().name("hostile-" + args[0]).unstarted(task);
        t.start();
        try {
            return task.get(cap.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            t.interrupt();
            return new Run(-1, "", "", true, null);
        } catch (ExecutionException e) {
            return new Run(-1, "", "", false, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running tinyj " + args[0], e);
        }
    }

    private static void write(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
    }

    /** Deletes {@code root} and everything under it. */
    static void clear(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
