package dev.tinyj.emulator.vm.verify;

/**
 * The value types of {@link TypeInference}: what one slot of a local variable or of the operand
 * stack holds at an instruction, as JVMS §4.10.1.2 types the verifier's slots, narrowed to the
 * subset. A {@code long} takes two slots, {@link #LONG} then {@link #LONG2} (JVMS §2.6.1); a
 * {@code boolean}, {@code byte}, {@code char} or {@code short} is an {@link #INT} (JVMS §2.11.1).
 * A reference is {@link #NULL}, an array of one primitive element type, or a {@link #STRING}
 * constant (an index into the program's strings, only ever passed to a Serial print).
 *
 * <p>The lattice (JVMS §4.10.1.2, cut down): {@link #TOP} is above everything; {@link #NULL} is
 * below every array type; every other pair of distinct types merges to {@link #TOP}, which no
 * instruction may read.
 */
enum VType {
    /** Unusable: never written, the other half of a split long, or merged from conflicting types. */
    TOP("unusable"),
    INT("int"),
    FLOAT("float"),
    /** A long's first (lower-numbered) slot. */
    LONG("long"),
    /** A long's second slot. */
    LONG2("the second half of a long"),
    NULL("null"),
    STRING("String constant"),
    ARRAY_Z("boolean[]"),
    ARRAY_B("byte[]"),
    ARRAY_C("char[]"),
    ARRAY_S("short[]"),
    ARRAY_I("int[]"),
    ARRAY_J("long[]"),
    ARRAY_F("float[]");

    private final String display;

    VType(String display) {
        this.display = display;
    }

    /** For messages: {@code int}, {@code byte[]}, {@code null}, {@code unusable}, ... */
    String display() {
        return display;
    }

    /** Whether it is an array type (not {@link #NULL}). */
    boolean isArray() {
        return ordinal() >= ARRAY_Z.ordinal();
    }

    /** Whether it is a reference: {@link #NULL}, {@link #STRING} or an array. */
    boolean isReference() {
        return this == NULL || this == STRING || isArray();
    }

    /**
     * The least upper bound of {@code a} and {@code b}: equal types stay, {@link #NULL} and an
     * array give the array, anything else gives {@link #TOP}.
     */
    static VType merge(VType a, VType b) {
        if (a == b) {
            return a;
        }
        if (a == NULL && b.isArray()) {
            return b;
        }
        if (b == NULL && a.isArray()) {
            return a;
        }
        return TOP;
    }

    /**
     * Whether a value of type {@code actual} may be used where {@code expected} is declared (JVMS
     * §4.10.1.2 isAssignable): the same type, or {@link #NULL} for an array.
     */
    static boolean assignable(VType actual, VType expected) {
        return actual == expected || actual == NULL && expected.isArray();
    }

    /**
     * The type of a value of field or parameter descriptor {@code desc} (JVMS §4.3.2), or null when
     * the subset has no such value ({@code double}, objects other than a String, arrays of
     * references or of {@code double}).
     */
    static VType ofDescriptor(String desc) {
        return switch (desc) {
            case "Z", "B", "C", "S", "I" -> INT;
            case "J" -> LONG;
            case "F" -> FLOAT;
            case "[Z" -> ARRAY_Z;
            case "[B" -> ARRAY_B;
            case "[C" -> ARRAY_C;
            case "[S" -> ARRAY_S;
            case "[I" -> ARRAY_I;
            case "[J" -> ARRAY_J;
            case "[F" -> ARRAY_F;
            case "Ljava/lang/String;" -> STRING;
            default -> null;
        };
    }

    /**
     * The array type {@code newarray} creates for element type {@code element} (JVMS
     * §6.5.newarray), or null for {@code double}.
     */
    static VType ofElement(java.lang.classfile.TypeKind element) {
        return switch (element) {
            case BOOLEAN -> ARRAY_Z;
            case BYTE -> ARRAY_B;
            case CHAR -> ARRAY_C;
            case SHORT -> ARRAY_S;
            case INT -> ARRAY_I;
            case LONG -> ARRAY_J;
            case FLOAT -> ARRAY_F;
            default -> null;
        };
    }

    /**
     * Whether a value of type {@code actual} may be popped where the instruction table
     * ({@link dev.tinyj.emulator.vm.insn.StackEffect}) names {@code kind}: {@code I}, {@code F} a
     * value of that type; {@code A} any reference; {@code [B} a byte or boolean array or null (as
     * {@code baload} takes both, JVMS §6.5.baload); another array kind that array or null.
     * ({@code J} is checked slot by slot by the caller.)
     */
    static boolean fits(VType actual, String kind) {
        return switch (kind) {
            case "I" -> actual == INT;
            case "F" -> actual == FLOAT;
            case "A" -> actual.isReference();
            case "[B" -> actual == ARRAY_B || actual == ARRAY_Z || actual == NULL;
            case "[C" -> assignable(actual, ARRAY_C);
            case "[S" -> assignable(actual, ARRAY_S);
            case "[I" -> assignable(actual, ARRAY_I);
            case "[J" -> assignable(actual, ARRAY_J);
            case "[F" -> assignable(actual, ARRAY_F);
            default -> throw new IllegalArgumentException("not a value kind: " + kind);
        };
    }

    /** For messages: the type a table kind asks for ({@code int}, {@code byte[] or boolean[]}, {@code an array}, ...). */
    static String describe(String kind) {
        return switch (kind) {
            case "I" -> "int";
            case "F" -> "float";
            case "J" -> "long";
            case "A" -> "a reference";
            case "[B" -> "byte[] or boolean[]";
            default -> kind.substring(1).replace("C", "char").replace("S", "short").replace("I", "int")
                    .replace("J", "long").replace("F", "float") + "[]";
        };
    }
}
