package dev.tinyj.emulator.vm.cost;

import dev.tinyj.emulator.vm.insn.Insn;
import dev.tinyj.emulator.vm.insn.StackEffect;
import java.lang.classfile.Instruction;
import java.lang.classfile.Label;
import java.lang.classfile.Opcode;
import java.lang.classfile.TypeKind;
import java.lang.classfile.instruction.ArrayLoadInstruction;
import java.lang.classfile.instruction.ArrayStoreInstruction;
import java.lang.classfile.instruction.BranchInstruction;
import java.lang.classfile.instruction.ConstantInstruction;
import java.lang.classfile.instruction.ConvertInstruction;
import java.lang.classfile.instruction.FieldInstruction;
import java.lang.classfile.instruction.IncrementInstruction;
import java.lang.classfile.instruction.InvokeInstruction;
import java.lang.classfile.instruction.LoadInstruction;
import java.lang.classfile.instruction.LookupSwitchInstruction;
import java.lang.classfile.instruction.NewPrimitiveArrayInstruction;
import java.lang.classfile.instruction.OperatorInstruction;
import java.lang.classfile.instruction.ReturnInstruction;
import java.lang.classfile.instruction.StoreInstruction;
import java.lang.classfile.instruction.SwitchCase;
import java.lang.classfile.instruction.TableSwitchInstruction;
import java.lang.constant.ClassDesc;
import java.lang.constant.MethodTypeDesc;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The type-width analysis an ahead-of-time compiler for an 8-bit core runs before choosing
 * instruction forms (DESIGN.md "execution model"; docs/cost-model.md). Two passes over one method:
 *
 * <ol>
 *   <li><b>Forward, declared widths</b> (a data-flow fixpoint over the operand stack and the local
 *       slots, joined by maximum): every int value gets the width in bits its source declares, as C's
 *       types would: {@code baload}, {@code i2b} and {@code byte} parameters/fields are 8 bits;
 *       {@code saload}/{@code caload}, {@code i2s}/{@code i2c} and {@code short}/{@code char} ones 16;
 *       a constant the bits its value needs; every other int result 32 (a Java {@code int}, like C's
 *       {@code int32_t}). A local slot is the widest value stored into it. Constants are tracked for
 *       power-of-two divisors and constant shift counts.
 *   <li><b>Backward, demanded widths</b>: how many low bits of each value its consumers use.
 *       {@code i2b} demands 8, {@code i2s}/{@code i2c} and {@code sastore}/{@code castore} values 16,
 *       {@code bastore} values 8, an array index the core's pointer width; {@code iadd}, {@code isub},
 *       {@code imul}, {@code ineg}, {@code iand}, {@code ior}, {@code ixor} and the value operand of
 *       {@code ishl} pass their own demand to their operands (their low bits depend only on the
 *       operands' low bits); every other consumer demands the full type.
 * </ol>
 *
 * <p>An operation is then priced at its width: additive, logical, multiply and left-shift results at
 * their demanded width; compares, right shifts and divisions at the widest declared width of their
 * operands. The analysis only prices; it never changes what the interpreter computes.
 */
final class WidthAnalysis {
    /** A value on the abstract stack or in a local: declared width, constant (if any), producer. */
    record Val(int width, boolean constant, long value, int producer) {
        static final Val TOP = new Val(0, false, 0, -1);

        Val join(Val o) {
            if (this == o) {
                return this;
            }
            boolean same = constant && o.constant && value == o.value;
            return new Val(Math.max(width, o.width), same, same ? value : 0, producer == o.producer ? producer : -1);
        }
    }

    /** Result per instruction: popped operands as seen at its entry and the demanded width of its result. */
    static final class Result {
        final List<Instruction> code;
        final Val[][] operands;
        final int[] demanded;
        final int[] localWidth;
        /** Local slots that are induction variables: set to constants and stepped by a constant only. */
        final boolean[] inductionSlot;
        /**
         * Induction variables a compiler eliminates: used only as array indices (alone or plus an
         * offset), in compares and in their own step, so pointers walk the arrays instead.
         */
        final boolean[] eliminable;
        final int pointerBits;
        /** Instructions that step an induction variable ({@code i + c} stored back into {@code i}). */
        final boolean[] step;
        /** Conditional branches if-converted into selects, and the gotos of those selects ({@link IfConversion}). */
        final boolean[] select;
        final boolean[] selectGoto;
        /** Every (producer, consumer, operand index) of a value passed on the operand stack. */
        final List<int[]> edges = new ArrayList<>();

        Result(List<Instruction> code, int maxLocals, int pointerBits) {
            this.code = code;
            int n = code.size();
            operands = new Val[n][];
            demanded = new int[n];
            localWidth = new int[Math.max(1, maxLocals)];
            inductionSlot = new boolean[Math.max(1, maxLocals)];
            eliminable = new boolean[Math.max(1, maxLocals)];
            this.pointerBits = pointerBits;
            step = new boolean[n];
            select = new boolean[n];
            selectGoto = new boolean[n];
        }

        /** Whether operand {@code i} of {@code k} is a load of an induction variable. */
        boolean isInduction(int k, int i) {
            Val v = operand(k, i);
            return v != null && v.producer() >= 0 && code.get(v.producer()) instanceof LoadInstruction li
                    && li.typeKind() == TypeKind.INT && inductionSlot[li.slot()];
        }

        /** Whether operand {@code i} of {@code k} is a load of an induction variable the compiler eliminates. */
        boolean isEliminated(int k, int i) {
            Val v = operand(k, i);
            return isInduction(k, i) && eliminable[((LoadInstruction) code.get(v.producer())).slot()];
        }

        /**
         * Whether operand {@code i} of {@code k} is an induction variable, or an {@code iadd} with one
         * (an address a compiler walks with a pointer increment instead of recomputing).
         */
        boolean isInductionIndex(int k, int i) {
            if (isInduction(k, i)) {
                return true;
            }
            Val v = operand(k, i);
            return v != null && v.producer() >= 0 && code.get(v.producer()).opcode() == Opcode.IADD
                    && (isInduction(v.producer(), 0) || isInduction(v.producer(), 1));
        }

        /** Popped operand {@code i} (0 = deepest) of instruction {@code k}; null when it was never reached. */
        Val operand(int k, int i) {
            Val[] ops = operands[k];
            return ops == null || i >= ops.length ? null : ops[i];
        }
    }

    private final List<Instruction> code;
    private final Map<Label, Integer> labels;
    private final int pointerBits;
    private final int maxLocals;
    private final int maxStack;
    private final MethodTypeDesc type;

    private Val[][] inLocals;
    private Val[][] inStack;
    private int[] inDepth;
    private List<int[]> edges;
    private boolean[] escapes;

    WidthAnalysis(List<Instruction> code, Map<Label, Integer> labels, MethodTypeDesc type, int maxLocals,
            int maxStack, int pointerBits) {
        this.code = code;
        this.labels = labels;
        this.type = type;
        this.maxLocals = Math.max(1, maxLocals);
        this.maxStack = maxStack + 2;
        this.pointerBits = pointerBits;
    }

    Result run() {
        int n = code.size();
        Result r = new Result(code, maxLocals, pointerBits);
        edges = r.edges;
        inLocals = new Val[n][];
        inStack = new Val[n][];
        inDepth = new int[n];
        escapes = new boolean[n];
        Val[] locals = new Val[maxLocals];
        Arrays.fill(locals, Val.TOP);
        int slot = 0;
        for (ClassDesc p : type.parameterList()) {
            TypeKind tk = TypeKind.from(p);
            locals[slot] = new Val(declared(tk), false, 0, -1);
            slot += tk.slotSize();
        }
        ArrayDeque<Integer> work = new ArrayDeque<>();
        if (n > 0) {
            merge(0, locals, new Val[maxStack], 0, work);
        }
        while (!work.isEmpty()) {
            int k = work.poll();
            step(k, r, work);
        }
        for (Val[] l : inLocals) {
            if (l != null) {
                for (int s = 0; s < l.length; s++) {
                    r.localWidth[s] = Math.max(r.localWidth[s], l[s].width());
                }
            }
        }
        demand(r);
        InductionVariables.find(r, maxLocals);
        IfConversion.find(code, labels, r.select, r.selectGoto);
        return r;
    }

    private void merge(int k, Val[] locals, Val[] stack, int depth, ArrayDeque<Integer> work) {
        if (inLocals[k] == null) {
            inLocals[k] = locals.clone();
            inStack[k] = Arrays.copyOf(stack, maxStack);
            inDepth[k] = depth;
            work.add(k);
            return;
        }
        boolean changed = false;
        for (int s = 0; s < maxLocals; s++) {
            Val j = inLocals[k][s].join(locals[s]);
            if (!j.equals(inLocals[k][s])) {
                inLocals[k][s] = j;
                changed = true;
            }
        }
        for (int s = 0; s < Math.min(depth, inDepth[k]); s++) {
            Val a = inStack[k][s];
            Val b = stack[s];
            if (a.producer() != b.producer()) {
                markEscape(a);
                markEscape(b);
            }
            Val j = a.join(b);
            if (!j.equals(a)) {
                inStack[k][s] = j;
                changed = true;
            }
        }
        if (changed && !work.contains(k)) {
            work.add(k);
        }
    }

    private void markEscape(Val v) {
        if (v.producer() >= 0) {
            escapes[v.producer()] = true;
        }
    }

    /**
     * Simulates instruction {@code k} on its entry state and merges into its successors. What it
     * pops and pushes comes from the instruction table ({@link Insn#effect(Instruction)}); this
     * class adds only the width of each pushed value ({@link #result}) and the effect on locals.
     *
     * @throws IllegalArgumentException naming the opcode when it is not in the table
     */
    private void step(int k, Result r, ArrayDeque<Integer> work) {
        Val[] locals = inLocals[k].clone();
        Val[] stack = Arrays.copyOf(inStack[k], maxStack);
        int[] sp = {inDepth[k]};
        Instruction ins = code.get(k);
        StackEffect effect = Insn.of(ins.opcode()).effect(ins);
        List<Val> popped = new ArrayList<>();
        if (effect.isShuffle()) {
            shuffle(effect, stack, sp);
        } else {
            for (int p = effect.pops().size() - 1; p >= 0; p--) {
                pop(stack, sp, StackEffect.slots(effect.pops().get(p)), popped);
            }
            java.util.Collections.reverse(popped);
            switch (ins) {
                case StoreInstruction si -> {
                    Val v = popped.getFirst();
                    locals[si.slot()] = new Val(v.width(), v.constant(), v.value(), -1);
                    if (si.typeKind().slotSize() == 2) {
                        locals[si.slot() + 1] = Val.TOP;
                    }
                }
                case IncrementInstruction ii -> locals[ii.slot()] = new Val(32, false, 0, -1);
                default -> {
                    // no effect on locals
                }
            }
            for (String kind : effect.pushes()) {
                push(stack, sp, result(k, ins, kind, popped, locals), StackEffect.slots(kind));
            }
        }
        r.operands[k] = popped.toArray(Val[]::new);
        for (int i = 0; i < popped.size(); i++) {
            if (popped.get(i).producer() >= 0) {
                edges.add(new int[] {popped.get(i).producer(), k, i});
            }
        }
        boolean fallsThrough = true;
        List<Integer> targets = new ArrayList<>();
        switch (ins) {
            case BranchInstruction bi -> {
                targets.add(labels.get(bi.target()));
                fallsThrough = bi.opcode() != Opcode.GOTO && bi.opcode() != Opcode.GOTO_W;
            }
            case TableSwitchInstruction ts -> {
                targets.add(labels.get(ts.defaultTarget()));
                for (SwitchCase c : ts.cases()) {
                    targets.add(labels.get(c.target()));
                }
                fallsThrough = false;
            }
            case LookupSwitchInstruction ls -> {
                targets.add(labels.get(ls.defaultTarget()));
                for (SwitchCase c : ls.cases()) {
                    targets.add(labels.get(c.target()));
                }
                fallsThrough = false;
            }
            case ReturnInstruction ri -> fallsThrough = false;
            default -> {
                // falls through to the next instruction only
            }
        }
        if (fallsThrough && k + 1 < code.size()) {
            merge(k + 1, locals, stack, sp[0], work);
        }
        for (Integer t : targets) {
            if (t != null && t < code.size()) {
                merge(t, locals, stack, sp[0], work);
            }
        }
    }

    /**
     * The value instruction {@code k} pushes (of table kind {@code kind}), given its operands
     * (deepest first): its declared width, constant and producer. An instruction with no rule here
     * pushes a value of its kind's full width (int and float 32, long 64), which never underprices.
     */
    private Val result(int k, Instruction ins, String kind, List<Val> operands, Val[] locals) {
        Opcode op = ins.opcode();
        return switch (ins) {
            case ConstantInstruction ci -> {
                Object v = op == Opcode.ACONST_NULL ? null : ci.constantValue();
                if (v instanceof Integer i) {
                    yield new Val(bitsOf(i), true, i, k);
                } else if (v instanceof Long l) {
                    yield new Val(64, true, l, k);
                }
                yield new Val(32, false, 0, k);
            }
            case LoadInstruction li -> {
                Val v = locals[li.slot()];
                yield new Val(v.width(), v.constant(), v.value(), k);
            }
            case ArrayLoadInstruction al -> new Val(declared(al.typeKind()), false, 0, k);
            case OperatorInstruction oi -> new Val(operatorWidth(op, oi.typeKind(), operands), false, 0, k);
            case ConvertInstruction cv -> new Val(switch (op) {
                case I2B -> 8;
                case I2S, I2C -> 16;
                case I2L, L2I -> Math.min(operands.getFirst().width(), 32);
                default -> declared(cv.toType());
            }, false, 0, k);
            case FieldInstruction fi -> new Val(declared(TypeKind.from(fi.typeSymbol())), false, 0, k);
            case InvokeInstruction ii -> new Val(declared(TypeKind.from(ii.typeSymbol().returnType())), false, 0, k);
            case NewPrimitiveArrayInstruction na -> new Val(pointerBits, false, 0, k);
            default -> new Val(kind.equals("J") ? 64 : 32, false, 0, k);
        };
    }

    /** Width of an operator's result: compares 8 bits, a mask's width for iand, else the type's. */
    private static int operatorWidth(Opcode op, TypeKind tk, List<Val> operands) {
        return switch (op) {
            case ARRAYLENGTH -> 32;
            case LCMP, FCMPL, FCMPG -> 8;
            case LSHL, LSHR, LUSHR -> 64;
            case IAND -> {
                Val a = operands.get(0);
                Val b = operands.get(1);
                yield isMask(a) || isMask(b) ? bitsOf(isMask(a) ? a.value() : b.value()) : 32;
            }
            default -> tk == TypeKind.LONG ? 64 : 32;
        };
    }

    private static boolean isMask(Val v) {
        return v.constant() && v.value() >= 0 && v.value() <= 0xFFFF;
    }

    /**
     * A stack shuffle as the table writes it: pops untyped slots numbered from the top ({@code 1}
     * is the top) and pushes them in the order given ({@code dup_x1}: {@code 21 → 121}). Values move;
     * none is consumed (no operand, no edge).
     */
    private static void shuffle(StackEffect effect, Val[] s, int[] sp) {
        int n = effect.pops().size();
        int base = sp[0] - n;
        Val[] top = Arrays.copyOfRange(s, base, sp[0]);
        int at = base;
        for (String slot : effect.pushes()) {
            s[at++] = top[n - Integer.parseInt(slot)];
        }
        sp[0] = at;
    }

    private static void push(Val[] s, int[] sp, Val v, int size) {
        s[sp[0]++] = v;
        if (size == 2) {
            s[sp[0]++] = Val.TOP;
        }
    }

    private static Val pop(Val[] s, int[] sp, int size, List<Val> popped) {
        sp[0] -= size;
        Val v = s[sp[0]];
        popped.add(v);
        return v;
    }

    /** Backward pass: demanded bits of every produced value, to a fixpoint. */
    private void demand(Result r) {
        int n = code.size();
        int[] d = r.demanded;
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int e = edges.size() - 1; e >= 0; e--) {
                int[] edge = edges.get(e);
                int p = edge[0];
                int need = escapes[p] ? full(p) : need(edge[1], edge[2], d);
                if (need > d[p]) {
                    d[p] = need;
                    changed = true;
                }
            }
        }
        for (int k = 0; k < n; k++) {
            if (d[k] == 0) {
                d[k] = 8;
            }
        }
    }

    /** Full width of what {@code producer} pushes (its table kind): 64 for a long, else 32. */
    private int full(int producer) {
        Instruction ins = code.get(producer);
        return Insn.of(ins.opcode()).effect(ins).pushes().contains("J") ? 64 : 32;
    }

    /** Bits consumer {@code c} needs of its operand {@code i}. */
    private int need(int c, int i, int[] d) {
        Instruction ins = code.get(c);
        Opcode op = ins.opcode();
        return switch (op) {
            case I2B -> 8;
            case I2S, I2C -> 16;
            case BASTORE -> i == 2 ? 8 : i == 1 ? pointerBits : 16;
            case SASTORE, CASTORE -> i == 2 ? 16 : i == 1 ? pointerBits : 16;
            case IASTORE, FASTORE, LASTORE -> i == 1 ? pointerBits : i == 2 ? (op == Opcode.LASTORE ? 64 : 32) : 16;
            case IALOAD, BALOAD, SALOAD, CALOAD, FALOAD, LALOAD -> i == 1 ? pointerBits : 16;
            case IADD, ISUB, IMUL, IAND, IOR, IXOR, INEG -> Math.max(8, d[c] == 0 ? 8 : d[c]);
            case ISHL -> i == 0 ? Math.max(8, d[c]) : 8;
            case ISHR, IUSHR -> i == 1 ? 8 : 32;
            case LSHL, LSHR, LUSHR -> i == 1 ? 8 : 64;
            case L2I -> 32;
            default -> Insn.of(op).effect(ins).pops().get(i).equals("J") ? 64 : 32;
        };
    }

    /** Declared width of a value of type {@code tk}: byte/boolean 8, short/char 16, int/float 32, long 64. */
    static int declared(TypeKind tk) {
        return switch (tk) {
            case BOOLEAN, BYTE -> 8;
            case SHORT, CHAR -> 16;
            case LONG, DOUBLE -> 64;
            default -> 32;
        };
    }

    /** Bits a signed or unsigned constant needs: 8, 16 or 32 (64 beyond int). */
    static int bitsOf(long v) {
        if (v >= -128 && v <= 255) {
            return 8;
        }
        if (v >= -32768 && v <= 65535) {
            return 16;
        }
        return v >= Integer.MIN_VALUE && v <= 0xFFFF_FFFFL ? 32 : 64;
    }
}
