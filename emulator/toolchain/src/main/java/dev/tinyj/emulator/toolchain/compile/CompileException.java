package dev.tinyj.emulator.toolchain.compile;

import java.util.List;

/**
 * A model cannot be compiled for the TinyJ runtime: unsupported operators or tensor types, or
 * operators whose prepare step refuses them. A user error (exit code 2). It carries every problem
 * found, one line each, so the user sees them all at once:
 *
 * <pre>
 * trained_lstm_int8: 1 problem:
 *   operator 0 (UNIDIRECTIONAL_SEQUENCE_LSTM): unsupported operator
 * </pre>
 */
public final class CompileException extends Exception {
    private static final long serialVersionUID = 1L;

    /** The exit code of a compile error (bad user input). */
    public static final int EXIT_CODE = 2;

    private final String model;
    @SuppressWarnings("serial") // an immutable List.copyOf; compile errors are never serialized
    private final List<String> problems;

    /**
     * @param model model name
     * @param problems one line per problem, in operator order (at least one)
     */
    public CompileException(String model, List<String> problems) {
        super(format(model, problems));
        this.model = model;
        this.problems = List.copyOf(problems);
    }

    /** The model name. */
    public String model() {
        return model;
    }

    /** Every problem, one line each. */
    public List<String> problems() {
        return problems;
    }

    private static String format(String model, List<String> problems) {
        StringBuilder s = new StringBuilder(model).append(": ").append(problems.size())
                .append(problems.size() == 1 ? " problem:" : " problems:");
        for (String p : problems) {
            s.append("\n  ").append(p);
        }
        return s.toString();
    }
}
