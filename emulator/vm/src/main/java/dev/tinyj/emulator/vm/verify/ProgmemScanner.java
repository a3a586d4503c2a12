package dev.tinyj.emulator.vm.verify;

import java.lang.classfile.Attributes;
import java.lang.classfile.ClassFile;
import java.lang.classfile.FieldModel;
import java.lang.classfile.Instruction;
import java.lang.classfile.Opcode;
import java.lang.classfile.TypeKind;
import java.lang.classfile.instruction.ArrayStoreInstruction;
import java.lang.classfile.instruction.ConstantInstruction;
import java.lang.classfile.instruction.FieldInstruction;
import java.lang.classfile.instruction.NewPrimitiveArrayInstruction;
import java.lang.constant.ConstantDesc;
import java.util.List;
import java.util.Optional;

/**
 * Recognises {@code @Progmem} fields and their constant initialisers.
 *
 * <p>A field is a table when its RuntimeInvisibleAnnotations (JVMS §4.7.17) hold
 * {@code Ldev/tinyj/hal/Progmem;}. Its initialiser must be javac's constant-array pattern in the
 * class's {@code <clinit>}, ending at a {@code putstatic} of the field:
 * <ol>
 *   <li>an int constant: the length ({@code iconst_*}, {@code bipush}, {@code sipush},
 *       {@code ldc});
 *   <li>{@code newarray T} with T the field's element type (JVMS §6.5.newarray);
 *   <li>zero or more element stores: {@code dup}, an int constant index in range, a constant of
 *       the element type ({@code iconst/bipush/sipush/ldc} for int-like, {@code lconst/ldc2_w}
 *       for long, {@code fconst/ldc} for float), the matching {@code Tastore};
 *   <li>{@code putstatic} of the field.
 * </ol>
 */
final class ProgmemScanner {
    static final String PROGMEM = "Ldev/tinyj/hal/Progmem;";
    static final String SHAPE = "@Progmem field must be static final primitive array";
    static final String CONSTANTS = "@Progmem table must be initialised from constants only";

    private ProgmemScanner() {
    }

    /** Whether {@code f} is annotated {@code @Progmem}. */
    static boolean isProgmem(FieldModel f) {
        return f.findAttribute(Attributes.runtimeInvisibleAnnotations()).stream()
                .flatMap(a -> a.annotations().stream())
                .anyMatch(a -> a.className().equalsString(PROGMEM));
    }

    /** The reason {@code f}'s declaration cannot be a table, or null. */
    static String shapeProblem(FieldModel f) {
        int flags = f.flags().flagsMask();
        boolean staticFinal = (flags & ClassFile.ACC_STATIC) != 0 && (flags & ClassFile.ACC_FINAL) != 0;
        return staticFinal && TypeRules.isPrimitiveArray(f.fieldType().stringValue()) ? null
                : SHAPE + " (" + f.fieldName().stringValue() + " is " + f.fieldType().stringValue() + ")";
    }

    /**
     * The table whose initialiser ends at {@code code.get(put)}, a {@code putstatic} of
     * {@code owner.field} of type {@code desc}; empty when the code before it is not the pattern.
     */
    static Optional<ProgmemTable> match(List<Listing.Insn> code, int put, String owner, String field, String desc) {
        char elem = desc.charAt(1);
        TypeKind kind = TypeKind.fromDescriptor(desc.substring(1));
        for (int start = put - 2; start >= 0; start--) {
            if (code.get(start + 1).instruction() instanceof NewPrimitiveArrayInstruction) {
                int from = code.get(start).offset();
                return matchFrom(code, start, put, kind).map(values -> new ProgmemTable(owner, field, elem, values,
                        from, code.get(put).end()));
            }
        }
        return Optional.empty();
    }

    /**
     * The element count of the {@code newarray} nearest before {@code code.get(put)} when a
     * constant pushes it, else -1: read before {@link #match} allocates the values, so a table
     * beyond {@link Limits#MAX_PROGMEM_BYTES} is refused without allocating it.
     */
    static long declaredLength(List<Listing.Insn> code, int put) {
        for (int start = put - 2; start >= 0; start--) {
            if (code.get(start + 1).instruction() instanceof NewPrimitiveArrayInstruction) {
                return constant(code.get(start).instruction()) instanceof Integer n && n >= 0 ? n : -1;
            }
        }
        return -1;
    }

    /** Bytes of one element of a table of descriptor {@code desc} ({@code [B} → 1), 0 if not an array. */
    static int elementBytes(String desc) {
        return desc.length() != 2 ? 0 : switch (desc.charAt(1)) {
            case 'Z', 'B' -> 1;
            case 'C', 'S' -> 2;
            case 'I', 'F' -> 4;
            case 'J', 'D' -> 8;
            default -> 0;
        };
    }

    private static Optional<long[]> matchFrom(List<Listing.Insn> code, int start, int put, TypeKind kind) {
        Object length = constant(code.get(start).instruction());
        if (!(length instanceof Integer n) || n < 0 || n > Limits.MAX_PROGMEM_BYTES
                || ((NewPrimitiveArrayInstruction) code.get(start + 1).instruction()).typeKind() != kind) {
            return Optional.empty();
        }
        long[] values = new long[n];
        int i = start + 2;
        while (i + 3 < put && code.get(i).instruction().opcode() == Opcode.DUP) {
            Object index = constant(code.get(i + 1).instruction());
            Object value = constant(code.get(i + 2).instruction());
            if (!(index instanceof Integer k) || k < 0 || k >= n || !storesInto(code.get(i + 3).instruction(), kind)) {
                return Optional.empty();
            }
            Optional<Long> raw = raw(value, kind);
            if (raw.isEmpty()) {
                return Optional.empty();
            }
            values[k] = raw.get();
            i += 4;
        }
        return i == put ? Optional.of(values) : Optional.empty();
    }

    /** Whether {@code ins} is a putstatic of {@code owner.field}. */
    static boolean isPutstaticOf(Instruction ins, String owner, String field) {
        return ins instanceof FieldInstruction f && f.opcode() == Opcode.PUTSTATIC
                && f.owner().asInternalName().equals(owner) && f.name().equalsString(field);
    }

    private static boolean storesInto(Instruction ins, TypeKind kind) {
        TypeKind expected = kind == TypeKind.BOOLEAN ? TypeKind.BYTE : kind;
        return ins instanceof ArrayStoreInstruction s && s.typeKind() == expected;
    }

    private static Object constant(Instruction ins) {
        if (ins instanceof ConstantInstruction c && c.opcode() != Opcode.ACONST_NULL) {
            ConstantDesc v = c.constantValue();
            return v instanceof Integer || v instanceof Long || v instanceof Float ? v : null;
        }
        return null;
    }

    private static Optional<Long> raw(Object value, TypeKind kind) {
        return switch (kind) {
            case LONG -> value instanceof Long l ? Optional.of(l) : Optional.empty();
            case FLOAT -> value instanceof Float f ? Optional.of((long) Float.floatToRawIntBits(f)) : Optional.empty();
            default -> value instanceof Integer i ? Optional.of((long) i) : Optional.empty();
        };
    }
}
