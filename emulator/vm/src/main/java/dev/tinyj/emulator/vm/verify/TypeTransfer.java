package dev.tinyj.emulator.vm.verify;

import dev.tinyj.emulator.vm.insn.Insn;
import dev.tinyj.emulator.vm.insn.Refused;
import dev.tinyj.emulator.vm.insn.StackEffect;
import java.lang.classfile.Instruction;
import java.lang.classfile.Opcode;
import java.lang.classfile.TypeKind;
import java.lang.classfile.constantpool.ClassEntry;
import java.lang.classfile.constantpool.ConstantDynamicEntry;
import java.lang.classfile.constantpool.DoubleEntry;
import java.lang.classfile.constantpool.FloatEntry;
import java.lang.classfile.constantpool.IntegerEntry;
import java.lang.classfile.constantpool.LoadableConstantEntry;
import java.lang.classfile.constantpool.LongEntry;
import java.lang.classfile.constantpool.MethodHandleEntry;
import java.lang.classfile.constantpool.MethodTypeEntry;
import java.lang.classfile.constantpool.StringEntry;
import java.lang.classfile.instruction.ConstantInstruction;
import java.lang.classfile.instruction.FieldInstruction;
import java.lang.classfile.instruction.IncrementInstruction;
import java.lang.classfile.instruction.InvokeInstruction;
import java.lang.classfile.instruction.LoadInstruction;
import java.lang.classfile.instruction.NewPrimitiveArrayInstruction;
import java.lang.classfile.instruction.ReturnInstruction;
import java.lang.classfile.instruction.StackInstruction;
import java.lang.classfile.instruction.StoreInstruction;
import java.lang.constant.ClassDesc;
import java.lang.constant.MethodTypeDesc;
import java.util.List;
import java.util.Locale;

/**
 * What one instruction does to a {@link Frame}'s types (JVMS §4.10.1.9, one rule per instruction,
 * cut down to the subset). Pops and pushes come from the instruction table ({@link Insn},
 * {@link StackEffect}); what depends on the operand is read from the instruction: the local of a
 * load or store, an {@code ldc}'s constant, a field's or callee's descriptor (JVMS §4.3.2, where
 * {@code boolean[]} and {@code byte[]} differ and a {@code String} parameter takes only a String
 * constant), {@code newarray}'s element type. Control flow is the caller's ({@link TypeInference}).
 */
final class TypeTransfer {
    private final VType returns;
    private final String methodReturn;

    /**
     * @param returnDescriptor the method's return descriptor, e.g. {@code V}, {@code I}, {@code [B}
     */
    TypeTransfer(String returnDescriptor) {
        this.methodReturn = returnDescriptor;
        this.returns = returnDescriptor.equals("V") ? null : VType.ofDescriptor(returnDescriptor);
    }

    /**
     * Applies {@code ins} to {@code f}.
     *
     * @throws TypeError naming the broken rule
     */
    void apply(Instruction ins, Frame f) {
        Opcode opcode = ins.opcode();
        String op = mnemonic(opcode);
        Insn entry = Insn.find(opcode).orElseThrow(() -> new TypeError(
                op + ": " + Refused.reason(opcode).orElse("not in the subset's instruction table")));
        switch (ins) {
            case LoadInstruction x -> load(x, f, op);
            case StoreInstruction x -> store(x, f, op);
            case IncrementInstruction x -> {
                f.checkLocal(x.slot(), 1, op);
                readLocal(f, x.slot(), VType.INT, op);
            }
            case ConstantInstruction.LoadConstantInstruction x -> f.pushValue(constant(x, op), op);
            case FieldInstruction x -> field(x, f, op);
            case InvokeInstruction x -> invoke(x, f, op);
            case NewPrimitiveArrayInstruction x -> {
                VType array = VType.ofElement(x.typeKind());
                if (array == null) {
                    throw new TypeError("newarray of " + x.typeKind().upperBound().displayName()
                            + ": not an array type of the subset");
                }
                f.popValue(VType.INT, op);
                f.pushValue(array, op);
            }
            case ReturnInstruction x -> ret(x, f, op);
            case StackInstruction x -> shuffle(entry.effect(), f, op);
            default -> {
                if (opcode == Opcode.ARRAYLENGTH) {
                    f.need(1, op);
                    VType a = f.pop();
                    if (!a.isArray() && a != VType.NULL) {
                        throw Frame.mismatch(op, "an array", Frame.found(a));
                    }
                    f.push(VType.INT);
                } else {
                    generic(entry.effect(), f, op);
                }
            }
        }
    }

