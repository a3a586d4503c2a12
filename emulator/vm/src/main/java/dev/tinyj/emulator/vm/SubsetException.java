package dev.tinyj.emulator.vm;

import java.util.List;

/**
 * Firmware is outside TinyJ's restricted subset. {@link #violations()} lists every violation in
 * javac's form ({@code probe/Multi.java:12: error: reason (Multi.loop()V, bytecode 17)}). A user
 * error: exit code 2.
 */
public final class SubsetException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient List<String> violations;

    public SubsetException(List<String> violations) {
        super(violations.size() + (violations.size() == 1 ? " error" : " errors"));
        this.violations = List.copyOf(violations);
    }

    /** Formatted violations, one per line. */
    public List<String> violations() {
        return violations;
    }
}
