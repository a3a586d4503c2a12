package dev.tinyj.emulator.vm.cost;

import java.lang.classfile.Instruction;
import java.lang.classfile.Label;
import java.lang.classfile.Opcode;
import java.lang.classfile.instruction.BranchInstruction;
import java.lang.classfile.instruction.ConstantInstruction;
import java.lang.classfile.instruction.ConvertInstruction;
import java.lang.classfile.instruction.LoadInstruction;
import java.lang.classfile.instruction.OperatorInstruction;
import java.lang.classfile.instruction.StoreInstruction;
import java.util.List;
import java.util.Map;

/**
 * Finds the short forward branches an ahead-of-time compiler turns into conditional selects
 * instead of jumps ("if-conversion"; Thumb-2 {@code IT} blocks, AVR skip instructions): javac's
 * {@code c ? a : b} ({@code if<cond> L1; a; goto L2; L1: b; L2:}) and {@code if (c) x = y;}
 * ({@code if<cond> L; y; store x; L:}), where every skipped block is at most
 * {@link #MAX_BLOCK} plain instructions (local loads and stores, constants, int/long arithmetic
 * without division, conversions). Such a branch is priced by its {@code .sel} form and never
 * charged {@code branch_taken}; the {@code goto} of a ternary is {@code goto.sel}.
 */
final class IfConversion {
    /** Longest block a select absorbs, instructions (an IT block covers four). */
    static final int MAX_BLOCK = 4;

    private IfConversion() {
    }

    /** Marks conditional branches ({@code select[k]}) and ternary gotos ({@code selectGoto[k]}). */
    static void find(List<Instruction> code, Map<Label, Integer> labels, boolean[] select, boolean[] selectGoto) {
        for (int k = 0; k < code.size(); k++) {
            if (!(code.get(k) instanceof BranchInstruction b) || b.opcode() == Opcode.GOTO
                    || b.opcode() == Opcode.GOTO_W) {
                continue;
            }
            Integer target = labels.get(b.target());
            if (target == null || target <= k + 1 || target - k - 1 > MAX_BLOCK + 1) {
                continue;
            }
            int end = target - 1; // last instruction of the skipped block
            if (code.get(end) instanceof BranchInstruction g && (g.opcode() == Opcode.GOTO)) {
                Integer join = labels.get(g.target());
                if (join != null && join > target && join - target <= MAX_BLOCK && plain(code, k + 1, end)
                        && plain(code, target, join)) {
                    select[k] = true;
                    selectGoto[end] = true;
                }
            } else if (plain(code, k + 1, target)) {
                select[k] = true;
            }
        }
    }

    /** Whether instructions {@code from} (inclusive) to {@code to} (exclusive) are all plain. */
    private static boolean plain(List<Instruction> code, int from, int to) {
        if (to - from > MAX_BLOCK || to <= from) {
            return false;
        }
        for (int i = from; i < to; i++) {
            Instruction ins = code.get(i);
            boolean ok = switch (ins) {
                case LoadInstruction l -> true;
                case StoreInstruction s -> true;
                case ConstantInstruction c -> true;
                case ConvertInstruction c -> true;
                case OperatorInstruction o -> switch (o.opcode()) {
                    case IDIV, IREM, LDIV, LREM, FDIV, FREM, ARRAYLENGTH -> false;
                    default -> true;
                };
                default -> false;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
