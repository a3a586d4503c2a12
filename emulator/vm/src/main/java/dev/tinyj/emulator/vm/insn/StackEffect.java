package dev.tinyj.emulator.vm.insn;

import java.lang.classfile.TypeKind;
import java.lang.constant.ClassDesc;
import java.util.ArrayList;
import java.util.List;

/**
 * What one instruction pops and pushes, deepest value first, as JVMS §6.5 writes each
 * "Operand Stack" line ({@code ..., value1, value2 → ..., result}). Each value is a kind:
 *
 * <ul>
 *   <li>{@code I}, {@code J}, {@code F}: an int (also boolean, byte, char, short), a long (two
 *       slots), a float (JVMS §2.11.1, computational types);
 *   <li>{@code A}: a reference (an array, {@code null}, or a String constant passed to the HAL);
 *       {@code [B}, {@code [C}, {@code [S}, {@code [I}, {@code [J}, {@code [F}: a reference to an
 *       array of that element type ({@code [B} is a byte or boolean array, as for {@code baload});
 *   <li>{@code 1}..{@code 4}: one untyped slot, numbered as JVMS numbers the values of the stack
 *       instructions ({@code dup_x1}: {@code 21 → 121}); only {@link #isShuffle() shuffles} use them;
 *   <li>{@code K} (a pushed ldc constant: {@code I}, {@code F} or {@code A} by the constant) and
 *       {@code *} (the field's type, or the method's parameters and return): kinds that depend on
 *       the operand. {@link Insn#effect(java.lang.classfile.Instruction)} resolves them.
 * </ul>
 *
 * @param pops values popped, deepest first
 * @param pushes values pushed, deepest first
 */
public record StackEffect(List<String> pops, List<String> pushes) {
    public StackEffect {
        pops = List.copyOf(pops);
        pushes = List.copyOf(pushes);
    }

    /**
     * Parses {@code "pops>pushes"}, e.g. {@code "[BI>I"} for baload, {@code "21>121"} for dup_x1.
     *
     * @throws IllegalArgumentException for a kind outside the notation above
     */
    static StackEffect parse(String notation) {
        int arrow = notation.indexOf('>');
        if (arrow < 0) {
            throw new IllegalArgumentException("stack effect without '>': " + notation);
        }
        return new StackEffect(kinds(notation.substring(0, arrow)), kinds(notation.substring(arrow + 1)));
    }

    private static List<String> kinds(String s) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '[') {
                i++;
                if (i >= s.length() || "BCSIJF".indexOf(s.charAt(i)) < 0) {
                    throw new IllegalArgumentException("bad array kind in stack effect " + s);
                }
                out.add("[" + s.charAt(i));
            } else if ("IJFA1234K*".indexOf(c) >= 0) {
                out.add(String.valueOf(c));
            } else {
                throw new IllegalArgumentException("bad kind '" + c + "' in stack effect " + s);
            }
        }
        return out;
    }

    /** Slots one value of {@code kind} takes: 2 for a long, else 1. */
    public static int slots(String kind) {
        if (kind.equals("K") || kind.equals("*")) {
            throw new IllegalStateException("unresolved stack kind " + kind);
        }
        return kind.equals("J") ? 2 : 1;
    }

    /** Slots popped ({@link #slots} summed). */
    public int slotsPopped() {
        return pops.stream().mapToInt(StackEffect::slots).sum();
    }

    /** Slots pushed ({@link #slots} summed). */
    public int slotsPushed() {
        return pushes.stream().mapToInt(StackEffect::slots).sum();
    }

    /** Whether this is a stack shuffle over untyped slots ({@code pop}, {@code dup*}, {@code swap}). */
    public boolean isShuffle() {
        return !pops.isEmpty() && Character.isDigit(pops.getFirst().charAt(0));
    }

    /** Whether any kind still depends on the operand ({@code K} or {@code *}). */
    boolean unresolved() {
        return pops.contains("K") || pops.contains("*") || pushes.contains("K") || pushes.contains("*");
    }

    /** The kind of a value of declared type {@code type}: {@code I} for int-like, an array kind, ... */
    static String kindOf(ClassDesc type) {
        if (type.isArray() && type.componentType().isPrimitive()) {
            return kindOfArray(TypeKind.from(type.componentType()));
        }
        return kindOf(TypeKind.from(type));
    }

    static String kindOf(TypeKind tk) {
        return switch (tk) {
            case BOOLEAN, BYTE, CHAR, SHORT, INT -> "I";
            case LONG -> "J";
            case FLOAT -> "F";
            case REFERENCE -> "A";
            case DOUBLE, VOID -> throw new IllegalArgumentException("no stack kind for " + tk + " in the subset");
        };
    }

    private static String kindOfArray(TypeKind element) {
        return switch (element) {
            case BOOLEAN, BYTE -> "[B";
            case CHAR -> "[C";
            case SHORT -> "[S";
            case INT -> "[I";
            case LONG -> "[J";
            case FLOAT -> "[F";
            default -> "A";
        };
    }

    /** Bytes of one element of an array kind: {@code [B} 1, {@code [C}/{@code [S} 2, {@code [I}/{@code [F} 4, {@code [J} 8. */
    public static int elementBytes(String arrayKind) {
        return switch (arrayKind) {
            case "[B" -> 1;
            case "[C", "[S" -> 2;
            case "[I", "[F" -> 4;
            case "[J" -> 8;
            default -> throw new IllegalArgumentException("not an array kind: " + arrayKind);
        };
    }

    @Override
    public String toString() {
        return String.join("", pops) + ">" + String.join("", pushes);
    }
}
