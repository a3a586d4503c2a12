package dev.tinyj.emulator.vm.cost;

import dev.tinyj.emulator.vm.insn.Insn;
import java.lang.classfile.Instruction;
import java.lang.classfile.Opcode;
import java.lang.classfile.TypeKind;
import java.lang.classfile.instruction.IncrementInstruction;
import java.lang.classfile.instruction.LoadInstruction;
import java.lang.classfile.instruction.StoreInstruction;
import java.util.List;

/**
 * Finds the induction variables of a method from a {@link WidthAnalysis.Result} (docs/cost-model.md):
 * local slots stepped at least once ({@code iinc} by a constant, or {@code (short) (i + c)} stored
 * back) and otherwise only set to constants; the instructions that step them; and those a compiler
 * eliminates because every use is an array address (alone or plus an offset), a loop test or the
 * step itself, so pointers walk the arrays instead.
 */
final class InductionVariables {
    private InductionVariables() {
    }

    /** Whether {@code op} loads from or stores into an array (its operand 1 is the index; {@link Insn#isArrayAccess()}). */
    static boolean isArrayAccess(Opcode op) {
        return Insn.of(op).isArrayAccess();
    }

    /** Fills {@code r.inductionSlot}, {@code r.step} and {@code r.eliminable}. */
    static void find(WidthAnalysis.Result r, int maxLocals) {
        List<Instruction> code = r.code;
        boolean[] stepped = new boolean[maxLocals];
        boolean[] other = new boolean[maxLocals];
        for (int k = 0; k < code.size(); k++) {
            Instruction ins = code.get(k);
            if (ins instanceof IncrementInstruction ii) {
                stepped[ii.slot()] = true;
            } else if (ins instanceof StoreInstruction st && st.typeKind() == TypeKind.INT && r.operands[k] != null) {
                WidthAnalysis.Val v = r.operand(k, 0);
                if (v == null || v.constant()) {
                    continue;
                }
                if (isStepOf(r, v.producer(), st.slot())) {
                    stepped[st.slot()] = true;
                    markStep(r, v.producer());
                } else {
                    other[st.slot()] = true;
                }
            }
        }
        for (int s = 0; s < maxLocals; s++) {
            r.inductionSlot[s] = stepped[s] && !other[s];
            r.eliminable[s] = r.inductionSlot[s];
        }
        for (int[] e : r.edges) {
            if (code.get(e[0]) instanceof LoadInstruction li && li.typeKind() == TypeKind.INT
                    && r.inductionSlot[li.slot()] && !addressOrTest(r, e[1], e[2])) {
                r.eliminable[li.slot()] = false;
            }
        }
    }

    /** Whether consumer {@code c} uses its operand {@code i}, a load of an induction variable, as an address or a test. */
    private static boolean addressOrTest(WidthAnalysis.Result r, int c, int i) {
        Opcode op = r.code.get(c).opcode();
        if (isArrayAccess(op)) {
            return i == 1;
        }
        return switch (op) {
            case IF_ICMPEQ, IF_ICMPNE, IF_ICMPLT, IF_ICMPGE, IF_ICMPGT, IF_ICMPLE -> true;
            case IADD -> r.step[c] || r.edges.stream()
                    .anyMatch(e -> e[0] == c && e[2] == 1 && isArrayAccess(r.code.get(e[1]).opcode()));
            default -> false;
        };
    }

    private static void markStep(WidthAnalysis.Result r, int p) {
        Opcode op = r.code.get(p).opcode();
        if (op == Opcode.IADD || op == Opcode.ISUB) {
            r.step[p] = true;
        } else {
            markStep(r, r.operand(p, 0).producer());
        }
    }

    /** Whether instruction {@code p} computes {@code slot + constant}, possibly narrowed by i2s/i2b/i2c. */
    private static boolean isStepOf(WidthAnalysis.Result r, int p, int slot) {
        if (p < 0) {
            return false;
        }
        Opcode op = r.code.get(p).opcode();
        if (op == Opcode.I2S || op == Opcode.I2B || op == Opcode.I2C) {
            WidthAnalysis.Val v = r.operand(p, 0);
            return v != null && isStepOf(r, v.producer(), slot);
        }
        if (op != Opcode.IADD && op != Opcode.ISUB) {
            return false;
        }
        WidthAnalysis.Val a = r.operand(p, 0);
        WidthAnalysis.Val b = r.operand(p, 1);
        return a != null && b != null && b.constant() && a.producer() >= 0
                && r.code.get(a.producer()) instanceof LoadInstruction li && li.slot() == slot;
    }
}
