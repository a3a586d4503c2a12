package dev.tinyj.conformance.run;

import static dev.tinyj.conformance.support.Cli.tinyj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.tinyj.conformance.support.Cli.Outcome;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code tinyj run --format json}: the report parses, has exactly the keys
 * {@code docs/report-schema.md} documents, and is deterministic.
 */
class RunReportTest {

    @Test
    void jsonReportParsesAndHasEveryDocumentedKey() throws Exception {
        Outcome o = tinyj("run", "--format", "json");
        assertEquals(0, o.code(), o.err());
        @SuppressWarnings("unchecked")
        Map<String, Object> root = (Map<String, Object>) new MiniJson(o.out()).parse();
        Set<String> documented = documentedKeys();
        Set<String> present = new TreeSet<>();
        keys(root, "", present);
        for (String k : documented) {
            if (!present.contains(k) && !k.startsWith("expect.")) {
                fail("documented key " + k + " is missing from\n" + o.out());
            }
        }
        for (String k : present) {
            assertTrue(documented.contains(k), "key " + k + " is not documented in docs/report-schema.md");
        }
        for (String k : new String[] {"board", "model", "outputs", "cycles", "latency_ms", "energy_uj", "macs",
                "sram.static", "sram.arena", "sram.stack_peak", "sram.total", "sram.capacity", "flash.code",
                "flash.model", "flash.total", "flash.capacity", "ops", "verdict.fits", "verdict.problems",
                "verdict.hypothetical", "seed", "calibrated", "tinyj_version"}) {
            assertTrue(present.contains(k), k);
        }
        assertEquals(1L, root.get("seed"));
        assertEquals(288L, root.get("macs"));
        assertEquals(true, root.get("calibrated"));
        assertEquals(Boolean.TRUE, ((Map<?, ?>) root.get("verdict")).get("fits"));
        assertNull(root.get("expect"));
        assertEquals("arduino-uno", ((Map<?, ?>) root.get("board")).get("id"));
        Map<?, ?> sram = (Map<?, ?>) root.get("sram");
        assertEquals(2048L, sram.get("capacity"));
        long parts = (Long) sram.get("vm_base") + (Long) sram.get("static") + (Long) sram.get("heap")
                + (Long) sram.get("stack_peak");
        assertEquals(parts, sram.get("total"), "SRAM total is the sum of its parts");
        Map<?, ?> flash = (Map<?, ?>) root.get("flash");
        assertEquals((Long) flash.get("code") + (Long) flash.get("constants") + (Long) flash.get("model"),
                flash.get("total"));
        List<?> ops = (List<?>) root.get("ops");
        assertEquals(3, ops.size());
        long cycles = 0;
        for (Object op : ops) {
            cycles += (Long) ((Map<?, ?>) op).get("cycles");
        }
        assertTrue(cycles <= (Long) root.get("cycles"), "per-op cycles within the latency window");
        Map<?, ?> out0 = (Map<?, ?>) ((List<?>) root.get("outputs")).get(0);
        assertEquals("int8", out0.get("dtype"));
        assertEquals(List.of(1L, 1L), out0.get("shape"));
        byte q = (byte) Integer.parseInt((String) out0.get("raw_hex"), 16);
        double scale = (Double) out0.get("scale");
        double value = (Double) ((List<?>) out0.get("values")).get(0);
        assertEquals((float) (scale * (q - (Long) out0.get("zero_point"))), (float) value, 1e-6);
        String text = tinyj("run").out();
        assertTrue(text.contains(String.format(java.util.Locale.ROOT, "%,d", (Long) root.get("cycles"))),
                "the text and JSON reports give the same cycles");
    }

    @Test
    void jsonReportWithAnInputFileHasNoSeedAndAnExpectSection() throws Exception {
        Path in = RunFilesTest.text(".csv", "0.3");
        Path model = Files.createTempFile("hw", ".tflite");
        try (var s = getClass().getResourceAsStream("/tflite/hello_world_int8.tflite")) {
            Files.write(model, s.readAllBytes());
        }
        Outcome first = tinyj("run", "--model", model.toString(), "--input", in.toString(), "--format", "json");
        byte[] got = RunFilesTest.rawOutput(first);
        Path expect = RunFilesTest.file(".bin", got);
        Outcome o = tinyj("run", "--model", model.toString(), "--input", in.toString(), "--format", "json",
                "--expect", expect.toString());
        assertEquals(0, o.code(), o.err());
        Map<?, ?> root = (Map<?, ?>) new MiniJson(o.out()).parse();
        assertTrue(root.containsKey("seed") && root.get("seed") == null, "seed is null with --input");
        assertEquals("file", ((Map<?, ?>) root.get("input")).get("source"));
        assertEquals(model.toString(), ((Map<?, ?>) root.get("model")).get("path"));
        Set<String> present = new TreeSet<>();
        keys(root, "", present);
        Set<String> documented = documentedKeys();
        for (String k : documented) {
            assertTrue(present.contains(k), "documented key " + k + " missing with --expect");
        }
        assertEquals(Boolean.TRUE, ((Map<?, ?>) root.get("expect")).get("match"));
    }

