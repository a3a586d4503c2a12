package dev.tinyj.emulator.vm.verify;

/**
 * A type rule broken at one instruction ({@link TypeInference}): its message is the violation's
 * reason. Internal to the verifier, caught where the instruction is known; no stack trace.
 */
final class TypeError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Whether a declared-type rule (TypeRules, FieldChecks, MemberRules) refuses the same thing. */
    final boolean backup;

    TypeError(String reason) {
        this(reason, false);
    }

    /**
     * @param backup whether a declared type outside the subset is the cause, which the rules on
     *     declared types report in their own words (see {@link TypeInference.Problem#backup()})
     */
    TypeError(String reason, boolean backup) {
        super(reason, null, false, false);
        this.backup = backup;
    }
}