    /** Pops and pushes as the table says, each value checked against its kind. */
    private static void generic(StackEffect e, Frame f, String op) {
        f.need(e.slotsPopped(), op);
        List<String> pops = e.pops();
        for (int k = pops.size() - 1; k >= 0; k--) {
            String kind = pops.get(k);
            if (kind.equals("J")) {
                f.popValue(VType.LONG, op);
            } else {
                VType actual = f.pop();
                if (!VType.fits(actual, kind)) {
                    throw Frame.mismatch(op, VType.describe(kind), Frame.found(actual));
                }
            }
        }
        for (String kind : e.pushes()) {
            f.pushValue(switch (kind) {
                case "I" -> VType.INT;
                case "F" -> VType.FLOAT;
                case "J" -> VType.LONG;
                case "A" -> VType.NULL; // aconst_null: the only table entry pushing a plain reference
                default -> throw new IllegalStateException("no generic push of kind " + kind + " (" + op + ")");
            }, op);
        }
    }

    private static void load(LoadInstruction x, Frame f, String op) {
        VType want = kindOf(x.typeKind(), op);
        int slots = want == VType.LONG ? 2 : 1;
        f.checkLocal(x.slot(), slots, op);
        VType got = readLocal(f, x.slot(), want, op);
        f.pushValue(got, op);
    }

    /** The type of local {@code slot}, checked to be {@code want} (for a reference: null or an array). */
    private static VType readLocal(Frame f, int slot, VType want, String op) {
        VType got = f.local(slot);
        boolean ok = switch (want) {
            case LONG -> got == VType.LONG && f.local(slot + 1) == VType.LONG2;
            case NULL -> got == VType.NULL || got.isArray();
            default -> got == want;
        };
        if (!ok) {
            String wanted = want == VType.NULL ? "an array" : want.display();
            String holds = got == VType.TOP ? "no usable value (unset, or different types on different paths)"
                    : got.display();
            String at = Character.isDigit(op.charAt(op.length() - 1)) ? op : op + " " + slot; // iload_1, iload 7
            throw new TypeError("type mismatch (" + at + "): expected " + wanted + ", local " + slot + " holds " + holds);
        }
        return got;
    }

    private static void store(StoreInstruction x, Frame f, String op) {
        VType want = kindOf(x.typeKind(), op);
        int slots = want == VType.LONG ? 2 : 1;
        f.checkLocal(x.slot(), slots, op);
        VType value;
        if (want == VType.NULL) {
            f.need(1, op);
            value = f.pop();
            if (!value.isArray() && value != VType.NULL) {
                throw Frame.mismatch(op, "an array", Frame.found(value)
                        + (value == VType.STRING ? " (a String constant goes straight to Serial.print or println)" : ""));
            }
        } else {
            f.popValue(want, op);
            value = want;
        }
        f.store(x.slot(), value);
    }

    /** The local type a load or store of {@code kind} moves; {@link VType#NULL} stands for "a reference". */
    private static VType kindOf(TypeKind kind, String op) {
        return switch (kind) {
            case INT -> VType.INT;
            case FLOAT -> VType.FLOAT;
            case LONG -> VType.LONG;
            case REFERENCE -> VType.NULL;
            default -> throw new TypeError(op + ": " + kind.upperBound().displayName() + " values are not in the subset");
        };
    }

    /** The type an {@code ldc}/{@code ldc_w}/{@code ldc2_w} pushes (JVMS §4.4, §6.5.ldc, §6.5.ldc2_w). */
    private static VType constant(ConstantInstruction.LoadConstantInstruction x, String op) {
        LoadableConstantEntry c = x.constantEntry();
        boolean wide = x.opcode() == Opcode.LDC2_W;
        VType t = switch (c) {
            case IntegerEntry i -> VType.INT;
            case FloatEntry fl -> VType.FLOAT;
            case StringEntry s -> VType.STRING;
            case LongEntry l -> VType.LONG;
            default -> throw new TypeError(op + " of a " + constantKind(c) + " constant: not a constant the subset"
                    + " loads (int, float, long or a String passed to Serial)");
        };
        if (wide != (t == VType.LONG)) {
            throw new TypeError(op + " of a " + t.display() + " constant: " + (wide ? "ldc2_w loads only long"
                    + " (or double) constants" : "a long constant needs ldc2_w"));
        }
        return t;
    }

    private static String constantKind(LoadableConstantEntry c) {
        return switch (c) {
            case DoubleEntry d -> "double";
            case ClassEntry k -> "class";
            case MethodTypeEntry t -> "method type";
            case MethodHandleEntry h -> "method handle";
            case ConstantDynamicEntry d -> "dynamic";
            default -> c.getClass().getSimpleName();
        };
    }

