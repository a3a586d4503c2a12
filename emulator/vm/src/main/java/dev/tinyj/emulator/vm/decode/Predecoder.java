package dev.tinyj.emulator.vm.decode;

import dev.tinyj.boards.CostTable;
import dev.tinyj.emulator.vm.cost.CostRecipe;
import dev.tinyj.emulator.vm.cost.InlinePolicy;
import dev.tinyj.emulator.vm.cost.MethodCosts;
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
 * (3) emit words with absolute branch targets, resolved static slots, method ids and immediates,
 * each instruction's first word carrying its base cycles from the core's cost table (JVMS
 * mnemonic, plus static extras such as {@code invoke} and {@code array_bounds_check}).
 *
 * <p>Assumes the method passed the subset verifier: an instruction outside the subset here is an
 * internal error ({@link IllegalStateException}).
 */
final class Predecoder {
    private final LinkContext ctx;
    private final CostTable costs;
    /** Terms of the instruction being emitted (see {@link CostRecipe}). */
    private List<CostRecipe.Term> terms = new ArrayList<>();
    private String dynamicKey;
    private int dynamicTimes;
    /** Whether the method being decoded is inlined into its callers ({@link InlinePolicy}). */
    private boolean selfInlined;
    /** Whether the branch being emitted is if-converted (no taken-branch charge). */
    private boolean select;

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
        selfInlined = ctx.inlined(owner, name, desc);
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
            terms = new ArrayList<>();
            dynamicKey = null;
            dynamicTimes = 0;
            select = plan.select()[k];
            emit(it, keys[k], out, pc, labelItem, at, owner, name, desc, cls);
            recipes[pc] = new CostRecipe(List.copyOf(terms), dynamicKey, dynamicTimes);
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

    /** Decoded size of an instruction in words. */
    private static int size(Instruction ins) {
        return switch (ins) {
            case TableSwitchInstruction ts -> 4 + (ts.highValue() - ts.lowValue() + 1);
            case LookupSwitchInstruction ls -> 3 + 2 * ls.cases().size();
            case ConstantInstruction ci -> ci.typeKind().slotSize() == 2 ? 3 : 2;
            case LoadInstruction li -> 2;
            case StoreInstruction si -> 2;
            case IncrementInstruction ii -> 3;
            case BranchInstruction bi -> 2;
            case FieldInstruction fi -> 2;
            case InvokeInstruction ii -> 2;
            case NewPrimitiveArrayInstruction na -> 3;
            default -> isArrayLoad(ins.opcode()) ? 2 : 1;
        };
    }

    private static boolean isArrayLoad(Opcode op) {
        return switch (op) {
            case IALOAD, LALOAD, FALOAD, BALOAD, CALOAD, SALOAD -> true;
            default -> false;
        };
    }

    /** Ticks of {@code key} ({@code op.<mnemonic>[.<form>]} or {@code extra.<name>}) x times, recorded as a term. */
    private int charge(String key, int times) {
        if (times == 0) {
            return 0;
        }
        terms.add(new CostRecipe.Term(key, times));
        return costs.keyTicks(key) * times;
    }

    /** Records the per-event term of the instruction being emitted and returns its ticks per event. */
    private int perEvent(String extra, int times) {
        dynamicKey = "extra." + extra;
        dynamicTimes = times;
        return costs.extraTicks(extra) * times;
    }

    /** Base cycles of an instruction: its cost-model key, plus {@code wide} for wide forms. */
    private int baseCost(Opcode op, String key) {
        return charge("op." + key, 1) + (op.bytecode() > 0xFF ? charge("op.wide", 1) : 0);
    }

    private static int word(int op, int ticks) {
        if (ticks < 0 || ticks > 0xFFFFFF) {
            throw new IllegalStateException("cost out of range: " + ticks + " ticks");
        }
        return op | ticks << 8;
    }