    @Test
    void reportsAreDeterministicAndOutWritesTheSameBytes() throws Exception {
        Outcome a = tinyj("run", "--format", "json");
        Outcome b = tinyj("run", "--format", "json");
        assertEquals(a.out(), b.out(), "same run, same JSON bytes");
        Path out = Files.createTempFile("report", ".json");
        Outcome c = tinyj("run", "--format", "json", "--out", out.toString());
        assertEquals(0, c.code(), c.err());
        assertEquals("", c.out(), "the report goes to --out, not to standard output");
        assertEquals(a.out(), Files.readString(out, StandardCharsets.UTF_8));
        Path txt = Files.createTempFile("report", ".txt");
        assertEquals(0, tinyj("run", "--out", txt.toString()).code());
        assertEquals(tinyj("run").out(), Files.readString(txt, StandardCharsets.UTF_8));
        assertTrue(tinyj("run", "--seed", "2", "--format", "json").out().contains("\"seed\": 2,"));
    }

    /** Keys of the table in docs/report-schema.md, e.g. {@code sram.static}, {@code outputs[].name}. */
    static Set<String> documentedKeys() throws Exception {
        Path doc = Path.of("..", "docs", "report-schema.md");
        if (!Files.exists(doc)) {
            doc = Path.of("docs", "report-schema.md");
        }
        Set<String> keys = new TreeSet<>();
        Matcher m = Pattern.compile("(?m)^\\| `([a-z_.\\[\\]]+)` \\|").matcher(Files.readString(doc));
        while (m.find()) {
            keys.add(m.group(1));
        }
        assertTrue(keys.size() > 40, "the schema table was read: " + keys);
        return keys;
    }

    /** Every key path in {@code v}: objects as {@code a.b}, arrays of objects as {@code a[].b}. */
    static void keys(Object v, String prefix, Set<String> into) {
        if (v instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                String k = prefix.isEmpty() ? (String) e.getKey() : prefix + "." + e.getKey();
                into.add(k);
                keys(e.getValue(), k, into);
            }
        } else if (v instanceof List<?> l) {
            for (Object x : l) {
                keys(x, prefix + "[]", into);
            }
        }
    }

    /** A minimal strict JSON parser: objects (ordered), arrays, strings, numbers (Long or Double), literals. */
    static final class MiniJson {
        private final String s;
        private int i;

        MiniJson(String s) {
            this.s = s;
        }

        Object parse() {
            Object v = value();
            ws();
            if (i != s.length()) {
                throw new IllegalArgumentException("trailing text at " + i);
            }
            return v;
        }

        private void ws() {
            while (i < s.length() && " \t\r\n".indexOf(s.charAt(i)) >= 0) {
                i++;
            }
        }

        private Object value() {
            ws();
            char c = s.charAt(i);
            switch (c) {
                case '{' -> {
                    i++;
                    Map<String, Object> m = new LinkedHashMap<>();
                    ws();
                    if (s.charAt(i) == '}') {
                        i++;
                        return m;
                    }
                    while (true) {
                        ws();
                        String k = string();
                        ws();
                        expect(':');
                        if (m.put(k, value()) != null) {
                            throw new IllegalArgumentException("duplicate key " + k);
                        }
                        ws();
                        if (s.charAt(i) == ',') {
                            i++;
                        } else {
                            expect('}');
                            return m;
                        }
                    }
                }
                case '[' -> {
                    i++;
                    List<Object> l = new ArrayList<>();
                    ws();
                    if (s.charAt(i) == ']') {
                        i++;
                        return l;
                    }
                    while (true) {
                        l.add(value());
                        ws();
                        if (s.charAt(i) == ',') {
                            i++;
                        } else {
                            expect(']');
                            return l;
                        }
                    }
                }
                case '"' -> {
                    return string();
                }
                default -> {
                    for (String lit : new String[] {"true", "false", "null"}) {
                        if (s.startsWith(lit, i)) {
                            i += lit.length();
                            return lit.equals("null") ? null : Boolean.valueOf(lit);
                        }
                    }
                    Matcher m = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?").matcher(s);
                    if (!m.find(i) || m.start() != i) {
                        throw new IllegalArgumentException("bad value at " + i + ": " + s.substring(i,
                                Math.min(s.length(), i + 20)));
                    }
                    i = m.end();
                    String n = m.group();
                    return m.group(2) == null && m.group(3) == null ? (Object) Long.parseLong(n)
                            : (Object) Double.parseDouble(n);
                }
            }
        }

        private String string() {
            expect('"');
            StringBuilder sb = new StringBuilder();
            while (true) {
                char c = s.charAt(i++);
                if (c == '"') {
                    return sb.toString();
                }
                if (c < 0x20) {
                    throw new IllegalArgumentException("control character in a string at " + i);
                }
                if (c == '\\') {
                    char e = s.charAt(i++);
                    switch (e) {
                        case 'n' -> sb.append('\n');
                        case 't' -> sb.append('\t');
                        case 'r' -> sb.append('\r');
                        case 'b' -> sb.append('\b');
                        case 'f' -> sb.append('\f');
                        case 'u' -> {
                            sb.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                            i += 4;
                        }
                        case '"', '\\', '/' -> sb.append(e);
                        default -> throw new IllegalArgumentException("bad escape \\" + e);
                    }
                } else {
                    sb.append(c);
                }
            }
        }

        private void expect(char c) {
            if (s.charAt(i) != c) {
                throw new IllegalArgumentException("expected '" + c + "' at " + i + ", got '" + s.charAt(i) + "'");
            }
            i++;
        }
    }
}
