package dev.tinyj.conformance.verify;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Test support: damages one constant-pool entry of a class file in place (JVMS §4.4 layout). */
final class ClassBytes {
    private ClassBytes() {
    }

    /**
     * A copy of {@code bytes} in which the Class entry naming {@code name} points its name index at
     * itself (a Class entry, not a Utf8): a constant-pool reference that does not resolve.
     */
    static byte[] pointClassAtNonUtf8(byte[] bytes, String name) {
        byte[] out = bytes.clone();
        int count = u2(out, 8);
        int at = 10;
        int utf8 = -1;
        int[] offsets = new int[count];
        int[] tags = new int[count];
        for (int i = 1; i < count; i++) {
            int tag = out[at] & 0xFF;
            offsets[i] = at;
            tags[i] = tag;
            int size = switch (tag) {
                case 1 -> 3 + u2(out, at + 1);
                case 3, 4, 9, 10, 11, 12, 17, 18 -> 5;
                case 5, 6 -> 9;
                case 7, 8, 16, 19, 20 -> 3;
                case 15 -> 4;
                default -> throw new IllegalArgumentException("tag " + tag);
            };
            if (tag == 1 && Arrays.equals(Arrays.copyOfRange(out, at + 3, at + size),
                    name.getBytes(StandardCharsets.UTF_8))) {
                utf8 = i;
            }
            at += size;
            if (tag == 5 || tag == 6) {
                i++;
            }
        }
        for (int i = 1; i < count; i++) {
            if (tags[i] == 7 && u2(out, offsets[i] + 1) == utf8) {
                out[offsets[i] + 1] = (byte) (i >> 8);
                out[offsets[i] + 2] = (byte) i;
                return out;
            }
        }
        throw new IllegalArgumentException("no Class entry named " + name);
    }

    private static int u2(byte[] b, int at) {
        return ((b[at] & 0xFF) << 8) | (b[at + 1] & 0xFF);
    }
}
