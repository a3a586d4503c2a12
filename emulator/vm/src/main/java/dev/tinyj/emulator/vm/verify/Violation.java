package dev.tinyj.emulator.vm.verify;

import java.util.Comparator;

/**
 * One construct outside the restricted subset, located as javac locates an error.
 *
 * <p>Where a violation sits:
 * <ul>
 *   <li>an instruction: its method and bytecode offset, and the line the LineNumberTable
 *       (JVMS §4.7.12) gives for that offset (0 when the method has none);
 *   <li>a whole method (its flags or descriptor): the method, the first line of its code
 *       (0 for a method without code) and no offset;
 *   <li>a field (its type, its {@code @Progmem} shape): the first reachable instruction that uses
 *       it, ordered by file, line and offset; when no reachable code uses it, line 0 and
 *       {@code where} = {@code field Multi.x} with no offset.
 * </ul>
 *
 * @param file package path and SourceFile attribute (JVMS §4.7.10), e.g. {@code probe/Multi.java};
 *     {@code probe/Multi.class} when the class has no SourceFile attribute
 * @param line source line, 0 when unknown
 * @param reason what is wrong, then a hint after a colon where one helps
 * @param where {@code Multi.loop()V} for code and methods, {@code field Multi.x} for fields
 * @param offset bytecode offset in the method's code, or {@link #NO_OFFSET}
 */
public record Violation(String file, int line, String reason, String where, int offset)
        implements Comparable<Violation> {
    /** Offset of a violation that is not at one instruction. */
    public static final int NO_OFFSET = -1;

    private static final Comparator<Violation> ORDER = Comparator.comparing(Violation::file)
            .thenComparingInt(Violation::line)
            .thenComparingInt(Violation::offset)
            .thenComparing(Violation::where)
            .thenComparing(Violation::reason);

    /**
     * javac's form: {@code probe/Multi.java:12: error: <reason> (Multi.loop()V, bytecode 17)},
     * or {@code (... )} without the bytecode part when there is no offset.
     */
    public String format() {
        String at = offset == NO_OFFSET ? where : where + ", bytecode " + offset;
        return file + ":" + line + ": error: " + reason + " (" + at + ")";
    }

    /** By file, line, offset, then place and reason. */
    @Override
    public int compareTo(Violation o) {
        return ORDER.compare(this, o);
    }

    @Override
    public String toString() {
        return format();
    }
}
