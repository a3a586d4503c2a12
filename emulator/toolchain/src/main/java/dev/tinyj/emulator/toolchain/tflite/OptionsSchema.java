package dev.tinyj.emulator.toolchain.tflite;

import java.util.List;
import java.util.Map;

/**
 * The builtin options tables of the operators TinyJ supports, as {@code schema.fbs} defines them:
 * for each operator its {@code BuiltinOptions} member and fields (id, schema field name, kind,
 * default). Read by {@link OptionsDecoder} and written by {@link OptionsEncoder}, so the two
 * cannot disagree.
 */
final class OptionsSchema {
    private OptionsSchema() {
    }

    /** How a field is stored: enums as int8 indices into their name lists, the rest as their scalar. */
    enum Kind { PADDING, ACTIVATION, WEIGHTS_FORMAT, INT, BOOL, FLOAT, INT_VECTOR }

    /**
     * One field.
     *
     * @param id field id (vtable slot)
     * @param name schema field name
     * @param kind storage kind
     * @param def schema default as text (null for a vector)
     */
    record Field(int id, String name, Kind kind, String def) {
        /** Stored width in bytes (vectors: their 4-byte offset). */
        int width() {
            return switch (kind) {
                case INT, FLOAT, INT_VECTOR -> 4;
                default -> 1;
            };
        }
    }

    /** An options table: its {@code BuiltinOptions} member name and fields. */
    record Spec(String table, List<Field> fields) {
        int type() {
            return BuiltinNames.optionsType(table);
        }
    }

    static final List<String> PADDING = List.of("SAME", "VALID");
    static final List<String> ACTIVATION = List.of("NONE", "RELU", "RELU_N1_TO_1", "RELU6", "TANH", "SIGN_BIT");
    static final List<String> WEIGHTS_FORMAT = List.of("DEFAULT", "SHUFFLED4x16INT8");

    private static Field f(int id, String name, Kind kind, String def) {
        return new Field(id, name, kind, def);
    }

    private static final Field ACT0 = f(0, "fused_activation_function", Kind.ACTIVATION, "NONE");

    private static final Spec POOL = new Spec("Pool2DOptions", List.of(f(0, "padding", Kind.PADDING, "SAME"),
            f(1, "stride_w", Kind.INT, "0"), f(2, "stride_h", Kind.INT, "0"), f(3, "filter_width", Kind.INT, "0"),
            f(4, "filter_height", Kind.INT, "0"), f(5, "fused_activation_function", Kind.ACTIVATION, "NONE")));

    /** Options table by operator name; operators without one (LOGISTIC, TANH) are absent. */
    static final Map<String, Spec> SPECS = Map.ofEntries(
            Map.entry("CONV_2D", new Spec("Conv2DOptions", List.of(f(0, "padding", Kind.PADDING, "SAME"),
                    f(1, "stride_w", Kind.INT, "0"), f(2, "stride_h", Kind.INT, "0"),
                    f(3, "fused_activation_function", Kind.ACTIVATION, "NONE"),
                    f(4, "dilation_w_factor", Kind.INT, "1"), f(5, "dilation_h_factor", Kind.INT, "1")))),
            Map.entry("DEPTHWISE_CONV_2D", new Spec("DepthwiseConv2DOptions", List.of(
                    f(0, "padding", Kind.PADDING, "SAME"), f(1, "stride_w", Kind.INT, "0"),
                    f(2, "stride_h", Kind.INT, "0"), f(3, "depth_multiplier", Kind.INT, "0"),
                    f(4, "fused_activation_function", Kind.ACTIVATION, "NONE"),
                    f(5, "dilation_w_factor", Kind.INT, "1"), f(6, "dilation_h_factor", Kind.INT, "1")))),
            Map.entry("FULLY_CONNECTED", new Spec("FullyConnectedOptions", List.of(ACT0,
                    f(1, "weights_format", Kind.WEIGHTS_FORMAT, "DEFAULT"), f(2, "keep_num_dims", Kind.BOOL, "false"),
                    f(3, "asymmetric_quantize_inputs", Kind.BOOL, "false")))),
            Map.entry("AVERAGE_POOL_2D", POOL),
            Map.entry("MAX_POOL_2D", POOL),
            Map.entry("SOFTMAX", new Spec("SoftmaxOptions", List.of(f(0, "beta", Kind.FLOAT, "0.0")))),
            Map.entry("ADD", new Spec("AddOptions", List.of(ACT0, f(1, "pot_scale_int16", Kind.BOOL, "true")))),
            Map.entry("MUL", new Spec("MulOptions", List.of(ACT0))),
            Map.entry("RESHAPE", new Spec("ReshapeOptions", List.of(f(0, "new_shape", Kind.INT_VECTOR, null)))),
            Map.entry("CONCATENATION", new Spec("ConcatenationOptions", List.of(f(0, "axis", Kind.INT, "0"),
                    f(1, "fused_activation_function", Kind.ACTIVATION, "NONE")))),
            Map.entry("MEAN", new Spec("ReducerOptions", List.of(f(0, "keep_dims", Kind.BOOL, "false")))),
            Map.entry("STRIDED_SLICE", new Spec("StridedSliceOptions", List.of(f(0, "begin_mask", Kind.INT, "0"),
                    f(1, "end_mask", Kind.INT, "0"), f(2, "ellipsis_mask", Kind.INT, "0"),
                    f(3, "new_axis_mask", Kind.INT, "0"), f(4, "shrink_axis_mask", Kind.INT, "0"),
                    f(5, "offset", Kind.BOOL, "false")))),
            Map.entry("PAD", new Spec("PadOptions", List.of())),
            Map.entry("PADV2", new Spec("PadV2Options", List.of())),
            Map.entry("QUANTIZE", new Spec("QuantizeOptions", List.of())),
            Map.entry("DEQUANTIZE", new Spec("DequantizeOptions", List.of())));

    /** The spec of operator {@code opName}, or null when it has no options table. */
    static Spec of(String opName) {
        return SPECS.get(opName);
    }
}
