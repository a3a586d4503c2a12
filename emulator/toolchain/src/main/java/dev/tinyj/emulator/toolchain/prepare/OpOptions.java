package dev.tinyj.emulator.toolchain.prepare;

import java.util.Map;
import java.util.TreeMap;

/**
 * An operator's builtin options by TFLite schema field name ({@code fused_activation_function},
 * {@code stride_w}, {@code dilation_h_factor}, {@code padding}, {@code beta}, {@code axis},
 * {@code keep_dims}, ...), values as the schema's enum names or numbers in text. Missing fields
 * take the schema's defaults, which each prepare step passes explicitly.
 */
public final class OpOptions {
    private final Map<String, String> values;

    public OpOptions(Map<String, String> values) {
        this.values = new TreeMap<>(values);
    }

    /** No options. */
    public static OpOptions none() {
        return new OpOptions(Map.of());
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    /** Text value, or {@code fallback}. */
    public String string(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    /** Integer value, or {@code fallback}. */
    public int integer(String name, int fallback) throws PrepareException {
        String v = values.get(name);
        if (v == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new PrepareException("option " + name + ": expected an integer, got '" + v + "'");
        }
    }

    /** Float value, or {@code fallback}. */
    public float real(String name, float fallback) throws PrepareException {
        String v = values.get(name);
        if (v == null) {
            return fallback;
        }
        try {
            return Float.parseFloat(v.trim());
        } catch (NumberFormatException e) {
            throw new PrepareException("option " + name + ": expected a number, got '" + v + "'");
        }
    }

    /** Boolean value ({@code true}/{@code false}/{@code 1}/{@code 0}), or {@code fallback}. */
    public boolean bool(String name, boolean fallback) {
        String v = values.get(name);
        return v == null ? fallback : v.equals("1") || v.equalsIgnoreCase("true");
    }

    /** The fused activation code ({@code fused_activation_function}, default NONE). */
    public int activation() throws PrepareException {
        return ActivationRange.code(string("fused_activation_function", "NONE"));
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
