package dev.tinyj.emulator.toolchain.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.lang3.StringEscapeUtils;

/**
 * A small JSON value builder for reports: ordered objects, arrays, strings (escaped by Commons
 * Lang), numbers and booleans; {@link #write} renders with two-space indentation.
 */
public final class Json {
    private Json() {
    }

    /** An ordered JSON object. */
    public static Map<String, Object> object() {
        return new LinkedHashMap<>();
    }

    /** A JSON array. */
    public static List<Object> array() {
        return new ArrayList<>();
    }

    /** Renders {@code value} (Map, List, String, Number, Boolean, int[]/long[], or null). */
    public static String write(Object value) {
        StringBuilder sb = new StringBuilder();
        write(sb, value, "");
        return sb.append('\n').toString();
    }

    /** JSON string escaping by Commons Lang, without its optional escaping of {@code /}. */
    @SuppressWarnings("deprecation") // StringEscapeUtils moved to commons-text; the lang3 one is still exact JSON escaping
    private static String escape(String s) {
        return StringEscapeUtils.escapeJson(s).replace("\\/", "/");
    }

    private static void write(StringBuilder sb, Object v, String indent) {
        switch (v) {
            case null -> sb.append("null");
            case String s -> sb.append('"').append(escape(s)).append('"');
            case Double d -> sb.append(Double.isFinite(d) ? String.format(Locale.ROOT, "%s", d) : "null");
            case Float f -> sb.append(Float.isFinite(f) ? String.format(Locale.ROOT, "%s", f) : "null");
            case Number n -> sb.append(n);
            case Boolean b -> sb.append(b);
            case int[] a -> {
                List<Object> l = new ArrayList<>();
                for (int x : a) {
                    l.add(x);
                }
                write(sb, l, indent);
            }
            case long[] a -> {
                List<Object> l = new ArrayList<>();
                for (long x : a) {
                    l.add(x);
                }
                write(sb, l, indent);
            }
            case Map<?, ?> m -> {
                if (m.isEmpty()) {
                    sb.append("{}");
                    return;
                }
                sb.append("{\n");
                int k = 0;
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    sb.append(indent).append("  \"").append(escape(String.valueOf(e.getKey())))
                            .append("\": ");
                    write(sb, e.getValue(), indent + "  ");
                    sb.append(++k < m.size() ? ",\n" : "\n");
                }
                sb.append(indent).append('}');
            }
            case List<?> l -> {
                boolean flat = l.stream().allMatch(x -> x instanceof Number || x instanceof String);
                if (flat) {
                    sb.append('[');
                    for (int k = 0; k < l.size(); k++) {
                        write(sb, l.get(k), indent);
                        if (k + 1 < l.size()) {
                            sb.append(", ");
                        }
                    }
                    sb.append(']');
                    return;
                }
                sb.append("[\n");
                for (int k = 0; k < l.size(); k++) {
                    sb.append(indent).append("  ");
                    write(sb, l.get(k), indent + "  ");
                    sb.append(k + 1 < l.size() ? ",\n" : "\n");
                }
                sb.append(indent).append(']');
            }
            default -> sb.append('"').append(escape(v.toString())).append('"');
        }
    }
}
