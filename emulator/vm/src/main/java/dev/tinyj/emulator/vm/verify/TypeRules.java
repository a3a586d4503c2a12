package dev.tinyj.emulator.vm.verify;

import java.lang.classfile.ClassFile;
import java.lang.classfile.MethodModel;
import java.lang.constant.ClassDesc;
import java.lang.constant.MethodTypeDesc;
import java.util.ArrayList;
import java.util.List;

/**
 * The subset's rules on declared types (JVMS §4.3 descriptors) and method flags (JVMS §4.6):
 * a static field, parameter or return type must be a primitive other than {@code double} or a
 * one-dimensional array of one; a reachable method must not be {@code native} or
 * {@code synchronized}.
 */
final class TypeRules {
    private TypeRules() {
    }

    /** The reason a static field of type {@code desc} is outside the subset, or null. */
    static String fieldType(String display, String desc) {
        String what = problem(desc);
        return what == null ? null : what + " field " + display + " (" + desc + "): " + hint(desc);
    }

    /** Every reason method {@code m}'s flags or descriptor are outside the subset. */
    static List<String> method(MethodModel m) {
        List<String> out = new ArrayList<>();
        int flags = m.flags().flagsMask();
        if ((flags & ClassFile.ACC_NATIVE) != 0) {
            out.add("native method: only the HAL's methods are native");
        }
        if ((flags & ClassFile.ACC_SYNCHRONIZED) != 0) {
            out.add("synchronized method: there are no threads or locks; remove synchronized");
        }
        MethodTypeDesc type = m.methodTypeSymbol();
        List<ClassDesc> types = new ArrayList<>(type.parameterList());
        types.add(type.returnType());
        for (ClassDesc t : types) {
            String desc = t.descriptorString();
            String what = problem(desc);
            if (what != null) {
                String reason = what + " parameter or return (" + desc + "): " + hint(desc);
                if (!out.contains(reason)) {
                    out.add(reason);
                }
            }
        }
        return out;
    }

    /** Whether {@code desc} is a one-dimensional array of a subset primitive. */
    static boolean isPrimitiveArray(String desc) {
        return desc.length() == 2 && desc.charAt(0) == '[' && "ZBCSIJF".indexOf(desc.charAt(1)) >= 0;
    }

    /** {@code double}, {@code object}, ... naming what is wrong with {@code desc}, or null. */
    private static String problem(String desc) {
        if (desc.equals("D") || desc.equals("[D")) {
            return "double";
        }
        if (desc.length() == 1 || isPrimitiveArray(desc)) {
            return null;
        }
        if (desc.startsWith("[[")) {
            return "multi-dimensional array";
        }
        return desc.startsWith("[") ? "object array" : "object";
    }

    private static String hint(String desc) {
        if (desc.equals("D") || desc.equals("[D")) {
            return InstructionRules.DOUBLE_HINT;
        }
        return "use primitives and one-dimensional primitive arrays";
    }
}
