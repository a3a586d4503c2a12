package dev.tinyj.emulator.vm.verify;

import dev.tinyj.emulator.vm.insn.Insn;
import dev.tinyj.emulator.vm.insn.Refused;
import dev.tinyj.emulator.vm.natives.NativeCatalog;
import java.lang.classfile.Instruction;
import java.lang.classfile.Opcode;
import java.lang.classfile.TypeKind;
import java.lang.classfile.constantpool.ClassEntry;
import java.lang.classfile.constantpool.ConstantDynamicEntry;
import java.lang.classfile.constantpool.LoadableConstantEntry;
import java.lang.classfile.constantpool.MethodHandleEntry;
import java.lang.classfile.constantpool.MethodTypeEntry;
import java.lang.classfile.constantpool.StringEntry;
import java.lang.classfile.instruction.ArrayLoadInstruction;
import java.lang.classfile.instruction.ArrayStoreInstruction;
import java.lang.classfile.instruction.ConstantInstruction;
import java.lang.classfile.instruction.ConvertInstruction;
import java.lang.classfile.instruction.DiscontinuedInstruction;
import java.lang.classfile.instruction.FieldInstruction;
import java.lang.classfile.instruction.InvokeDynamicInstruction;
import java.lang.classfile.instruction.InvokeInstruction;
import java.lang.classfile.instruction.LoadInstruction;
import java.lang.classfile.instruction.MonitorInstruction;
import java.lang.classfile.instruction.NewMultiArrayInstruction;
import java.lang.classfile.instruction.NewObjectInstruction;
import java.lang.classfile.instruction.NewPrimitiveArrayInstruction;
import java.lang.classfile.instruction.NewReferenceArrayInstruction;
import java.lang.classfile.instruction.OperatorInstruction;
import java.lang.classfile.instruction.ReturnInstruction;
import java.lang.classfile.instruction.StoreInstruction;
import java.lang.classfile.instruction.ThrowInstruction;
import java.lang.classfile.instruction.TypeCheckInstruction;
import java.util.List;

/**
 * The subset's rules that one instruction decides on its own, without looking into other classes
 * (JVMS §6.5 names each opcode). Which opcodes the subset has is the instruction table's
 * ({@link Insn}); every other opcode is {@link Refused}, and the messages here name what the
 * refused instruction was used for. Calls and static field accesses that need the image are
 * resolved by {@link MemberRules}. Messages are classified by {@code java.lang.classfile}
 * instruction type:
 * <ul>
 *   <li>{@code double} anywhere: loads, stores, returns, arithmetic and {@code dcmpl/dcmpg},
 *       conversions to or from {@code double}, {@code dconst}, {@code ldc2_w} of a double,
 *       {@code newarray T_DOUBLE}, {@code daload/dastore};
 *   <li>objects: {@code new}, {@code anewarray}, {@code multianewarray}, {@code aaload/aastore},
 *       {@code getfield/putfield}, {@code checkcast/instanceof}, {@code invokevirtual},
 *       {@code invokespecial}, {@code invokeinterface}, {@code invokedynamic};
 *   <li>exceptions and monitors: {@code athrow}, {@code monitorenter/monitorexit};
 *   <li>{@code jsr/ret} (JVMS §4.9.1 forbids them in version 51+ class files anyway);
 *   <li>{@code ldc} of a String not passed straight to a Serial print (the next instruction must
 *       be an {@code invokestatic} of a {@link NativeCatalog#takesString} native), and {@code ldc}
 *       of a Class, MethodType, MethodHandle or dynamic constant (JVMS §4.4.8–§4.4.10).
 * </ul>
 */
final class InstructionRules {
    static final String DOUBLE_HINT = "use float or fixed-point int";
    static final String OBJECT_HINT = "use static fields and primitive arrays";
    static final String PANIC_HINT = "use Mcu.panic(code, arg)";

    private InstructionRules() {
    }

    /**
     * The violation at {@code code.get(i)}, or null when the instruction is in the subset. An opcode
     * outside the instruction table ({@link Insn}) is always a violation: the message below names
     * it and its operand where it can, else it is the opcode's {@link Refused} reason. An opcode in
     * the table is a violation only by its operand ({@code ldc} of a String not passed to Serial or
     * of a Class, {@code ldc2_w} of a double, {@code newarray T_DOUBLE}, javac's synthetic static
     * fields).
     */
    static String reason(List<Listing.Insn> code, int i) {
        Instruction ins = code.get(i).instruction();
        String op = mnemonic(ins.opcode());
        String detail = detail(code, i, ins, op);
        if (Insn.find(ins.opcode()).isPresent()) {
            return detail;
        }
        return detail != null ? detail : op + ": " + refusal(ins.opcode());
    }

