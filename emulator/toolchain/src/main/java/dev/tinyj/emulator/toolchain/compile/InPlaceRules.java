package dev.tinyj.emulator.toolchain.compile;

import dev.tinyj.emulator.toolchain.graph.DType;
import dev.tinyj.emulator.toolchain.ops.InPlaceKind;
import dev.tinyj.emulator.toolchain.ops.OpTable;

/**
 * Which tensors share arena bytes. Tensors are gathered into <em>groups</em>; a group is one arena
 * buffer, alive from the first use of any member to the last. Every tensor starts alone; walking
 * the operators in execution order, an operator's output joins its input's group when one of
 * these rules holds (and no rule joins anything else):
 *
 * <ol>
 *   <li><b>RESHAPE</b>, input and output both in the arena: the output joins the input's group
 *       and the kernel is skipped ({@link CompiledOp#inPlace()}). A reshape moves no byte, so the
 *       shared bytes mean the same to both tensors whatever their other uses: model inputs and
 *       model outputs included (the host reads an output equal to the input it wrote). The group
 *       lives as long as its longest-lived member, so no later write can land in it while a
 *       member is still to be read (the only writes into a group are rule 2's, which need the
 *       whole group dead). A constant (flash) input is copied by the kernel instead.</li>
 *   <li><b>Element-wise, int8 → int8</b>: ADD and MUL (either input), LOGISTIC, TANH, QUANTIZE
 *       (requantize form). The output joins input {@code k}'s group when
 *       <ol type="a">
 *         <li>input {@code k} and the output are int8 arena tensors with the same element count
 *             (for ADD/MUL: input {@code k} is not broadcast, so its element strides are the
 *             output's dense ones);</li>
 *         <li>the whole group of input {@code k} is last alive at this operator (nobody reads any
 *             member afterwards) and holds no model input (the application may keep its input
 *             buffer between inferences, e.g. a sliding window it fills in place);</li>
 *         <li>for ADD/MUL, the other input is outside that group or has the output's element
 *             count too (then it is read at the same index as well).</li>
 *       </ol>
 *       Why it is safe: the kernels ({@code Logistic}/{@code Tanh} through {@code SigmoidQ4},
 *       {@code Quantize} requantize, {@code Add}/{@code Mul} through {@code BinaryBroadcast})
 *       compute output element {@code i} from input element {@code i} (and the other input's
 *       element) read in the same step, just before writing index {@code i}, and visit {@code i}
 *       in increasing order; an element once written is never read again. In BinaryBroadcast an
 *       input whose extents all equal the output's has the dense strides, so its read index
 *       always equals the write index; a broadcast input does not, hence (a). Input 0 is tried
 *       before input 1.</li>
 * </ol>
 *
 *   <li><b>Windowed, int8 → int8 or int16 → int16, overlapping</b>: CONV_2D, DEPTHWISE_CONV_2D,
 *       AVERAGE_POOL_2D, MAX_POOL_2D and their int16 variants. The output joins the input's group,
 *       starting {@link WindowOverlap d} elements (d bytes for int8, 2d for int16) <em>below</em>
 *       the input (the group grows by what sticks out), when the input and output are arena
 *       tensors of one of those types, the input's whole group is last alive at this operator and
 *       holds no model input (as 2b), and no other operand of the operator is in that group. Why
 *       it is safe: see {@link WindowOverlap} (each output element overwrites only input elements
 *       that no later output element reads; with equal element sizes on both sides the argument
 *       is the same in elements).</li>
 * </ol>
 *
 * <p>Members of a group sit at fixed byte offsets relative to the group's start ({@link #offset});
 * rules 1 and 2 put the output at its input's offset, rule 3 below it.
 *
 * <p>Not done (unsafe or unchecked): DEQUANTIZE (each int8 read becomes a 4-byte write that
 * overruns unread inputs), float32 QUANTIZE, SOFTMAX, CONCATENATION, PAD, FULLY_CONNECTED (every
 * output reads every input), MEAN, STRIDED_SLICE.
 */
final class InPlaceRules {
    private final int[] parent;
    private final int[] groupFirst;
    private final int[] groupLast;
    private final boolean[] groupHasModelInput;
    private final long[] offset;
    private final long[] groupBytes;
    private final int[] bytes;

    /**
     * @param firstUse per tensor, the first operator index at which it is alive (-1 for a model input)
     * @param lastUse per tensor, the last operator index at which it is alive
     * @param modelInput per tensor, whether it is a model input
     * @param bytes per tensor, size in bytes
     */
    InPlaceRules(int[] firstUse, int[] lastUse, boolean[] modelInput, int[] bytes) {
        int n = firstUse.length;
        this.bytes = bytes.clone();
        offset = new long[n];
        groupBytes = new long[n];
        parent = new int[n];
        groupFirst = firstUse.clone();
        groupLast = lastUse.clone();
        groupHasModelInput = modelInput.clone();
        for (int i = 0; i < n; i++) {
            parent[i] = i;
            groupBytes[i] = bytes[i];
        }
    }

