package dev.tinyj.emulator.vm.exec;

import dev.tinyj.emulator.vm.insn.Op;

/**
 * The operand-stack shuffles of JVMS §6.5 on slots ({@code long} takes two), so the category
 * rules hold without type information. {@code v1} is the top slot.
 */
final class Shuffle {
    private Shuffle() {
    }

    /** Applies a dup_x1, dup_x2, dup2, dup2_x1, dup2_x2 or swap; returns the new stack pointer. */
    static int apply(int op, long[] s, int sp) {
        long v1 = s[sp - 1];
        long v2 = sp >= 2 ? s[sp - 2] : 0;
        switch (op) {
            case Op.DUP_X1 -> { // v2 v1 -> v1 v2 v1
                s[sp - 2] = v1;
                s[sp - 1] = v2;
                s[sp] = v1;
                return sp + 1;
            }
            case Op.DUP_X2 -> { // v3 v2 v1 -> v1 v3 v2 v1
                long v3 = s[sp - 3];
                s[sp - 3] = v1;
                s[sp - 2] = v3;
                s[sp - 1] = v2;
                s[sp] = v1;
                return sp + 1;
            }
            case Op.DUP2 -> { // v2 v1 -> v2 v1 v2 v1
                s[sp] = v2;
                s[sp + 1] = v1;
                return sp + 2;
            }
            case Op.DUP2_X1 -> { // v3 v2 v1 -> v2 v1 v3 v2 v1
                long v3 = s[sp - 3];
                s[sp - 3] = v2;
                s[sp - 2] = v1;
                s[sp - 1] = v3;
                s[sp] = v2;
                s[sp + 1] = v1;
                return sp + 2;
            }
            case Op.DUP2_X2 -> { // v4 v3 v2 v1 -> v2 v1 v4 v3 v2 v1
                long v3 = s[sp - 3];
                long v4 = s[sp - 4];
                s[sp - 4] = v2;
                s[sp - 3] = v1;
                s[sp - 2] = v4;
                s[sp - 1] = v3;
                s[sp] = v2;
                s[sp + 1] = v1;
                return sp + 2;
            }
            case Op.SWAP -> {
                s[sp - 2] = v1;
                s[sp - 1] = v2;
                return sp;
            }
            default -> throw new IllegalStateException("not a shuffle: " + op);
        }
    }
}
