package dev.tinyj.emulator.vm.decode;

import dev.tinyj.boards.CostTable;
import dev.tinyj.emulator.vm.cost.CostRecipe;
import dev.tinyj.emulator.vm.cost.InstructionCost;
import dev.tinyj.emulator.vm.cost.MethodCosts;
import dev.tinyj.emulator.vm.insn.Charging;
import dev.tinyj.emulator.vm.insn.Insn;
import dev.tinyj.emulator.vm.insn.Op;
import dev.tinyj.emulator.vm.natives.NativeCatalog;
import java.lang.classfile.ClassModel;
import java.lang.classfile.CodeElement;
import java.lang.classfile.Instruction;
import java.lang.classfile.Label;
import java.lang.classfile.MethodModel;
import java.lang.classfile.Opcode;
import java.lang.classfile.TypeKind;
import java.lang.classfile.attribute.SourceFileAttribute;
import java.lang.classfile.instruction.BranchInstruction;
import java.lang.classfile.instruction.ConstantInstruction;
import java.lang.classfile.instruction.FieldInstruction;
import java.lang.classfile.instruction.IncrementInstruction;
import java.lang.classfile.instruction.InvokeInstruction;
import java.lang.classfile.instruction.LabelTarget;
import java.lang.classfile.instruction.LineNumber;
import java.lang.classfile.instruction.LoadInstruction;
import java.lang.classfile.instruction.LookupSwitchInstruction;
import java.lang.classfile.instruction.NewPrimitiveArrayInstruction;
import java.lang.classfile.instruction.StoreInstruction;
import java.lang.classfile.instruction.SwitchCase;
import java.lang.classfile.instruction.TableSwitchInstruction;
import java.lang.constant.MethodTypeDesc;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes one verified method's bytecode into {@link Op} form, once, before the first run
 * (STYLE.md: "one decode step, then a hot loop that never re-parses").
 *
 * <p>Steps: (1) walk the code elements, recording each instruction's bytecode offset and source
 * line and each label's position; (2) size every decoded instruction and assign code indices;
 * (3) emit each instruction's decoded form from the instruction table ({@link Insn}: its
 * {@link Op}, with absolute branch targets, resolved static slots, method ids and immediates),
 * its first word carrying the ticks {@link InstructionCost#of} gives for it: the cost model's key
 * for it ({@link MethodCosts}) plus static extras such as {@code invoke} and
 * {@code array_bounds_check}; per-event ticks (taken branch, flash element load) go in an operand
 * word. Every fact the cost depends on is passed to that pure function; nothing is handed over
 * through fields.
 *
 * <p>Assumes the method passed the subset verifier: an instruction outside the table here is an
 * internal error ({@link IllegalArgumentException} naming the opcode, from {@link Insn#of}).
 */
final class Predecoder {
    private final LinkContext ctx;
    private final CostTable costs;

    Predecoder(LinkContext ctx) {
        this.ctx = ctx;
        this.costs = ctx.costs();
    }

    private record Item(Instruction ins, int bytecode, int line) {
    }

    DecodedMethod decode(int id, ClassModel cls, MethodModel mm) {
        String owner = cls.thisClass().asInternalName();
        String name = mm.methodName().stringValue();
        String desc = mm.methodType().stringValue();
        java.lang.classfile.attribute.CodeAttribute code = mm.findAttribute(java.lang.classfile.Attributes.code()).orElseThrow(() -> new IllegalStateException("no code: " + owner + "." + name));

        // (1) instructions with offsets and lines; labels bound to the next instruction's index
        List<Item> items = new ArrayList<>();
        Map<Label, Integer> labelItem = new HashMap<>();
        int bci = 0;
        int line = 0;
        for (CodeElement e : code) {
            if (e instanceof LabelTarget lt) {
                labelItem.put(lt.label(), items.size());
            } else if (e instanceof LineNumber ln) {
                line = ln.line();
            } else if (e instanceof Instruction ins) {
                items.add(new Item(ins, bci, line));
                bci += ins.sizeInBytes();
            }
        }
        int codeLength = bci;

        // (2) code index per item
        int[] at = new int[items.size() + 1];
        for (int k = 0; k < items.size(); k++) {
            at[k + 1] = at[k] + size(items.get(k).ins());
        }
        Map<Integer, Integer> itemAtBytecode = new HashMap<>();
        for (int k = 0; k < items.size(); k++) {
            itemAtBytecode.put(items.get(k).bytecode(), k);
        }
        itemAtBytecode.put(codeLength, items.size());

        // (3) emit
        int[] out = new int[at[items.size()]];
        int[] bcAt = new int[out.length];
        int[] lnAt = new int[out.length];
        java.util.Arrays.fill(bcAt, -1);
        int skippedBytes = 0;
        int maxStack = code.maxStack();
        List<Instruction> instructions = new ArrayList<>(items.size());
        for (Item it : items) {
            instructions.add(it.ins());
        }
        MethodCosts.Plan plan = MethodCosts.plan(instructions, labelItem, mm.methodTypeSymbol(), code.maxLocals(),
                maxStack, ctx.memory().pointerBytes() * 8);
        String[] keys = plan.keys();
        boolean selfInlined = ctx.inlined(owner, name, desc);
        CostRecipe[] recipes = new CostRecipe[out.length];
        for (int k = 0; k < items.size(); k++) {
            Item it = items.get(k);
            int pc = at[k];
            bcAt[pc] = it.bytecode();
            lnAt[pc] = it.line();
            dev.tinyj.emulator.vm.verify.ProgmemTable pm = ctx.progmemAt(owner, name, it.bytecode());
            if (pm != null) {
                Integer end = itemAtBytecode.get(pm.endOffset());
                if (end == null || size(it.ins()) < 2) {
                    throw new IllegalStateException("@Progmem initialiser range not on instruction boundaries: "
                            + owner + "." + pm.field());
                }
                out[pc] = Op.PROGMEM_SKIP;
                out[pc + 1] = at[end];
                skippedBytes += pm.endOffset() - pm.startOffset();
                continue;
            }
            Insn insn = Insn.of(it.ins().opcode());
            InstructionCost.Charge charge = InstructionCost.of(insn,
                    facts(it.ins(), keys[k], plan.select()[k], selfInlined), costs);
            emit(it, insn, charge, out, pc, labelItem, at, owner, name, desc, cls);
            recipes[pc] = charge.recipe();
        }

        MethodTypeDesc type = mm.methodTypeSymbol();
        int argSlots = 0;
        for (var p : type.parameterList()) {
            argSlots += TypeKind.from(p).slotSize();
        }
        int returnSlots = TypeKind.from(type.returnType()).slotSize();
        int frame = frameBytes(code, type, plan.localWidth(), selfInlined);
        String source = sourcePath(cls);
        DecodedMethod m = new DecodedMethod(id, owner, name, desc, source, code.maxLocals(), maxStack, argSlots,
                returnSlots, frame, codeLength - skippedBytes);
        m.code = out;
        m.bytecodeAt = bcAt;
        m.lineAt = lnAt;
        m.recipeAt = recipes;
        return m;
    }

    /** {@code probe/Demo.java} from the package and the SourceFile attribute. */
    static String sourcePath(ClassModel cls) {
        String internal = cls.thisClass().asInternalName();
        String pkg = internal.contains("/") ? internal.substring(0, internal.lastIndexOf('/') + 1) : "";
        return cls.findAttribute(java.lang.classfile.Attributes.sourceFile())
                .map(SourceFileAttribute::sourceFile)
                .map(u -> pkg + u.stringValue())
                .orElse(internal + ".class");
    }

    /**
     * Frame bytes: base + Σ local sizes + spill x max_stack (MemoryModel). An {@code int} local takes
     * the bytes of the widest value stored in it (the width analysis: a {@code short} counter 2 B);
     * an inlined method has no frame base (no return address or saved frame pointer: it runs in its
     * caller's frame).
     */
    private int frameBytes(java.lang.classfile.attribute.CodeAttribute code, MethodTypeDesc type, int[] localWidth,
            boolean inlined) {
        var mem = ctx.memory();
        int[] slotBytes = new int[Math.max(1, code.maxLocals())];
        int slot = 0;
        for (var p : type.parameterList()) {
            TypeKind tk = TypeKind.from(p);
            slotBytes[slot] = Math.max(slotBytes[slot], bytesOf(tk, mem.pointerBytes()));
            slot += tk.slotSize();
        }
        for (CodeElement e : code) {
            int s = -1;
            TypeKind tk = null;
            if (e instanceof LoadInstruction li) {
                s = li.slot();
                tk = li.typeKind();
            } else if (e instanceof StoreInstruction si) {
                s = si.slot();
                tk = si.typeKind();
            } else if (e instanceof IncrementInstruction ii) {
                s = ii.slot();
                tk = TypeKind.INT;
            }
            if (s >= 0 && s < slotBytes.length) {
                int bytes = bytesOf(tk, mem.pointerBytes());
                if (tk == TypeKind.INT && s < localWidth.length && localWidth[s] > 0 && localWidth[s] < 32) {
                    bytes = localWidth[s] / 8;
                }
                slotBytes[s] = Math.max(slotBytes[s], bytes);
            }
        }
        int locals = 0;
        for (int b : slotBytes) {
            locals += b;
        }
        return (inlined ? 0 : mem.frameBaseBytes()) + locals + mem.frameSpillBytesPerStackSlot() * code.maxStack();
    }

    private static int bytesOf(TypeKind tk, int pointer) {
        return switch (tk) {
            case LONG, DOUBLE -> 8;
            case REFERENCE -> pointer;
            case BOOLEAN, BYTE -> 1;
            case CHAR, SHORT -> 2;
            default -> 4;
        };
    }

    /** Decoded size of an instruction in words: the table's, or a switch's by its cases. */
    private static int size(Instruction ins) {
        return switch (ins) {
            case TableSwitchInstruction ts -> 4 + (ts.highValue() - ts.lowValue() + 1);
            case LookupSwitchInstruction ls -> 3 + 2 * ls.cases().size();
            default -> Insn.of(ins.opcode()).words();
        };
    }

    /** The static facts the cost of {@code ins} depends on ({@link InstructionCost}). */
    private InstructionCost.Facts facts(Instruction ins, String key, boolean select, boolean selfInlined) {
        return switch (ins) {
            case InvokeInstruction ii -> {
                String o = ii.owner().asInternalName();
                String n = ii.name().stringValue();
                String d = ii.type().stringValue();
                InstructionCost.Callee callee;
                if (ctx.methodId(o, n, d) >= 0) {
                    int args = 0;
                    for (var p : ii.typeSymbol().parameterList()) {
                        args += TypeKind.from(p).slotSize();
                    }
                    callee = InstructionCost.Callee.firmware(ctx.inlined(o, n, d), args);
                } else {
                    callee = InstructionCost.Callee.hal(nativeOf(o, n, d).costExtra());
                }
                yield new InstructionCost.Facts(key, select, selfInlined, callee, 0);
            }
            case LookupSwitchInstruction ls -> new InstructionCost.Facts(key, select, selfInlined, null, ls.cases().size());
            default -> InstructionCost.Facts.of(key, select, selfInlined);
        };
    }

    private static NativeCatalog.Native nativeOf(String owner, String name, String desc) {
        return NativeCatalog.find(owner, name, desc).orElseThrow(
                () -> new IllegalStateException("unresolved call " + owner + "." + name + desc));
    }

    private static int word(int op, int ticks) {
        if (ticks < 0 || ticks > 0xFFFFFF) {
            throw new IllegalStateException("cost out of range: " + ticks + " ticks");
        }
        return op | ticks << 8;
    }

    /**
     * Writes the decoded form of {@code it} at {@code out[pc]}: its {@link Insn#op() Op} (or the one
     * its operand chooses) with the charge's ticks, then its operands.
     */
    private void emit(Item it, Insn insn, InstructionCost.Charge charge, int[] out, int pc,
            Map<Label, Integer> labelItem, int[] at, String owner, String name, String desc, ClassModel cls) {
        Instruction ins = it.ins();
        int cost = charge.ticks();
        switch (ins) {
            case ConstantInstruction ci -> {
                // aconst_null's constantValue() is ConstantDescs.NULL (a dynamic constant), not null
                Object v = ins.opcode() == Opcode.ACONST_NULL ? null : ci.constantValue();
                out[pc] = word(insn.op(), cost);
                if (insn.op() == Op.PUSH2) {
                    long l = (Long) v;
                    out[pc + 1] = (int) l;
                    out[pc + 2] = (int) (l >>> 32);
                } else {
                    out[pc + 1] = switch (v) {
                        case null -> 0;
                        case Integer i -> i;
                        case Float f -> Float.floatToRawIntBits(f);
                        case String s -> ctx.stringIndex(s);
                        default -> throw new IllegalStateException("constant outside the subset: " + v);
                    };
                }
            }
            case LoadInstruction li -> {
                out[pc] = word(insn.op(), cost);
                out[pc + 1] = li.slot();
            }
            case StoreInstruction si -> {
                out[pc] = word(insn.op(), cost);
                out[pc + 1] = si.slot();
            }
            case IncrementInstruction ii -> {
                out[pc] = word(insn.op(), cost);
                out[pc + 1] = ii.slot();
                out[pc + 2] = ii.constant();
            }
            case BranchInstruction bi -> {
                int target = at[labelItem.get(bi.target())];
                if (insn.charging() == Charging.BRANCH) {
                    // a conditional branch's target word carries its taken-branch ticks in the top byte
                    int taken = charge.eventTicks();
                    if (target > 0xFFFFFF || taken > 0xFF) {
                        throw new IllegalStateException("branch target or taken ticks out of range in " + name);
                    }
                    target |= taken << 24;
                }
                out[pc] = word(insn.op(), cost);
                out[pc + 1] = target;
            }
            case TableSwitchInstruction ts -> {
                out[pc] = word(insn.op(), cost);
                out[pc + 1] = at[labelItem.get(ts.defaultTarget())];
                out[pc + 2] = ts.lowValue();
                out[pc + 3] = ts.highValue();
                int n = ts.highValue() - ts.lowValue() + 1;
                for (int k = 0; k < n; k++) {
                    out[pc + 4 + k] = out[pc + 1];
                }
                for (SwitchCase c : ts.cases()) {
                    out[pc + 4 + (c.caseValue() - ts.lowValue())] = at[labelItem.get(c.target())];
                }
            }
            case LookupSwitchInstruction ls -> {
                List<SwitchCase> cases = new ArrayList<>(ls.cases());
                cases.sort((a, b) -> Integer.compare(a.caseValue(), b.caseValue()));
                out[pc] = word(insn.op(), cost);
                out[pc + 1] = at[labelItem.get(ls.defaultTarget())];
                out[pc + 2] = cases.size();
                for (int k = 0; k < cases.size(); k++) {
                    out[pc + 3 + 2 * k] = cases.get(k).caseValue();
                    out[pc + 4 + 2 * k] = at[labelItem.get(cases.get(k).target())];
                }
            }
            case FieldInstruction fi -> {
                String fdesc = fi.typeSymbol().descriptorString();
                StaticField f = ctx.staticField(fi.owner().asInternalName(), fi.name().stringValue(), fdesc);
                int op;
                if (ins.opcode() == Opcode.GETSTATIC) {
                    op = fdesc.equals("J") ? Op.GETSTATIC2 : Op.GETSTATIC;
                } else {
                    op = switch (fdesc) {
                        case "J" -> Op.PUTSTATIC2;
                        case "Z" -> Op.PUTSTATIC_Z;
                        case "B" -> Op.PUTSTATIC_B;
                        case "C" -> Op.PUTSTATIC_C;
                        case "S" -> Op.PUTSTATIC_S;
                        default -> Op.PUTSTATIC;
                    };
                }
                out[pc] = word(insn.op(op), cost);
                out[pc + 1] = f.slot();
            }
            case InvokeInstruction ii -> {
                String o = ii.owner().asInternalName();
                String n = ii.name().stringValue();
                String d = ii.type().stringValue();
                int target = ctx.methodId(o, n, d);
                if (target >= 0) {
                    out[pc] = word(insn.op(Op.INVOKE), cost);
                    out[pc + 1] = target;
                } else {
                    out[pc] = word(insn.op(Op.INVOKE_NATIVE), cost);
                    out[pc + 1] = nativeOf(o, n, d).id();
                }
            }
            case NewPrimitiveArrayInstruction na -> {
                out[pc] = word(insn.op(), cost);
                out[pc + 1] = na.typeKind().newarrayCode();
                out[pc + 2] = ctx.allocationSite(displayName(owner, name, desc) + " ("
                        + sourcePath(cls) + (it.line() > 0 ? ":" + it.line() : "") + ", bytecode " + it.bytecode() + ")");
            }
            default -> {
                // no operands; an array load's second word is its flash-load ticks per element
                out[pc] = word(insn.op(), cost);
                if (insn.charging() == Charging.ARRAY_LOAD) {
                    out[pc + 1] = charge.eventTicks();
                }
            }
        }
    }

    private static String displayName(String owner, String name, String desc) {
        return owner.substring(owner.lastIndexOf('/') + 1) + "." + name + desc;
    }
}
