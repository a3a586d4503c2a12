package dev.tinyj.emulator.run;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A NumPy {@code .npy} file (format versions 1.0, 2.0 and 3.0), read without NumPy: the magic
 * {@code \x93NUMPY}, the version, the header length (2 bytes little-endian in 1.0, 4 bytes in 2.0
 * and 3.0), then a Python dict literal with {@code 'descr'}, {@code 'fortran_order'} and
 * {@code 'shape'}, then the data in C order.
 *
 * @param descr the dtype string as written, e.g. {@code '|i1'} or {@code '<f4'}
 * @param shape the array's shape ({@code ()} for a scalar)
 * @param data the array's bytes (exactly elements × item size)
 */
public record Npy(String descr, long[] shape, byte[] data) {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};

    /** Whether {@code bytes} start with the .npy magic. */
    public static boolean isNpy(byte[] bytes) {
        return bytes.length >= MAGIC.length && Arrays.equals(Arrays.copyOf(bytes, MAGIC.length), MAGIC);
    }

    /** Elements in the array (1 for a scalar). */
    public long elements() {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        return n;
    }

    /** The dtype by its NumPy name: {@code int8}, {@code float32}, ..., or the descr itself when unknown. */
    public String dtypeName() {
        return switch (descr) {
            case "|i1", "<i1", "i1" -> "int8";
            case "|u1", "<u1", "u1" -> "uint8";
            case "<i2" -> "int16";
            case "<i4" -> "int32";
            case "<i8" -> "int64";
            case "<f2" -> "float16";
            case "<f4" -> "float32";
            case "<f8" -> "float64";
            default -> descr;
        };
    }

    /** Bytes per element of the dtype, or 0 when unknown. */
    public int itemSize() {
        String d = descr.replaceFirst("^[<>|=]", "");
        if (d.length() < 2 || !d.substring(1).matches("\\d+")) {
            return 0;
        }
        return Integer.parseInt(d.substring(1));
    }

    /** The shape as NumPy prints it: {@code (1, 1)}, {@code (3,)}, {@code ()}. */
    public String shapeText() {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            sb.append(i > 0 ? ", " : "").append(shape[i]);
        }
        return sb.append(shape.length == 1 ? ",)" : ")").toString();
    }

    /**
     * Parses a .npy file.
     *
     * @throws InputException when the file is not a well-formed C-order .npy file (what and where)
     */
    public static Npy parse(byte[] b, String what) throws InputException {
        if (!isNpy(b)) {
            throw new InputException(what + ": not a .npy file (no \\x93NUMPY magic)");
        }
        if (b.length < 10) {
            throw new InputException(what + ": .npy file truncated in its preamble (" + b.length + " bytes)");
        }
        int major = b[6] & 0xff;
        int headerLen;
        int at;
        if (major == 1) {
            headerLen = (b[8] & 0xff) | (b[9] & 0xff) << 8;
            at = 10;
        } else if (major == 2 || major == 3) {
            if (b.length < 12) {
                throw new InputException(what + ": .npy file truncated in its preamble (" + b.length + " bytes)");
            }
            long len = (b[8] & 0xffL) | (b[9] & 0xffL) << 8 | (b[10] & 0xffL) << 16 | (b[11] & 0xffL) << 24;
            if (len > Integer.MAX_VALUE) {
                throw new InputException(what + ": .npy header length " + len + " is too large");
            }
            headerLen = (int) len;
            at = 12;
        } else {
            throw new InputException(what + ": .npy format version " + major + "." + (b[7] & 0xff)
                    + " is not supported (1.0, 2.0 and 3.0 are)");
        }
        if ((long) at + headerLen > b.length) {
            throw new InputException(what + ": .npy header says " + headerLen + " bytes, the file ends at byte "
                    + b.length);
        }
        String header = new String(b, at, headerLen,
                major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1).strip();
        Map<String, Object> dict = new HeaderParser(header, what).dict();
        if (!(dict.get("descr") instanceof String descr)) {
            throw new InputException(what + ": .npy header has no string 'descr': " + header);
        }
        if (!(dict.get("fortran_order") instanceof Boolean fortran)) {
            throw new InputException(what + ": .npy header has no boolean 'fortran_order': " + header);
        }
        if (fortran) {
            throw new InputException(what + ": .npy array is in Fortran order; save it in C order "
                    + "(numpy.ascontiguousarray)");
        }
        if (!(dict.get("shape") instanceof long[] shape)) {
            throw new InputException(what + ": .npy header has no tuple 'shape': " + header);
        }
        int dataAt = at + headerLen;
        Npy partial = new Npy(descr, shape, new byte[0]);
        int item = partial.itemSize();
        if (item == 0) {
            throw new InputException(what + ": .npy dtype '" + descr + "' is not supported");
        }
        long want = partial.elements() * item;
        long have = b.length - dataAt;
        if (want != have) {
            throw new InputException(what + ": .npy array " + partial.dtypeName() + partial.shapeText() + " needs "
                    + want + " data bytes, the file has " + have);
        }
        return new Npy(descr, shape, Arrays.copyOfRange(b, dataAt, b.length));
    }

    /** Writes a version 1.0 .npy file (used by tests and tools): C order, header padded to 64 bytes. */
    public static byte[] write(String descr, long[] shape, byte[] data) {
        StringBuilder sh = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            sh.append(i > 0 ? ", " : "").append(shape[i]);
        }
        sh.append(shape.length == 1 ? ",)" : ")");
        StringBuilder h = new StringBuilder("{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + sh
                + ", }");
        while ((10 + h.length() + 1) % 64 != 0) {
            h.append(' ');
        }
        h.append('\n');
        byte[] hb = h.toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] out = new byte[10 + hb.length + data.length];
        System.arraycopy(MAGIC, 0, out, 0, MAGIC.length);
        out[6] = 1;
        out[7] = 0;
        out[8] = (byte) hb.length;
        out[9] = (byte) (hb.length >>> 8);
        System.arraycopy(hb, 0, out, 10, hb.length);
        System.arraycopy(data, 0, out, 10 + hb.length, data.length);
        return out;
    }

    /** The header's Python literal subset: a dict of strings, True/False and tuples of integers. */
    private static final class HeaderParser {
        private final String s;
        private final String what;
        private int i;

        HeaderParser(String s, String what) {
            this.s = s;
            this.what = what;
        }

        Map<String, Object> dict() throws InputException {
            Map<String, Object> m = new LinkedHashMap<>();
            expect('{');
            while (true) {
                skip();
                if (peek() == '}') {
                    i++;
                    return m;
                }
                String key = string();
                expect(':');
                m.put(key, value());
                skip();
                if (peek() == ',') {
                    i++;
                } else if (peek() != '}') {
                    throw bad("',' or '}'");
                }
            }
        }

        private Object value() throws InputException {
            skip();
            char c = peek();
            if (c == '\'' || c == '"') {
                return string();
            }
            if (c == '(') {
                i++;
                List<Long> dims = new ArrayList<>();
                while (true) {
                    skip();
                    if (peek() == ')') {
                        i++;
                        break;
                    }
                    int start = i;
                    while (i < s.length() && Character.isDigit(s.charAt(i))) {
                        i++;
                    }
                    if (start == i) {
                        throw bad("a dimension");
                    }
                    dims.add(Long.parseLong(s.substring(start, i)));
                    skip();
                    if (peek() == ',') {
                        i++;
                    } else if (peek() != ')') {
                        throw bad("',' or ')'");
                    }
                }
                return dims.stream().mapToLong(Long::longValue).toArray();
            }
            if (s.startsWith("True", i)) {
                i += 4;
                return Boolean.TRUE;
            }
            if (s.startsWith("False", i)) {
                i += 5;
                return Boolean.FALSE;
            }
            throw bad("a string, a tuple, True or False");
        }

        private String string() throws InputException {
            skip();
            char q = peek();
            if (q != '\'' && q != '"') {
                throw bad("a quoted string");
            }
            int end = s.indexOf(q, i + 1);
            if (end < 0) {
                throw bad("the closing quote");
            }
            String v = s.substring(i + 1, end);
            i = end + 1;
            return v;
        }

        private void expect(char c) throws InputException {
            skip();
            if (peek() != c) {
                throw bad("'" + c + "'");
            }
            i++;
        }

        private void skip() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }

        private char peek() {
            return i < s.length() ? s.charAt(i) : '\0';
        }

        private InputException bad(String expected) {
            return new InputException(what + ": malformed .npy header at character " + i + ": expected " + expected
                    + " in " + s);
        }
    }
}
