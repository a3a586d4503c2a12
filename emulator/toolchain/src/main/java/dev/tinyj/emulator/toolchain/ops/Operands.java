package dev.tinyj.emulator.toolchain.ops;

/**
 * What an operator's operands (its TFLite inputs, in operand order) may be: how many, which the
 * kernel reads (these must be present: a FLASH or ARENA tensor), which prepare folds into the
 * parameter block (no kernel reads them: the compiler leaves such a constant out of the image
 * unless another operator reads it), which may be absent (-1), and which are the kernel's
 * <em>state</em>: a variable tensor (TFLite {@code is_variable}) that the kernel reads and writes
 * in place, kept in the arena's persistent region from one inference to the next (SVDF's
 * activation state, LSTM's output and cell state). A state operand is always read and never
 * folded or optional; the compiler refuses a model whose tensor at a state position is not a
 * variable, and a variable tensor that an operator writes as its output. A kernel writes nothing
 * else besides its output: the image carries the state mask in each op entry's flags
 * ({@code ModelImage.O_FLAGS}) and the device validator checks every state operand is a
 * {@code ModelImage.VARIABLE} tensor.
 *
 * @param min least operand count
 * @param max most operand count (at most {@code ModelImage.MAX_OPERANDS})
 * @param read bit k set: operand k is read by the kernel
 * @param folded bit k set: operand k is folded into the parameter block
 * @param optional bit k set: operand k may be absent (-1)
 * @param state bit k set: operand k is the kernel's state (read and written; a variable tensor)
 */
public record Operands(int min, int max, int read, int folded, int optional, int state) {
    /** Most operands an op may have: 16, so the read mask fits the rule word's upper half. */
    public static final int MAX = 16;

    public Operands {
        if (min < 0 || max < min || max > MAX || (read & folded) != 0 || (read >>> max) != 0
                || (folded >>> max) != 0 || (optional >>> max) != 0 || (state & ~read) != 0
                || (state & optional) != 0) {
            throw new IllegalArgumentException("inconsistent operand rule " + min + ".." + max + " read "
                    + Integer.toBinaryString(read) + " folded " + Integer.toBinaryString(folded) + " state "
                    + Integer.toBinaryString(state));
        }
    }

    /** No state operand. */
    public Operands(int min, int max, int read, int folded, int optional) {
        this(min, max, read, folded, optional, 0);
    }

    /** {@code min} to {@code max} operands, the first {@code reads} of them read, none folded or optional. */
    public static Operands of(int min, int max, int reads) {
        return new Operands(min, max, (1 << reads) - 1, 0, 0);
    }

    /** Exactly {@code n} operands, all read. */
    public static Operands exactly(int n) {
        return of(n, n, n);
    }

    /** The same with operand {@code k}s folded into the parameter block. */
    public Operands folding(int... ks) {
        int f = folded;
        for (int k : ks) {
            f |= 1 << k;
        }
        return new Operands(min, max, read, f, optional, state);
    }

    /** The same with operands {@code ks} allowed absent (-1). */
    public Operands optional(int... ks) {
        int o = optional;
        for (int k : ks) {
            o |= 1 << k;
        }
        return new Operands(min, max, read, folded, o, state);
    }

    /** The same with operands {@code ks} the kernel's state (read and written; variable tensors). */
    public Operands withState(int... ks) {
        int s = state;
        for (int k : ks) {
            s |= 1 << k;
        }
        return new Operands(min, max, read, folded, optional, s);
    }

    public boolean isState(int k) {
        return (state >>> k & 1) != 0;
    }

    public boolean isRead(int k) {
        return (read >>> k & 1) != 0;
    }

    public boolean isFolded(int k) {
        return (folded >>> k & 1) != 0;
    }

    public boolean isOptional(int k) {
        return (optional >>> k & 1) != 0;
    }
}
