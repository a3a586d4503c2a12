package dev.tinyj.emulator.vm.verify;

import java.lang.classfile.Opcode;
import java.lang.classfile.instruction.FieldInstruction;
import java.lang.classfile.instruction.InvokeDynamicInstruction;
import java.lang.classfile.instruction.InvokeInstruction;

/**
 * Reasons for the object-model instructions, with a hint naming the Java source construct javac
 * compiled them from where the bytecode shows it: string concatenation and lambdas
 * ({@code invokedynamic}, JVMS §6.5.invokedynamic), {@code assert} (the synthetic
 * {@code $assertionsDisabled} field and {@code Class.desiredAssertionStatus}), enum switches
 * (the synthetic {@code $SwitchMap$} arrays and {@code Enum.ordinal}), {@code System.out}.
 */
final class Hints {
    static final String ASSERT_HINT = "assert needs exceptions: check and call Mcu.panic";
    static final String ENUM_HINT = "enums are objects: use static final int constants";
    static final String PRINT_HINT = "print with Serial.print";

    private Hints() {
    }

    /**
     * The reason for a field instruction decided by its names alone: {@code getfield/putfield},
     * and the static fields javac synthesises for {@code assert} and enum switches; null for other
     * static fields (resolved by {@link MemberRules}).
     */
    static String field(FieldInstruction x, String op) {
        String target = x.owner().asInternalName() + "." + x.name().stringValue();
        if (x.opcode() == Opcode.GETFIELD || x.opcode() == Opcode.PUTFIELD) {
            return "instance field (" + op + " " + target + "): use static fields";
        }
        String name = x.name().stringValue();
        if (name.equals("$assertionsDisabled")) {
            return "assert flag (" + op + " " + target + "): " + ASSERT_HINT;
        }
        if (name.startsWith("$SwitchMap$")) {
            return "enum switch table (" + op + " " + target + "): " + ENUM_HINT;
        }
        return null;
    }

    /** The reason for {@code invokevirtual}, {@code invokespecial} or {@code invokeinterface}. */
    static String instanceCall(InvokeInstruction x, String op) {
        String owner = x.owner().asInternalName();
        String name = x.name().stringValue();
        String target = owner + "." + name + x.type().stringValue();
        String hint;
        if (name.equals("desiredAssertionStatus")) {
            hint = ASSERT_HINT;
        } else if (name.equals("ordinal")) {
            hint = ENUM_HINT;
        } else if (owner.equals("java/io/PrintStream")) {
            hint = PRINT_HINT;
        } else if (name.equals("<init>")) {
            return "constructor call (" + op + " " + target + "): " + InstructionRules.OBJECT_HINT;
        } else {
            hint = "firmware has no objects: use static methods";
        }
        return "instance method call (" + op + " " + target + "): " + hint;
    }

    /** The reason for an {@code invokedynamic}, by its bootstrap method's class. */
    static String invokedynamic(InvokeDynamicInstruction x) {
        String bootstrap = x.bootstrapMethod().owner().descriptorString();
        String owner = bootstrap.substring(1, bootstrap.length() - 1);
        return switch (owner) {
            case "java/lang/invoke/StringConcatFactory" ->
                    "string concatenation compiles to invokedynamic: print the parts with Serial.print";
            case "java/lang/invoke/LambdaMetafactory" ->
                    "lambda or method reference compiles to invokedynamic: lambdas and method references need objects";
            case "java/lang/runtime/SwitchBootstraps" ->
                    "pattern, string or enum switch compiles to invokedynamic: switch on int constants";
            case "java/lang/runtime/ObjectMethods" -> "record method compiles to invokedynamic: records are objects";
            default -> "invokedynamic (bootstrap " + owner + "." + x.bootstrapMethod().methodName()
                    + "): firmware has no objects";
        };
    }
}