    private static void field(FieldInstruction x, Frame f, String op) {
        String desc = x.typeSymbol().descriptorString();
        String what = op + " " + x.owner().asInternalName() + "." + x.name().stringValue();
        VType t = VType.ofDescriptor(desc);
        if (t == null || t == VType.STRING) {
            throw new TypeError(what + ": field type " + desc + " is not in the subset", true);
        }
        if (x.opcode() == Opcode.GETSTATIC) {
            f.pushValue(t, what);
        } else {
            f.popValue(t, what);
        }
    }

    private static void invoke(InvokeInstruction x, Frame f, String op) {
        MethodTypeDesc type = x.typeSymbol();
        String callee = MethodRef.simpleName(x.owner().asInternalName()) + "." + x.name().stringValue()
                + x.type().stringValue();
        List<ClassDesc> params = type.parameterList();
        VType[] want = new VType[params.size()];
        int slots = 0;
        for (int k = 0; k < want.length; k++) {
            String desc = params.get(k).descriptorString();
            // System.arraycopy's Object parameters take an array (or null); the HAL checks the rest
            want[k] = desc.equals("Ljava/lang/Object;") ? VType.NULL : VType.ofDescriptor(desc);
            if (want[k] == null) {
                throw new TypeError(op + " " + callee + ": parameter type " + desc + " is not in the subset", true);
            }
            slots += want[k] == VType.LONG ? 2 : 1;
        }
        f.need(slots, op + " " + callee);
        for (int k = want.length - 1; k >= 0; k--) {
            String arg = "argument " + (k + 1) + " of " + callee;
            if (want[k] == VType.STRING && f.peek(0) != VType.STRING) {
                throw new TypeError("type mismatch (" + arg + "): expected a String constant (ldc) passed straight"
                        + " to the call, found " + Frame.found(f.peek(0)));
            }
            if (want[k] == VType.NULL) {
                VType a = f.pop();
                if (!a.isArray() && a != VType.NULL) {
                    throw Frame.mismatch(arg, "an array", Frame.found(a));
                }
            } else {
                f.popValue(want[k], arg);
            }
        }
        String ret = type.returnType().descriptorString();
        if (!ret.equals("V")) {
            VType r = VType.ofDescriptor(ret);
            if (r == null || r == VType.STRING) {
                throw new TypeError(op + " " + callee + ": return type " + ret + " is not in the subset", true);
            }
            f.pushValue(r, op + " " + callee);
        }
    }

    private void ret(ReturnInstruction x, Frame f, String op) {
        if (x.typeKind() == TypeKind.VOID) {
            if (!methodReturn.equals("V")) {
                throw new TypeError("return type mismatch (" + op + "): the method returns " + methodReturn);
            }
            return;
        }
        if (returns == null || kindOf(x.typeKind(), op) != (returns.isArray() ? VType.NULL : returns)) {
            throw new TypeError("return type mismatch (" + op + "): the method returns " + methodReturn);
        }
        f.popValue(returns, op);
    }

    /**
     * {@code pop}, {@code pop2}, {@code dup*}, {@code swap} over slots (JVMS §6.5.dup ...): the
     * table's numbered slots are moved as they are, and a long must stay whole (JVMS's category
     * rules): the deepest slot taken must not be a long's second half, and every long pushed must
     * come out as its two halves in order.
     */
    private static void shuffle(StackEffect e, Frame f, String op) {
        int taken = e.pops().size();
        f.need(taken, op);
        VType[] slot = new VType[taken + 1];
        for (int d = 1; d <= taken; d++) {
            slot[d] = f.peek(d - 1);
        }
        if (slot[taken] == VType.LONG2) {
            throw new TypeError("stack shuffle (" + op + ") splits a long: " + op
                    + " takes " + taken + " slot" + (taken == 1 ? "" : "s") + " and the deepest is a long's second half");
        }
        for (int d = 0; d < taken; d++) {
            f.pop();
        }
        int base = f.depth();
        f.room(e.pushes().size(), op);
        for (String p : e.pushes()) {
            f.push(slot[p.charAt(0) - '0']);
        }
        for (int k = base; k < f.depth(); k++) {
            VType t = f.peek(f.depth() - 1 - k);
            boolean broken = t == VType.LONG2 ? k == base || f.peek(f.depth() - k) != VType.LONG
                    : t == VType.LONG && (k + 1 == f.depth() || f.peek(f.depth() - 2 - k) != VType.LONG2);
            if (broken) {
                throw new TypeError("stack shuffle (" + op + ") splits a long: use the two-slot form (pop2, dup2, ...)");
            }
        }
    }

    /** The JVMS mnemonic, e.g. {@code iload_1}, {@code ldc2_w}. */
    static String mnemonic(Opcode op) {
        return op.name().toLowerCase(Locale.ROOT);
    }
}