    private void emit(Item it, String key, int[] out, int pc, Map<Label, Integer> labelItem, int[] at, String owner,
            String name, String desc, ClassModel cls) {
        Instruction ins = it.ins();
        Opcode opc = ins.opcode();
        // an inlined method's return leaves its value in registers: only return_inlined is charged
        boolean inlinedReturn = selfInlined && ins instanceof java.lang.classfile.instruction.ReturnInstruction;
        int cost = inlinedReturn ? 0 : baseCost(opc, key);
        switch (ins) {
            case ConstantInstruction ci -> {
                // aconst_null's constantValue() is ConstantDescs.NULL (a dynamic constant), not null
                Object v = opc == Opcode.ACONST_NULL ? null : ci.constantValue();
                if (v instanceof Long l) {
                    out[pc] = word(Op.PUSH2, cost);
                    out[pc + 1] = (int) (long) l;
                    out[pc + 2] = (int) (l >>> 32);
                } else {
                    out[pc] = word(Op.PUSH, cost);
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
                out[pc] = word(li.typeKind().slotSize() == 2 ? Op.LOAD2 : Op.LOAD, cost);
                out[pc + 1] = li.slot();
            }
            case StoreInstruction si -> {
                out[pc] = word(si.typeKind().slotSize() == 2 ? Op.STORE2 : Op.STORE, cost);
                out[pc + 1] = si.slot();
            }
            case IncrementInstruction ii -> {
                out[pc] = word(Op.IINC, cost);
                out[pc + 1] = ii.slot();
                out[pc + 2] = ii.constant();
            }
            case BranchInstruction bi -> {
                int op = switch (opc) {
                    case IFNULL -> Op.IFEQ;
                    case IFNONNULL -> Op.IFNE;
                    case IF_ACMPEQ -> Op.IF_ICMPEQ;
                    case IF_ACMPNE -> Op.IF_ICMPNE;
                    case GOTO_W -> Op.GOTO;
                    default -> opc.bytecode();
                };
                int target = at[labelItem.get(bi.target())];
                if (op != Op.GOTO) {
                    // a conditional branch's target word carries its taken-branch cycles in the top byte
                    int taken = select ? 0 : perEvent("branch_taken", 1);
                    if (target > 0xFFFFFF || taken > 0xFF) {
                        throw new IllegalStateException("branch target or taken ticks out of range in " + name);
                    }
                    target |= taken << 24;
                }
                out[pc] = word(op, cost);
                out[pc + 1] = target;
            }
            case TableSwitchInstruction ts -> {
                out[pc] = word(Op.TABLESWITCH, cost);
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
                int steps = 32 - Integer.numberOfLeadingZeros(cases.size());
                out[pc] = word(Op.LOOKUPSWITCH, cost + charge("extra.switch_per_case", steps));
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
                boolean two = fdesc.equals("J");
                int op;
                if (opc == Opcode.GETSTATIC) {
                    op = two ? Op.GETSTATIC2 : Op.GETSTATIC;
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
                out[pc] = word(op, cost);
                out[pc + 1] = f.slot();
            }
            case InvokeInstruction ii -> {
                String o = ii.owner().asInternalName();
                String n = ii.name().stringValue();
                String d = ii.type().stringValue();
                int target = ctx.methodId(o, n, d);
                if (target >= 0) {
                    int args = 0;
                    for (var p : ii.typeSymbol().parameterList()) {
                        args += TypeKind.from(p).slotSize();
                    }
                    int call = ctx.inlined(o, n, d) ? charge("extra.invoke_inlined", 1)
                            : charge("extra.invoke", 1) + charge("extra.invoke_per_arg_slot", args);
                    out[pc] = word(Op.INVOKE, cost + call);
                    out[pc + 1] = target;
                } else {
                    NativeCatalog.Native nat = NativeCatalog.find(o, n, d).orElseThrow(
                            () -> new IllegalStateException("unresolved call " + o + "." + n + d));
                    int c;
                    if (nat.costExtra().equals("free")) {
                        terms.clear();
                        c = 0;
                    } else {
                        c = cost + charge("extra." + nat.costExtra(), 1);
                    }
                    out[pc] = word(Op.INVOKE_NATIVE, c);
                    out[pc + 1] = nat.id();
                }
            }
            case NewPrimitiveArrayInstruction na -> {
                perEvent("newarray_per_byte", 1);
                out[pc] = word(Op.NEWARRAY, cost);
                out[pc + 1] = na.typeKind().newarrayCode();
                out[pc + 2] = ctx.allocationSite(displayName(owner, name, desc) + " ("
                        + sourcePath(cls) + (it.line() > 0 ? ":" + it.line() : "") + ", bytecode " + it.bytecode() + ")");
            }
            default -> emitSimple(opc, out, pc, cost);
        }
    }

    private void emitSimple(Opcode opc, int[] out, int pc, int cost) {
        switch (opc) {
            case IALOAD, LALOAD, FALOAD, BALOAD, CALOAD, SALOAD -> {
                int elem = switch (opc) {
                    case BALOAD -> 1;
                    case CALOAD, SALOAD -> 2;
                    case LALOAD -> 8;
                    default -> 4;
                };
                out[pc] = word(opc.bytecode(), cost + charge("extra.array_bounds_check", 1));
                out[pc + 1] = perEvent("array_load_flash", elem);
            }
            case IASTORE, LASTORE, FASTORE, BASTORE, CASTORE, SASTORE ->
                    out[pc] = word(opc.bytecode(), cost + charge("extra.array_bounds_check", 1));
            case IRETURN, FRETURN, ARETURN -> out[pc] = word(Op.RETURN1, cost + returnCost());
            case LRETURN -> out[pc] = word(Op.RETURN2, cost + returnCost());
            case RETURN -> out[pc] = word(Op.RETURN, cost + returnCost());
            default -> out[pc] = word(opc.bytecode(), cost);
        }
    }

    private int returnCost() {
        return charge(selfInlined ? "extra.return_inlined" : "extra.return", 1);
    }

    private static String displayName(String owner, String name, String desc) {
        return owner.substring(owner.lastIndexOf('/') + 1) + "." + name + desc;
    }
}
