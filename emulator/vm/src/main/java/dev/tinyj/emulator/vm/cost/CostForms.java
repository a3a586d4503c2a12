package dev.tinyj.emulator.vm.cost;

import dev.tinyj.emulator.vm.insn.Insn;
import java.lang.classfile.Instruction;
import java.lang.classfile.Opcode;

/**
 * Chooses the cost-table key of each instruction from the {@link WidthAnalysis}: the JVMS mnemonic,
 * then the forms an ahead-of-time compiler would pick (docs/cost-model.md):
 *
 * <ul>
 *   <li>{@code .w8} / {@code .w16}: the operation runs at 8 or 16 bits ({@code iadd}, {@code isub},
 *       {@code iand}, {@code ior}, {@code ixor}, {@code ineg}, {@code ishl} at their demanded width;
 *       {@code ishr}, {@code iushr}, {@code idiv}, {@code irem}, {@code if_icmp<cond>},
 *       {@code if<cond>} at their operands' declared width). No suffix: 32 bits.
 *   <li>{@code imul.w8} (8x8 into at most 16 bits, AVR {@code MULS}), {@code imul.w16} (16-bit
 *       result), {@code imul.w16x16} (16x16 into 32), {@code imul.w32x16} (one operand within 16
 *       bits), {@code imul.const} (a constant factor; shifts and adds), {@code imul} (32x32).
 *   <li>{@code lmul.w32}: both factors are sign-extended ints (32x32 into 64).
 *   <li>{@code .pow2}: a division or remainder by a constant power of two (a shift with a sign fix).
 *   <li>{@code .var}: a shift by a count that is not a constant.
 *   <li>{@code .seq}: an array access whose index is an induction variable (or one plus an offset),
 *       which a compiler walks with a pointer increment; the {@code iadd} of such an index is
 *       {@code iadd.seq}. A compare with an induction variable, and its {@code iinc}, run at the
 *       core's pointer width (the compiler compares pointers); {@code iinc.seq} steps an induction
 *       variable the compiler eliminates (used only for addresses and its loop test), and the
 *       {@code if_icmp<cond>...seq} test of such a variable is a pointer compare.
 *   <li>{@code .sel}: a short forward branch if-converted into a conditional select
 *       ({@link IfConversion}); never charged {@code branch_taken}. {@code goto.sel} is the jump
 *       of such a ternary. The step {@code i + c} of an induction variable is priced as {@code iinc}.
 *   <li>{@code i2b.fits}, {@code i2s.fits}, {@code i2c.fits}: the operand is already that narrow,
 *       so the conversion is a no-op.
 * </ul>
 *
 * <p>A table need not price every form: {@link dev.tinyj.boards.CostTable#cost(String)} falls back
 * from {@code imul.w16x16} to {@code imul}, so a 32-bit core's table prices only the mnemonics.
 */
public final class CostForms {
    private CostForms() {
    }

    /** The key (without {@code op.}) of instruction {@code k}: its table cost key ({@link Insn#costKey()}) plus forms. */
    static String key(Instruction ins, int k, WidthAnalysis.Result r) {
        Opcode op = ins.opcode();
        String m = Insn.of(op).costKey();
        if (r.step[k]) {
            return stepKey(r, k);
        }
        if (r.selectGoto[k]) {
            return "goto.sel";
        }
        String key = plainKey(ins, k, r, op, m);
        return r.select[k] ? key + ".sel" : key;
    }

