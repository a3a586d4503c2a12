package dev.tinyj.emulator.vm.cost;

import java.lang.classfile.CodeElement;
import java.lang.classfile.Label;
import java.lang.classfile.attribute.CodeAttribute;
import java.lang.classfile.instruction.BranchInstruction;
import java.lang.classfile.instruction.LabelTarget;
import java.util.HashSet;
import java.util.Set;

/**
 * Which methods the ahead-of-time execution model inlines into their callers (docs/cost-model.md):
 * loop-free methods of at most {@link #MAX_BYTECODE_BYTES} bytecode bytes, the size of the small
 * fixed-point helpers C code declares {@code static inline} (e.g. gemmlowp's rounding multiply, 47
 * bytes in Java). A call to such a method is charged {@code extra.invoke_inlined} and its returns
 * {@code extra.return_inlined} instead of a call with a frame; its body is charged as usual.
 * Entry points ({@code setup}, {@code loop}, class initialisers) are never inlined.
 */
public final class InlinePolicy {
    /** Largest inlined method, bytecode bytes. */
    public static final int MAX_BYTECODE_BYTES = 64;

    private InlinePolicy() {
    }

    /** Whether a method with this name and code is inlined by the execution model. */
    public static boolean inlines(String name, CodeAttribute code) {
        if (name.equals("setup") || name.equals("loop") || name.equals("<clinit>")
                || code.codeLength() > MAX_BYTECODE_BYTES) {
            return false;
        }
        Set<Label> seen = new HashSet<>();
        for (CodeElement e : code) {
            if (e instanceof LabelTarget lt) {
                seen.add(lt.label());
            } else if (e instanceof BranchInstruction b && seen.contains(b.target())) {
                return false; // a backward branch: a loop
            }
        }
        return true;
    }
}
