package dev.tinyj.conformance.hostile;

/**
 * How TinyJ answered one hostile try (issue 12: any class file gets exit 0-3 and no host
 * exception). Declared from best to worst; a try's outcome is the worst of its runs.
 */
enum Outcome {
    /** Exit 0-3 from both {@code verify} and {@code firmware}, no host stack trace. */
    OK,
    /** {@code verify} said "inside the subset" for a class the JDK's verifier rejects. */
    RAN_MALFORMED,
    /** Exit 4, another code, or a host exception trace on standard error. */
    INTERNAL,
    /** A run went past the per-try wall-clock cap. */
    HANG,
    /** A host OutOfMemoryError or StackOverflowError. */
    OOM,
    /** A file outside the classpath folder was read: the runs differ with the decoy present. */
    ESCAPE
}