    private static String plainKey(Instruction ins, int k, WidthAnalysis.Result r, Opcode op, String m) {
        return switch (op) {
            case IADD -> feedsSequentialAccess(r, k) ? "iadd.seq" : m + width(r.demanded[k]);
            case ISUB, IAND, IOR, IXOR, INEG -> m + width(r.demanded[k]);
            case ISHL -> m + shiftCount(r, k) + width(r.demanded[k]);
            case ISHR, IUSHR -> m + shiftCount(r, k) + width(widthOf(r, k, 0));
            case LSHL, LSHR, LUSHR -> m + shiftCount(r, k);
            case IMUL -> imul(r, k);
            case IDIV, IREM -> m + pow2(r, k) + width(Math.max(widthOf(r, k, 0), widthOf(r, k, 1)));
            case LDIV, LREM -> m + pow2(r, k);
            case LMUL -> widthOf(r, k, 0) <= 32 && widthOf(r, k, 1) <= 32 ? "lmul.w32" : m;
            case IF_ICMPEQ, IF_ICMPNE, IF_ICMPLT, IF_ICMPGE, IF_ICMPGT, IF_ICMPLE -> m + width(
                    r.isInduction(k, 0) || r.isInduction(k, 1) ? Math.min(r.pointerBits,
                            Math.max(widthOf(r, k, 0), widthOf(r, k, 1)))
                            : Math.max(widthOf(r, k, 0), widthOf(r, k, 1)))
                    + (r.isEliminated(k, 0) || r.isEliminated(k, 1) ? ".seq" : "");
            case IINC -> {
                int slot = ((java.lang.classfile.instruction.IncrementInstruction) ins).slot();
                yield r.eliminable[slot] ? "iinc.seq" : r.inductionSlot[slot] ? m + width(r.pointerBits) : m;
            }
            case IFEQ, IFNE, IFLT, IFGE, IFGT, IFLE -> m + width(widthOf(r, k, 0));
            case I2B -> computedWidth(r, k, 0) <= 8 ? "i2b.fits" : m;
            case I2S, I2C -> computedWidth(r, k, 0) <= 16 ? m + ".fits" : m;
            default -> Insn.of(op).isArrayAccess() && r.isInductionIndex(k, 1) ? m + ".seq" : m;
        };
    }

    /** The step {@code i + c} of induction variable {@code i}: {@code iinc.seq} when the variable is eliminated. */
    private static String stepKey(WidthAnalysis.Result r, int k) {
        WidthAnalysis.Val v = r.operand(k, 0);
        if (v != null && v.producer() >= 0
                && r.code.get(v.producer()) instanceof java.lang.classfile.instruction.LoadInstruction li
                && r.eliminable[li.slot()]) {
            return "iinc.seq";
        }
        return "iinc" + width(r.pointerBits);
    }

    /**
     * Whether this iadd is the index of an array access walked by an induction variable (the access
     * at most four instructions on, as javac emits {@code a[i + off]}).
     */
    private static boolean feedsSequentialAccess(WidthAnalysis.Result r, int k) {
        int access = Integer.MAX_VALUE;
        for (int[] e : r.edges) {
            if (e[0] == k && e[2] == 1 && e[1] <= k + 4 && InductionVariables.isArrayAccess(r.code.get(e[1]).opcode())) {
                access = Math.min(access, e[1]);
            }
        }
        return access != Integer.MAX_VALUE && r.isInductionIndex(access, 1);
    }

    private static String imul(WidthAnalysis.Result r, int k) {
        WidthAnalysis.Val a = r.operand(k, 0);
        WidthAnalysis.Val b = r.operand(k, 1);
        int demanded = r.demanded[k];
        if (a != null && b != null && (a.constant() || b.constant())) {
            return "imul.const" + width(demanded);
        }
        int wide = Math.max(widthOf(r, k, 0), widthOf(r, k, 1));
        int narrow = Math.min(widthOf(r, k, 0), widthOf(r, k, 1));
        if (demanded <= 16) {
            return wide <= 8 ? "imul.w8" : "imul.w16";
        }
        if (wide <= 16) {
            return "imul.w16x16";
        }
        return narrow <= 16 ? "imul.w32x16" : "imul";
    }

    private static String pow2(WidthAnalysis.Result r, int k) {
        WidthAnalysis.Val d = r.operand(k, 1);
        return d != null && d.constant() && d.value() > 0 && Long.bitCount(d.value()) == 1 ? ".pow2" : "";
    }

    private static String shiftCount(WidthAnalysis.Result r, int k) {
        WidthAnalysis.Val c = r.operand(k, 1);
        return c != null && c.constant() ? "" : ".var";
    }

    private static int widthOf(WidthAnalysis.Result r, int k, int i) {
        WidthAnalysis.Val v = r.operand(k, i);
        return v == null || v.width() == 0 ? 32 : v.width();
    }

    /** Width an operand is computed at: its declared width, or less when its consumers demand less. */
    private static int computedWidth(WidthAnalysis.Result r, int k, int i) {
        WidthAnalysis.Val v = r.operand(k, i);
        if (v == null || v.width() == 0) {
            return 32;
        }
        return v.producer() >= 0 ? Math.min(v.width(), r.demanded[v.producer()]) : v.width();
    }

    private static String width(int bits) {
        return bits <= 8 ? ".w8" : bits <= 16 ? ".w16" : "";
    }
}
