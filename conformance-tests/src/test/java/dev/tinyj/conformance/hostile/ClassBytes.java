package dev.tinyj.conformance.hostile;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A raw view of a well-formed class file (JVMS §4.1): where each constant-pool entry, member and
 * attribute starts, so hostile cases can edit bytes that {@code java.lang.classfile} refuses to
 * write (a lying {@code max_stack}, code bytes that do not decode, a truncated attribute). Reading
 * a malformed file throws {@link IndexOutOfBoundsException}; edits return a new array.
 */
final class ClassBytes {
    /** One constant-pool entry: its index, tag and the byte range {@code [offset, end)} it fills. */
    record Entry(int index, int tag, int offset, int end) {
    }

    /** One attribute: its name, the offset of its header (name index) and of its info, and its length. */
    record Attribute(String name, int offset, int info, int length) {
    }

    /** One field or method: name, descriptor, the offset of its access flags, and its attributes. */
    record Member(String name, String descriptor, int offset, List<Attribute> attributes) {
        Attribute attribute(String attributeName) {
            return attributes.stream().filter(a -> a.name.equals(attributeName)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no " + attributeName + " in " + name));
        }
    }

    final byte[] bytes;
    final List<Entry> pool = new ArrayList<>();
    final List<Member> fields = new ArrayList<>();
    final List<Member> methods = new ArrayList<>();
    /** Offset of the access flags after the constant pool. */
    final int afterPool;

    ClassBytes(byte[] bytes) {
        this.bytes = bytes;
        int count = u2(8);
        int p = 10;
        for (int i = 1; i < count; i++) {
            int tag = bytes[p] & 0xFF;
            int size = switch (tag) {
                case 1 -> 3 + u2(p + 1);
                case 3, 4, 9, 10, 11, 12, 17, 18 -> 5;
                case 5, 6 -> 9;
                case 7, 8, 16, 19, 20 -> 3;
                case 15 -> 4;
                default -> throw new IndexOutOfBoundsException("constant tag " + tag + " at " + p);
            };
            pool.add(new Entry(i, tag, p, p + size));
            p += size;
            if (tag == 5 || tag == 6) {
                i++;
            }
        }
        afterPool = p;
        p += 6;
        p += 2 + 2 * u2(p);
        p = members(p, fields);
        members(p, methods);
    }

    private int members(int start, List<Member> into) {
        int p = start;
        int n = u2(p);
        p += 2;
        for (int m = 0; m < n; m++) {
            int at = p;
            String name = utf8(u2(p + 2));
            String desc = utf8(u2(p + 4));
            p += 6;
            List<Attribute> attrs = new ArrayList<>();
            p = attributes(p, attrs);
            into.add(new Member(name, desc, at, attrs));
        }
        return p;
    }

    /** Reads the attribute table at {@code start} into {@code into}; returns the offset after it. */
    int attributes(int start, List<Attribute> into) {
        int p = start;
        int n = u2(p);
        p += 2;
        for (int a = 0; a < n; a++) {
            int len = u4(p + 2);
            into.add(new Attribute(utf8(u2(p)), p, p + 6, len));
            p += 6 + len;
        }
        return p;
    }

    int u2(int at) {
        return (bytes[at] & 0xFF) << 8 | bytes[at + 1] & 0xFF;
    }

    int u4(int at) {
        return u2(at) << 16 | u2(at + 2);
    }

    String utf8(int index) {
        Entry e = entry(index);
        return new String(bytes, e.offset + 3, e.end - e.offset - 3, StandardCharsets.UTF_8);
    }

    Entry entry(int index) {
        return pool.stream().filter(e -> e.index == index).findFirst()
                .orElseThrow(() -> new IndexOutOfBoundsException("constant #" + index));
    }