    /** The group of tensor {@code t}: the index of its first member (the root). */
    int root(int t) {
        int r = t;
        while (parent[r] != r) {
            r = parent[r];
        }
        return r;
    }

    /** First operator at which group {@code root} is alive. */
    int groupFirst(int root) {
        return groupFirst[root];
    }

    /** Byte offset of tensor {@code t} from the start of its group (a multiple of 4). */
    long offset(int t) {
        return offset[t];
    }

    /** Size of group {@code root} in bytes: the largest member end. */
    long groupBytes(int root) {
        return groupBytes[root];
    }

    /** Last operator at which group {@code root} is alive. */
    int groupLast(int root) {
        return groupLast[root];
    }

    /**
     * Applies the rules to operator {@code op} (index {@code index}); returns the input tensor whose
     * group the output joined, or -1.
     *
     * @param opCode runtime op code
     * @param inputs input tensor indices (-1 = absent)
     * @param output output tensor index
     * @param arena per tensor, whether it is placed in the arena
     * @param types per tensor, element type
     * @param elements per tensor, element count
     * @param params the operator's prepared parameter block
     * @param overlap whether rule 3 may be used at this operator
     */
    int apply(int index, int opCode, int[] inputs, int output, boolean[] arena, DType[] types, long[] elements,
            byte[] params, boolean overlap) {
        if (!arena[output]) {
            return -1;
        }
        InPlaceKind kind = OpTable.byCode(opCode).map(e -> e.spec().inPlace()).orElse(InPlaceKind.NONE);
        if (kind == InPlaceKind.ALIAS) {
            int in = inputs[0];
            if (in >= 0 && arena[in]) {
                join(in, output, 0);
                return in;
            }
            return -1;
        }
        if (WindowOverlap.handles(opCode)) {
            return !overlap ? -1 : overlap(index, opCode, inputs, output, arena, types, params);
        }
        boolean binary = kind == InPlaceKind.BINARY;
        boolean unary = kind == InPlaceKind.UNARY;
        if (!binary && !unary) {
            return -1;
        }
        for (int k = 0; k < (binary ? 2 : 1) && k < inputs.length; k++) {
            int in = inputs[k];
            if (in < 0 || !arena[in] || types[in] != DType.INT8 || types[output] != DType.INT8
                    || elements[in] != elements[output]) {
                continue;
            }
            int g = root(in);
            if (groupLast[g] != index || groupHasModelInput[g]) {
                continue;
            }
            if (binary) {
                int other = inputs[1 - k];
                if (other >= 0 && arena[other] && root(other) == g && elements[other] != elements[output]) {
                    continue;
                }
            }
            join(in, output, 0);
            return in;
        }
        return -1;
    }

    /** Rule 3. */
    private int overlap(int index, int opCode, int[] inputs, int output, boolean[] arena, DType[] types,
            byte[] params) {
        int in = inputs.length == 0 ? -1 : inputs[0];
        if (in < 0 || !arena[in] || types[in] != types[output]
                || types[in] != DType.INT8 && types[in] != DType.INT16) {
            return -1;
        }
        int g = root(in);
        if (groupLast[g] != index || groupHasModelInput[g]) {
            return -1;
        }
        for (int k = 1; k < inputs.length; k++) {
            if (inputs[k] >= 0 && arena[inputs[k]] && root(inputs[k]) == g) {
                return -1;
            }
        }
        long d = WindowOverlap.distance(opCode, params);
        if (d < 0) {
            return -1;
        }
        join(in, output, -d * types[in].bytes()); // d counts elements: bytes for int8, half the bytes for int16
        return in;
    }

    /**
     * Puts {@code t} (alone in its group: an operator's output, joined when its writer is reached)
     * into {@code member}'s group at {@code delta} bytes from {@code member}; when that is before the
     * group's start, every member moves up so that the group starts at 0 again.
     */
    private void join(int member, int t, long delta) {
        int g = root(member);
        int h = root(t);
        if (g == h || h != t) {
            throw new IllegalStateException("tensor " + t + " is already in a group");
        }
        long at = offset[member] + delta;
        if (at < 0) {
            for (int x = 0; x < parent.length; x++) {
                if (root(x) == g) {
                    offset[x] -= at;
                }
            }
            groupBytes[g] -= at;
            at = 0;
        }
        offset[t] = at;
        groupBytes[g] = Math.max(groupBytes[g], at + bytes[t]);
        parent[h] = g;
        groupFirst[g] = Math.min(groupFirst[g], groupFirst[h]);
        groupLast[g] = Math.max(groupLast[g], groupLast[h]);
        groupHasModelInput[g] |= groupHasModelInput[h];
    }
}
