package dev.tinyj.emulator.vm.verify;

import java.util.Arrays;

/**
 * A {@code @Progmem} constant table: a {@code static final} one-dimensional primitive array
 * initialised in its class's {@code <clinit>} by javac's constant-array pattern (length push,
 * {@code newarray}, then {@code dup}/index/value/{@code Tastore} per element, then
 * {@code putstatic}). The VM evaluates it at load time and places its data bytes in flash; the
 * initialiser's bytecode range {@code [startOffset, endOffset)} is not charged as code.
 *
 * @param owner internal name of the declaring class
 * @param field field name
 * @param elementType element descriptor character: one of {@code Z B C S I J F}
 * @param values element values as raw bits: integral types sign-extended, {@code float} as
 *     {@link Float#floatToRawIntBits} widened to long; elements javac did not store are 0
 * @param startOffset offset in {@code <clinit>} of the length push
 * @param endOffset offset just past the {@code putstatic}
 */
public record ProgmemTable(String owner, String field, char elementType, long[] values, int startOffset,
        int endOffset) {
    public ProgmemTable {
        values = values.clone();
    }

    /** The element values (a copy). */
    @Override
    public long[] values() {
        return values.clone();
    }

    /** Number of elements. */
    public int length() {
        return values.length;
    }

    /** Bytecode bytes of the initialiser ({@code endOffset - startOffset}). */
    public int initializerBytes() {
        return endOffset - startOffset;
    }

    /** Bytes of one element in flash (JVMS §2.3 sizes; {@code boolean} as one byte). */
    public int elementBytes() {
        return switch (elementType) {
            case 'Z', 'B' -> 1;
            case 'C', 'S' -> 2;
            case 'I', 'F' -> 4;
            case 'J' -> 8;
            default -> throw new IllegalStateException("not a table element type: " + elementType);
        };
    }

    /** Data bytes the table occupies in flash: {@code length() * elementBytes()}. */
    public int dataBytes() {
        return values.length * elementBytes();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ProgmemTable t && owner.equals(t.owner) && field.equals(t.field)
                && elementType == t.elementType && Arrays.equals(values, t.values)
                && startOffset == t.startOffset && endOffset == t.endOffset;
    }

    @Override
    public int hashCode() {
        return ((owner.hashCode() * 31 + field.hashCode()) * 31 + Arrays.hashCode(values)) * 31 + startOffset;
    }

    @Override
    public String toString() {
        return "ProgmemTable[" + MethodRef.simpleName(owner) + "." + field + " " + elementType
                + Arrays.toString(values) + " @" + startOffset + ".." + endOffset + "]";
    }
}
