package dev.tinyj.emulator.vm.load;

/**
 * Well-formed names and descriptors of a class file (JVMS §4.2, §4.3), with TinyJ's extra rule
 * that a class name is a safe relative path: a class name never leads a lookup outside
 * {@code --classpath}.
 *
 * <ul>
 *   <li>an unqualified name (JVMS §4.2.2: field, method, package segment) is non-empty and has
 *       none of {@code . ; [ /}; TinyJ also refuses {@code \}, {@code :} and the control
 *       characters U+0000–U+001F and U+007F (path and message tricks);
 *   <li>a class name (JVMS §4.2.1, internal form) is one or more unqualified names joined by
 *       {@code /}: so no leading, trailing or doubled {@code /}, no {@code .} or {@code ..}
 *       segment, no absolute path;
 *   <li>a method name is an unqualified name without {@code <} or {@code >}, or exactly
 *       {@code <init>} or {@code <clinit>};
 *   <li>a field descriptor (JVMS §4.3.2) is a base type, {@code L<class name>;} or up to 255
 *       {@code [} then a field descriptor; a method descriptor (JVMS §4.3.3) is
 *       {@code (<field descriptors>)<field descriptor or V>} with at most 255 argument slots
 *       (JVMS §4.3.3, a {@code long} or {@code double} counts 2).
 * </ul>
 */
public final class Names {
    /** JVMS §4.3.2: an array type has at most 255 dimensions. */
    public static final int MAX_ARRAY_DIMENSIONS = 255;
    /** JVMS §4.3.3: a method takes at most 255 argument slots. */
    public static final int MAX_ARGUMENT_SLOTS = 255;

    private Names() {
    }

    /** Whether {@code s} is an unqualified name (JVMS §4.2.2, plus TinyJ's refused characters). */
    public static boolean isUnqualified(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '.' || c == ';' || c == '[' || c == '/' || c == '\\' || c == ':' || c < 0x20 || c == 0x7F) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code s} is a class name in internal form, e.g. {@code probe/Multi}. */
    public static boolean isClassName(String s) {
        if (s.isEmpty() || s.length() > 0xFFFF) {
            return false;
        }
        int start = 0;
        while (true) {
            int slash = s.indexOf('/', start);
            String segment = slash < 0 ? s.substring(start) : s.substring(start, slash);
            if (!isUnqualified(segment)) {
                return false;
            }
            if (slash < 0) {
                return true;
            }
            start = slash + 1;
        }
    }

    /** Whether {@code s} is a method name (JVMS §4.2.2). */
    public static boolean isMethodName(String s) {
        if (s.equals("<init>") || s.equals("<clinit>")) {
            return true;
        }
        return isUnqualified(s) && s.indexOf('<') < 0 && s.indexOf('>') < 0;
    }

    /** Whether {@code s} is exactly one field descriptor (JVMS §4.3.2). */
    public static boolean isFieldDescriptor(String s) {
        return fieldEnd(s, 0) == s.length();
    }

    /** Whether {@code s} is a method descriptor (JVMS §4.3.3) within 255 argument slots. */
    public static boolean isMethodDescriptor(String s) {
        if (s.isEmpty() || s.charAt(0) != '(') {
            return false;
        }
        int i = 1;
        int slots = 0;
        while (i < s.length() && s.charAt(i) != ')') {
            int end = fieldEnd(s, i);
            if (end < 0) {
                return false;
            }
            slots += s.charAt(i) == 'J' || s.charAt(i) == 'D' ? 2 : 1;
            i = end;
        }
        if (i >= s.length() || slots > MAX_ARGUMENT_SLOTS) {
            return false;
        }
        i++;
        return s.substring(i).equals("V") || fieldEnd(s, i) == s.length();
    }

    /** End of the field descriptor starting at {@code i}, or -1 when there is none. */
    private static int fieldEnd(String s, int i) {
        int dims = 0;
        while (i < s.length() && s.charAt(i) == '[') {
            dims++;
            i++;
        }
        if (i >= s.length() || dims > MAX_ARRAY_DIMENSIONS) {
            return -1;
        }
        char c = s.charAt(i);
        if ("BCDFIJSZ".indexOf(c) >= 0) {
            return i + 1;
        }
        if (c != 'L') {
            return -1;
        }
        int semi = s.indexOf(';', i);
        return semi > i + 1 && isClassName(s.substring(i + 1, semi)) ? semi + 1 : -1;
    }
}
