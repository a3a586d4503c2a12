package dev.tinyj.emulator.toolchain.tflite;

/**
 * One field of a TFLite builtin options table ({@code schema.fbs}), as an operator declares it in
 * its {@link dev.tinyj.emulator.toolchain.ops.OpSpec}: vtable slot, schema field name, storage
 * kind and schema default. {@link OptionsDecoder} reads and {@link OptionsEncoder} writes exactly
 * these fields, so the two cannot disagree.
 *
 * @param id field id (vtable slot)
 * @param name schema field name
 * @param kind storage kind
 * @param def schema default as text (null for a vector)
 */
public record OptionField(int id, String name, Kind kind, String def) {
    /** How a field is stored: enums as int8 indices into their name lists, the rest as their scalar. */
    public enum Kind { PADDING, ACTIVATION, WEIGHTS_FORMAT, MIRROR_PAD_MODE, TENSOR_TYPE, INT, BOOL, FLOAT, INT_VECTOR }

    /** Shorthand for the constructor. */
    public static OptionField of(int id, String name, Kind kind, String def) {
        return new OptionField(id, name, kind, def);
    }

    /** {@code fused_activation_function} in slot {@code id}, default NONE. */
    public static OptionField activation(int id) {
        return new OptionField(id, "fused_activation_function", Kind.ACTIVATION, "NONE");
    }

    /** Stored width in bytes (vectors: their 4-byte offset). */
    int width() {
        return switch (kind) {
            case INT, FLOAT, INT_VECTOR -> 4;
            default -> 1;
        };
    }
}
