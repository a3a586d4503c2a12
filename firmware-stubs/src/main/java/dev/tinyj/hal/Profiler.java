package dev.tinyj.hal;

/**
 * Marks measurement windows: {@code begin(tag)}/{@code end(tag)} bracket the latency window
 * (tag 0 by convention) and per-op spans. Free: the emulator charges no cycles for these calls
 * and records the cycle count at each mark. Host implementation: does nothing.
 */
public final class Profiler {
    private Profiler() {
    }

    /** Opens the span {@code tag}. */
    public static void begin(int tag) {
    }

    /** Closes the span {@code tag}. */
    public static void end(int tag) {
    }
}
