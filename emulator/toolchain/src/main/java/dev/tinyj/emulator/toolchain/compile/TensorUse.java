package dev.tinyj.emulator.toolchain.compile;

/**
 * How the operators of a subgraph use one tensor: what {@link ModelCompiler} learns by walking the
 * operators in execution order (step 4), and from it the tensor's placement (step 3) and lifetime
 * (step 4). Immutable: the walk replaces a tensor's use with {@link #writtenBy} and {@link #readBy}.
 *
 * @param constant whether the tensor holds constant data (a readable type and a non-empty buffer;
 *     never a variable tensor)
 * @param variable whether it is a variable tensor (TFLite {@code is_variable}: an operator's state)
 * @param modelInput whether it is a model input
 * @param modelOutput whether it is a model output
 * @param writer index of the operator that writes it, or -1
 * @param firstRead index of the first operator whose kernel reads it, or -1 (operands that prepare
 *     folds into the parameter block are not kernel reads)
 * @param lastRead index of the last operator whose kernel reads it, or -1
 */
record TensorUse(boolean constant, boolean variable, boolean modelInput, boolean modelOutput, int writer,
        int firstRead, int lastRead) {

    /** A tensor no operator has written or read yet. */
    static TensorUse of(boolean constant, boolean variable, boolean modelInput, boolean modelOutput) {
        return new TensorUse(constant && !variable, variable, modelInput, modelOutput, -1, -1, -1);
    }

    /** This use, written by operator {@code op}. */
    TensorUse writtenBy(int op) {
        return new TensorUse(constant, variable, modelInput, modelOutput, op, firstRead, lastRead);
    }

    /** This use, read by operator {@code op}'s kernel ({@code op} at or after every earlier read). */
    TensorUse readBy(int op) {
        return new TensorUse(constant, variable, modelInput, modelOutput, writer, firstRead < 0 ? op : firstRead,
                op);
    }

    /** Whether some operator's kernel reads it. */
    boolean readByKernel() {
        return lastRead >= 0;
    }

    /**
     * Step 3: a variable tensor is {@link Placement#VARIABLE} when a kernel reads it, else ABSENT; a
     * constant that is not a model input is {@link Placement#FLASH} when a kernel reads it, else
     * {@link Placement#ABSENT}; a model input, a model output or a written tensor is
     * {@link Placement#ARENA}; anything else is ABSENT.
     */
    Placement placement() {
        if (variable) {
            return readByKernel() ? Placement.VARIABLE : Placement.ABSENT;
        }
        if (constant && !modelInput) {
            return readByKernel() ? Placement.FLASH : Placement.ABSENT;
        }
        if (modelInput || modelOutput || writer >= 0) {
            return Placement.ARENA;
        }
        return Placement.ABSENT;
    }

    /** Whether a kernel reads it although it is neither a constant, a model input, nor written (a malformed graph). */
    boolean readButNeverWritten() {
        return placement() == Placement.ABSENT && readByKernel();
    }

    /**
     * Step 4, the first operator at which it is alive: in the arena, -1 for a model input, else its
     * writer; a variable, -1 (alive before the first operator and after the last: its state
     * carries over); in flash, its first reader; -1 when ABSENT.
     */
    int firstUse() {
        return switch (placement()) {
            case VARIABLE -> -1;
            case ARENA -> modelInput ? -1 : writer;
            case FLASH -> firstRead;
            case ABSENT -> -1;
        };
    }

    /**
     * Step 4, the last operator at which it is alive: in the arena, {@code ops} for a model output,
     * else its last reader (its writer when nobody reads it); a variable, {@code ops}; in flash, its
     * last reader; -1 when ABSENT.
     *
     * @param ops the number of operators
     */
    int lastUse(int ops) {
        return switch (placement()) {
            case VARIABLE -> ops;
            case ARENA -> modelOutput ? ops : Math.max(lastRead, firstUse());
            case FLASH -> lastRead;
            case ABSENT -> -1;
        };
    }
}
