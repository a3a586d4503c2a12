package dev.tinyj.emulator.cli;

import java.io.PrintStream;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The progress line of a long {@code tinyj run}: after {@link #DELAY_MS} of wall time, standard
 * error shows {@code tinyj: running MODEL on BOARD... N s}, rewritten in place with {@code \r}
 * every second, and erased when the run ends (before anything else is printed).
 *
 * <p>Only on a terminal: the stream must be the process's own {@code System.err} and
 * {@code System.console()} must report a terminal — so never in tests (which pass their own
 * streams), pipes or CI logs. It shows wall-clock seconds only, not guest cycles: the emulator
 * has no progress callback and its cycle counter is not safe to read from another thread.
 */
final class RunProgress implements AutoCloseable {
    static final long DELAY_MS = 2000;

    private final PrintStream err;
    private final ScheduledExecutorService timer;
    private final long start = System.nanoTime();
    private boolean shown;

    private RunProgress(PrintStream err, String what) {
        this.err = err;
        if (err == null) {
            this.timer = null;
            return;
        }
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "tinyj-progress");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleAtFixedRate(() -> tick(what), DELAY_MS, 1000, TimeUnit.MILLISECONDS);
    }

    /** A progress line on {@code err} if it is the terminal's standard error, else a no-op. */
    static RunProgress start(PrintStream err, String what) {
        var console = System.console();
        boolean terminal = err == System.err && console != null && console.isTerminal();
        return new RunProgress(terminal ? err : null, what);
    }

    private synchronized void tick(String what) {
        long s = (System.nanoTime() - start) / 1_000_000_000L;
        err.print("\rtinyj: running " + what + "... " + s + " s");
        err.flush();
        shown = true;
    }

    @Override
    public void close() {
        if (timer == null) {
            return;
        }
        timer.shutdownNow();
        try {
            timer.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            if (shown) {
                err.print("\r\033[K");
                err.flush();
                shown = false;
            }
        }
    }
}