    /**
     * Why {@code opcode} is outside the subset whatever its operand, or null when it is in the
     * instruction table (the verifier allows exactly the table's opcodes).
     */
    static String refusal(Opcode opcode) {
        if (Insn.find(opcode).isPresent()) {
            return null;
        }
        return Refused.reason(opcode).orElseThrow(() -> new IllegalStateException(
                "opcode " + mnemonic(opcode) + " is neither in the instruction table nor refused"));
    }

    private static String detail(List<Listing.Insn> code, int i, Instruction ins, String op) {
        return switch (ins) {
            case LoadInstruction x -> doubleUse(x.typeKind(), op);
            case StoreInstruction x -> doubleUse(x.typeKind(), op);
            case ReturnInstruction x -> doubleUse(x.typeKind(), op);
            case OperatorInstruction x -> doubleUse(x.typeKind(), op);
            case ConvertInstruction x -> doubleUse(x.fromType() == TypeKind.DOUBLE ? x.fromType() : x.toType(), op);
            case NewPrimitiveArrayInstruction x -> doubleUse(x.typeKind(), op);
            case ArrayLoadInstruction x -> arrayElement(x.typeKind(), op);
            case ArrayStoreInstruction x -> arrayElement(x.typeKind(), op);
            case ConstantInstruction x -> constant(code, i, x, op);
            case NewObjectInstruction x -> "object instance (new " + x.className().asInternalName() + "): " + OBJECT_HINT;
            case NewReferenceArrayInstruction x -> "object array (anewarray " + x.componentType().asInternalName()
                    + "): use one-dimensional primitive arrays";
            case NewMultiArrayInstruction x -> "multi-dimensional array (multianewarray "
                    + x.arrayType().asInternalName() + "): use a one-dimensional primitive array and index arithmetic";
            case FieldInstruction x -> Hints.field(x, op);
            case InvokeInstruction x -> x.opcode() == Opcode.INVOKESTATIC ? null : Hints.instanceCall(x, op);
            case InvokeDynamicInstruction x -> Hints.invokedynamic(x);
            case TypeCheckInstruction x -> "type check (" + op + " " + x.type().asInternalName()
                    + "): firmware has no objects";
            case MonitorInstruction x -> "monitor (" + op + "): there are no threads or locks; remove synchronized";
            case ThrowInstruction x -> "throw (athrow): exceptions need objects; " + PANIC_HINT;
            case DiscontinuedInstruction x -> "subroutine (" + op + "): recompile with a current javac";
            default -> null;
        };
    }

    /** The JVMS mnemonic of an opcode, e.g. {@code ldc2_w}. */
    static String mnemonic(Opcode op) {
        return op.name().toLowerCase(java.util.Locale.ROOT);
    }

    private static String doubleUse(TypeKind kind, String op) {
        return kind == TypeKind.DOUBLE ? "double (" + op + "): " + DOUBLE_HINT : null;
    }

    private static String arrayElement(TypeKind kind, String op) {
        if (kind == TypeKind.REFERENCE) {
            return "object array element (" + op + "): use one-dimensional primitive arrays";
        }
        return doubleUse(kind, op);
    }

    private static String constant(List<Listing.Insn> code, int i, ConstantInstruction x, String op) {
        if (x.typeKind() == TypeKind.DOUBLE) {
            return "double (" + op + " " + x.constantValue() + "): " + DOUBLE_HINT;
        }
        if (!(x instanceof ConstantInstruction.LoadConstantInstruction ldc)) {
            return null;
        }
        LoadableConstantEntry entry = ldc.constantEntry();
        return switch (entry) {
            case StringEntry s -> passedToSerial(code, i) ? null
                    : "string (" + op + " \"" + s.stringValue() + "\"): strings are objects; only a constant passed"
                            + " straight to Serial.print or Serial.println is allowed";
            case ClassEntry c -> "class constant (" + op + " " + c.asInternalName() + "): reflection needs objects";
            case MethodTypeEntry t -> "method type constant (" + op + " " + t.descriptor().stringValue()
                    + "): method handles need objects";
            case MethodHandleEntry h -> "method handle constant (" + op + " " + h.reference().owner().asInternalName()
                    + "." + h.reference().name().stringValue() + "): method handles need objects";
            case ConstantDynamicEntry d -> "dynamic constant (" + op + " " + d.name().stringValue()
                    + "): dynamic constants need objects";
            default -> null;
        };
    }

    private static boolean passedToSerial(List<Listing.Insn> code, int i) {
        if (i + 1 >= code.size() || !(code.get(i + 1).instruction() instanceof InvokeInstruction call)
                || call.opcode() != Opcode.INVOKESTATIC) {
            return false;
        }
        return NativeCatalog.find(call.owner().asInternalName(), call.name().stringValue(), call.type().stringValue())
                .filter(NativeCatalog::takesString).isPresent();
    }
}
