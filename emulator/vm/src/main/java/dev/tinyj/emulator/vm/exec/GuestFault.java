package dev.tinyj.emulator.vm.exec;

import java.util.List;

/**
 * The guest faulted: the run stops. Carries the kind, a message, the guest's Java stack (innermost
 * first, with source lines) and the cycle count at the fault.
 */
public final class GuestFault extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * One guest frame.
     *
     * @param method e.g. {@code Demo.loop()V}
     * @param source source path, e.g. {@code probe/Demo.java}
     * @param line source line, 0 when unknown
     * @param bytecode bytecode offset in the method
     */
    public record Frame(String method, String source, int line, int bytecode) {
        /** Java-stack-trace form: {@code at Demo.loop()V (probe/Demo.java:12, bytecode 7)}. */
        public String format() {
            String where = line > 0 ? source + ":" + line : source;
            return "at " + method + " (" + where + ", bytecode " + bytecode + ")";
        }
    }

    private final FaultKind kind;
    private final transient List<Frame> stack;
    private final long cycles;

    public GuestFault(FaultKind kind, String message, List<Frame> stack, long cycles) {
        super(message, null, false, false);
        this.kind = kind;
        this.stack = List.copyOf(stack);
        this.cycles = cycles;
    }

    public FaultKind kind() {
        return kind;
    }

    /** Guest frames, innermost first. */
    public List<Frame> stack() {
        return stack;
    }

    /** Cycles executed when the fault happened. */
    public long cycles() {
        return cycles;
    }
}
