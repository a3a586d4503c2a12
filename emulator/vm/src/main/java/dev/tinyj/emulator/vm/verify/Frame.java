package dev.tinyj.emulator.vm.verify;

import java.util.Arrays;

/**
 * The types of one method frame at one instruction (JVMS §4.10.1.4 "frames"): {@code maxLocals}
 * local slots and an operand stack of at most {@code maxStack} slots, each a {@link VType}. A long
 * takes two slots ({@link VType#LONG}, {@link VType#LONG2}), on the stack as in the locals, so the
 * stack depth here is JVMS's depth in slots ({@code max_stack} counts slots, JVMS §4.7.3).
 *
 * <p>Every operation that would leave the frame's bounds or read a value of the wrong type throws
 * {@link TypeError} with the javac-style reason; nothing here throws anything else.
 */
final class Frame {
    private final VType[] locals;
    private final VType[] stack;
    private int depth;

    /** A frame with every local {@link VType#TOP} and an empty stack. */
    Frame(int maxLocals, int maxStack) {
        locals = new VType[maxLocals];
        Arrays.fill(locals, VType.TOP);
        stack = new VType[maxStack];
    }

    private Frame(Frame other) {
        locals = other.locals.clone();
        stack = other.stack.clone();
        depth = other.depth;
    }

    Frame copy() {
        return new Frame(this);
    }

    /** Slots in the frame: {@code max_locals + max_stack}, the cost of a copy or a merge. */
    int size() {
        return locals.length + stack.length;
    }

    int depth() {
        return depth;
    }

    int maxStack() {
        return stack.length;
    }

    int maxLocals() {
        return locals.length;
    }

    // ---- operand stack

    /** The slot {@code k} below the top ({@code 0} is the top), without popping; the caller checked the depth. */
    VType peek(int k) {
        return stack[depth - 1 - k];
    }

    /** Throws unless at least {@code slots} slots are on the stack. */
    void need(int slots, String what) {
        if (depth < slots) {
            throw new TypeError("operand stack underflow (" + what + "): needs " + slots + " slot"
                    + (slots == 1 ? "" : "s") + ", the stack holds " + depth);
        }
    }

    /** Throws unless {@code slots} more slots fit below {@code max_stack}. */
    void room(int slots, String what) {
        if (depth + slots > stack.length) {
            throw new TypeError("operand stack overflow (" + what + "): depth " + (depth + slots)
                    + " exceeds max_stack " + stack.length);
        }
    }

    /** Pushes one slot; the caller checked {@link #room}. */
    void push(VType t) {
        stack[depth++] = t;
    }

    /** Pushes a value of type {@code t} (two slots for a long), checking room. */
    void pushValue(VType t, String what) {
        int slots = t == VType.LONG ? 2 : 1;
        room(slots, what);
        push(t);
        if (slots == 2) {
            push(VType.LONG2);
        }
    }

    /** Pops one slot; the caller checked {@link #need}. */
    VType pop() {
        return stack[--depth];
    }

    /**
     * Pops a value of declared type {@code expected} (two slots for a long), checking depth and
     * type: {@code what} names the instruction or argument in the message.
     */
    void popValue(VType expected, String what) {
        if (expected == VType.LONG) {
            need(2, what);
            if (peek(0) != VType.LONG2 || peek(1) != VType.LONG) {
                throw mismatch(what, "long", found(peek(0)));
            }
            depth -= 2;
            return;
        }
        need(1, what);
        VType actual = pop();
        if (!VType.assignable(actual, expected)) {
            throw mismatch(what, expected.display(), found(actual));
        }
    }

    static TypeError mismatch(String what, String expected, String found) {
        return new TypeError("type mismatch (" + what + "): expected " + expected + ", found " + found);
    }

    /** How a stack slot reads in a message: a long's second half is the long on top. */
    static String found(VType t) {
        return t == VType.LONG2 ? "long" : t.display();
    }

    // ---- locals

    /** Throws unless locals {@code slot .. slot+slots-1} exist. */
    void checkLocal(int slot, int slots, String what) {
        if (slot < 0 || slot + slots > locals.length) {
            throw new TypeError("local variable " + slot + (slots == 2 ? " (a long, two slots)" : "")
                    + " out of range (" + what + "): max_locals is " + locals.length);
        }
    }

    VType local(int slot) {
        return locals[slot];
    }

    /**
     * Writes {@code t} (two slots for a long) at {@code slot}; a long whose half is overwritten
     * becomes unusable in its other half. The caller checked {@link #checkLocal}.
     */
    void store(int slot, VType t) {
        invalidate(slot);
        if (t == VType.LONG) {
            invalidate(slot + 1);
            locals[slot + 1] = VType.LONG2;
        }
        locals[slot] = t;
    }

    private void invalidate(int slot) {
        if (locals[slot] == VType.LONG2 && slot > 0) {
            locals[slot - 1] = VType.TOP;
        } else if (locals[slot] == VType.LONG && slot + 1 < locals.length) {
            locals[slot + 1] = VType.TOP;
        }
        locals[slot] = VType.TOP;
    }

    // ---- merging (JVMS §4.10.2.2)

    /**
     * Merges {@code incoming} into this frame where paths meet: locals take their least upper
     * bound, stacks must have the same depth and agree slot by slot (an array and null give the
     * array).
     *
     * @return whether this frame changed
     * @throws TypeError when the depths differ or two stack slots conflict
     */
    boolean merge(Frame incoming) {
        if (incoming.depth != depth) {
            throw new TypeError("operand stack depths differ where paths meet: " + depth + " and "
                    + incoming.depth + " slots");
        }
        boolean changed = false;
        for (int k = 0; k < depth; k++) {
            VType m = VType.merge(stack[k], incoming.stack[k]);
            if (m == VType.TOP) {
                throw new TypeError("operand stack types conflict where paths meet: slot " + k + " is "
                        + found(stack[k]) + " on one path and " + found(incoming.stack[k]) + " on another");
            }
            if (m != stack[k]) {
                stack[k] = m;
                changed = true;
            }
        }
        for (int k = 0; k < locals.length; k++) {
            VType m = VType.merge(locals[k], incoming.locals[k]);
            if (m != locals[k]) {
                locals[k] = m;
                changed = true;
            }
        }
        return changed;
    }
}