    Member method(String name) {
        return methods.stream().filter(m -> m.name.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no method " + name));
    }

    /** The attributes inside method {@code name}'s Code attribute (e.g. StackMapTable). */
    List<Attribute> codeAttributes(String name) {
        Attribute code = method(name).attribute("Code");
        int codeLength = u4(code.info + 4);
        int p = code.info + 8 + codeLength;
        p += 2 + 8 * u2(p);
        List<Attribute> inner = new ArrayList<>();
        attributes(p, inner);
        return inner;
    }

    /** A copy with {@code u2} written at {@code at}. */
    static byte[] putU2(byte[] bytes, int at, int value) {
        byte[] copy = bytes.clone();
        copy[at] = (byte) (value >> 8);
        copy[at + 1] = (byte) value;
        return copy;
    }

    /** A copy with {@code [from, to)} replaced by {@code insert}. */
    static byte[] splice(byte[] bytes, int from, int to, byte[] insert) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(bytes, 0, from);
        out.writeBytes(insert);
        out.write(bytes, to, bytes.length - to);
        return out.toByteArray();
    }

    /**
     * A copy whose {@code method} has a Code attribute with exactly these values (JVMS §4.7.3)
     * and no inner attributes.
     *
     * @param exceptions groups of four: start_pc, end_pc, handler_pc, catch_type
     */
    byte[] withCode(Member method, int maxStack, int maxLocals, byte[] code, int... exceptions) {
        Attribute old = method.attribute("Code");
        ByteArrayOutputStream info = new ByteArrayOutputStream();
        u2(info, maxStack);
        u2(info, maxLocals);
        u2(info, code.length >>> 16);
        u2(info, code.length);
        info.writeBytes(code);
        u2(info, exceptions.length / 4);
        for (int e : exceptions) {
            u2(info, e);
        }
        u2(info, 0);
        byte[] body = info.toByteArray();
        ByteArrayOutputStream attr = new ByteArrayOutputStream();
        u2(attr, u2(old.offset));
        u2(attr, body.length >>> 16);
        u2(attr, body.length);
        attr.writeBytes(body);
        return splice(bytes, old.offset, old.info + old.length, attr.toByteArray());
    }

    /** A copy whose {@code method} keeps its code but declares {@code maxStack} and {@code maxLocals}. */
    byte[] withMaxs(Member method, int maxStack, int maxLocals) {
        Attribute code = method.attribute("Code");
        return putU2(putU2(bytes, code.info, maxStack), code.info + 2, maxLocals);
    }

    /** A copy whose Utf8 entry {@code index} holds {@code value} (any bytes the API would refuse). */
    byte[] withUtf8(int index, String value) {
        Entry e = entry(index);
        byte[] text = value.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(1);
        u2(out, text.length);
        out.writeBytes(text);
        return splice(bytes, e.offset, e.end, out.toByteArray());
    }

    /**
     * A copy whose method {@code name} has its Code attribute's inner attribute {@code inner}
     * (e.g. StackMapTable) given {@code info} as its body, or removed when {@code info} is null;
     * the Code attribute's length and attribute count follow.
     */
    byte[] withCodeAttribute(String name, String inner, byte[] info) {
        Attribute code = method(name).attribute("Code");
        Attribute old = codeAttributes(name).stream().filter(a -> a.name.equals(inner)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no " + inner + " in " + name));
        int countAt = code.info + 8 + u4(code.info + 4);
        countAt += 2 + 8 * u2(countAt);
        byte[] replacement;
        int countDelta;
        if (info == null) {
            replacement = new byte[0];
            countDelta = -1;
        } else {
            ByteArrayOutputStream attr = new ByteArrayOutputStream();
            u2(attr, u2(old.offset));
            u2(attr, info.length >>> 16);
            u2(attr, info.length);
            attr.writeBytes(info);
            replacement = attr.toByteArray();
            countDelta = 0;
        }
        int lengthDelta = replacement.length - (old.info + old.length - old.offset);
        byte[] b = putU2(bytes, countAt, u2(countAt) + countDelta);
        int newLength = code.length + lengthDelta;
        b = putU2(putU2(b, code.offset + 2, newLength >>> 16), code.offset + 4, newLength);
        return splice(b, old.offset, old.info + old.length, replacement);
    }

    private static void u2(ByteArrayOutputStream out, int v) {
        out.write(v >> 8);
        out.write(v);
    }
}
