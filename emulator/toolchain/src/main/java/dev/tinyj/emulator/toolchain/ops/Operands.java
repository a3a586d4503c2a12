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
 * <p>Operands may also be <em>omitted</em>: TFLite inputs this runtime does not support, which
 * must be absent (-1) and are left out of the image's operand list, so that an operator with more
 * TFLite inputs than an image entry holds ({@code ModelImage.MAX_OPERANDS}) still fits
 * (UNIDIRECTIONAL_SEQUENCE_LSTM: 24 inputs, of which the peephole, projection and layer-norm ones
 * are omitted). Everything on the host counts operands in TFLite order (prepare, the compiler,
 * {@link Bridge} arguments, MAC counts); what goes to the device is mapped to <em>image
 * positions</em> ({@link #imagePosition}, {@link #imageMask}, {@link #inImage}): the TFLite
 * position less the omitted operands before it. Without omitted operands the two agree and images
 * are unchanged.
 *
 * @param min least operand count
 * @param max most operand count (at most {@link #MAX_DECLARED}; without the omitted ones at most
 *     {@code ModelImage.MAX_OPERANDS})
 * @param read bit k set: operand k is read by the kernel
 * @param folded bit k set: operand k is folded into the parameter block
 * @param optional bit k set: operand k may be absent (-1)
 * @param state bit k set: operand k is the kernel's state (read and written; a variable tensor)
 * @param omitted bit k set: operand k must be absent and is left out of the image (below {@code min})
 */
public record Operands(int min, int max, int read, int folded, int optional, int state, int omitted) {
    /** Most operands an image entry holds: 16, so the read mask fits the rule word's upper half. */
    public static final int MAX = 16;
    /** Most TFLite operands an op may declare: 24 (UNIDIRECTIONAL_SEQUENCE_LSTM's), the omitted ones included. */
    public static final int MAX_DECLARED = 24;

    public Operands {
        if (min < 0 || max < min || max > MAX_DECLARED || max - Integer.bitCount(omitted) > MAX
                || (read & folded) != 0 || (read >>> max) != 0 || (folded >>> max) != 0 || (optional >>> max) != 0
                || (state & ~read) != 0 || (state & optional) != 0 || (omitted & ~optional) != 0
                || (omitted & (read | folded)) != 0 || (omitted >>> min) != 0) {
            throw new IllegalArgumentException("inconsistent operand rule " + min + ".." + max + " read "
                    + Integer.toBinaryString(read) + " folded " + Integer.toBinaryString(folded) + " state "
                    + Integer.toBinaryString(state) + " omitted " + Integer.toBinaryString(omitted));
        }
    }

    /** None omitted. */
    public Operands(int min, int max, int read, int folded, int optional, int state) {
        this(min, max, read, folded, optional, state, 0);
    }

    /** No state operand, none omitted. */
    public Operands(int min, int max, int read, int folded, int optional) {
        this(min, max, read, folded, optional, 0, 0);
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
        return new Operands(min, max, read, f, optional, state, omitted);
    }

    /** The same with operands {@code ks} allowed absent (-1). */
    public Operands optional(int... ks) {
        int o = optional;
        for (int k : ks) {
            o |= 1 << k;
        }
        return new Operands(min, max, read, folded, o, state, omitted);
    }

    /** The same with operands {@code ks} the kernel's state (read and written; variable tensors). */
    public Operands withState(int... ks) {
        int s = state;
        for (int k : ks) {
            s |= 1 << k;
        }
        return new Operands(min, max, read, folded, optional, s, omitted);
    }

    /**
     * The same with operands {@code ks} omitted: unsupported TFLite inputs that must be absent and
     * are not carried in the image (each must already be optional, and below {@code min}).
     */
    public Operands omitting(int... ks) {
        int m = omitted;
        for (int k : ks) {
            m |= 1 << k;
        }
        return new Operands(min, max, read, folded, optional, state, m);
    }

    public boolean isOmitted(int k) {
        return (omitted >>> k & 1) != 0;
    }

    /** Operand {@code k}'s position in the image's operand list (k less the omitted operands before it). */
    public int imagePosition(int k) {
        if (isOmitted(k)) {
            throw new IllegalArgumentException("operand " + k + " is omitted from the image");
        }
        return k - Integer.bitCount(omitted & ((1 << k) - 1));
    }

    /** {@code mask} over TFLite positions, as a mask over image positions (omitted bits dropped). */
    public int imageMask(int mask) {
        if (omitted == 0) {
            return mask;
        }
        int m = 0;
        for (int k = 0, at = 0; k < max; k++) {
            if (!isOmitted(k)) {
                m |= (mask >>> k & 1) << at++;
            }
        }
        return m;
    }

    /** Least operand count in the image. */
    public int imageMin() {
        return min - Integer.bitCount(omitted);
    }

    /** Most operand count in the image. */
    public int imageMax() {
        return max - Integer.bitCount(omitted);
    }

    /**
     * The image's operand list of an op with TFLite inputs {@code inputs}: the omitted positions
     * left out.
     *
     * @throws IllegalArgumentException when an omitted operand is present (a prepare step that
     *     should have refused it)
     */
    public int[] inImage(int[] inputs) {
        if (omitted == 0) {
            return inputs.clone();
        }
        int[] out = new int[inputs.length - Integer.bitCount(omitted & ((1 << inputs.length) - 1))];
        for (int k = 0, at = 0; k < inputs.length; k++) {
            if (!isOmitted(k)) {
                out[at++] = inputs[k];
            } else if (inputs[k] >= 0) {
                throw new IllegalArgumentException("operand " + k + " (tensor " + inputs[k]
                        + ") is present but omitted from the image");
            }
        }
        return out;
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
