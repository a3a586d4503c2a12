package dev.tinyj.emulator.toolchain.tflite;

import dev.tinyj.emulator.toolchain.prepare.OpOptions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes the builtin options table of each operator TinyJ supports into {@link OpOptions}: keys
 * are the schema's field names, values text (enum names such as {@code SAME} or {@code RELU6},
 * decimal numbers, {@code true}/{@code false}, int vectors as {@code 2,2,2}). Every field of the
 * options table is present, with the schema's default when the file leaves it out, or when the
 * operator has no options table at all ({@code builtin_options_type} NONE); vector fields are
 * left out when absent. Field ids and defaults are those of {@code schema.fbs}.
 */
final class OptionsDecoder {
    /** How a field is stored and rendered. */
    private enum Kind { PADDING, ACTIVATION, WEIGHTS_FORMAT, INT, BOOL, FLOAT, INT_VECTOR }

    private record Field(int id, String name, Kind kind, String def) {
    }

    /** An options table: its {@code BuiltinOptions} member name and fields. */
    private record Spec(String table, List<Field> fields) {
        int type() {
            return BuiltinNames.optionsType(table);
        }
    }

    private static final List<String> PADDING = List.of("SAME", "VALID");
    private static final List<String> ACTIVATION = List.of("NONE", "RELU", "RELU_N1_TO_1", "RELU6", "TANH", "SIGN_BIT");
    private static final List<String> WEIGHTS_FORMAT = List.of("DEFAULT", "SHUFFLED4x16INT8");

    private static Field f(int id, String name, Kind kind, String def) {
        return new Field(id, name, kind, def);
    }

    private static final Field ACT0 = f(0, "fused_activation_function", Kind.ACTIVATION, "NONE");

    private static final Spec POOL = new Spec("Pool2DOptions", List.of(f(0, "padding", Kind.PADDING, "SAME"),
            f(1, "stride_w", Kind.INT, "0"), f(2, "stride_h", Kind.INT, "0"), f(3, "filter_width", Kind.INT, "0"),
            f(4, "filter_height", Kind.INT, "0"), f(5, "fused_activation_function", Kind.ACTIVATION, "NONE")));

    /** Options table by operator name; operators without one (LOGISTIC, TANH) are absent. */
    private static final Map<String, Spec> SPECS = Map.ofEntries(
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

    private OptionsDecoder() {
    }

    /** The {@code BuiltinOptions} member operator {@code opName} takes, or null when it takes none. */
    static String tableOf(String opName) {
        Spec s = SPECS.get(opName);
        return s == null ? null : s.table();
    }

    /**
     * The options of operator {@code where} ({@code opName}) from its {@code builtin_options_type}
     * and {@code builtin_options} table (null when absent).
     *
     * @param fb the file (for messages)
     * @param typePos file offset of the {@code builtin_options_type} field (for messages)
     */
    static OpOptions decode(FlatBuffer fb, String where, String opName, int type, int typePos, FbTable table)
            throws TfliteException {
        Spec spec = SPECS.get(opName);
        if (spec == null) {
            return OpOptions.none();
        }
        if (type != 0 && type != spec.type()) {
            throw fb.error(typePos, "expected " + where + " to have builtin_options_type " + spec.table() + " ("
                    + spec.type() + ") or NONE (0), got " + BuiltinNames.options(type) + " (" + type + ")");
        }
        FbTable t = type == 0 ? null : table;
        Map<String, String> values = new LinkedHashMap<>();
        for (Field field : spec.fields()) {
            String v = t == null ? field.def() : read(t, field);
            if (v != null) {
                values.put(field.name(), v);
            }
        }
        return new OpOptions(values);
    }

    private static String read(FbTable t, Field field) throws TfliteException {
        return switch (field.kind()) {
            case PADDING -> name(t, field, PADDING, "Padding");
            case ACTIVATION -> name(t, field, ACTIVATION, "ActivationFunctionType");
            case WEIGHTS_FORMAT -> name(t, field, WEIGHTS_FORMAT, "FullyConnectedOptionsWeightsFormat");
            case INT -> Integer.toString(t.int32(field.id(), field.name(), Integer.parseInt(field.def())));
            case BOOL -> Boolean.toString(t.bool(field.id(), field.name(), Boolean.parseBoolean(field.def())));
            case FLOAT -> Float.toString(t.float32(field.id(), field.name(), Float.parseFloat(field.def())));
            case INT_VECTOR -> {
                FbVector v = t.vector(field.id(), field.name(), 4, "int32");
                yield v == null ? null : join(v.int32s());
            }
        };
    }

    private static String name(FbTable t, Field field, List<String> names, String enumName) throws TfliteException {
        int v = t.int8(field.id(), field.name(), names.indexOf(field.def()));
        if (v < 0 || v >= names.size()) {
            throw t.buffer().error(t.field(field.id(), 1, field.name()), "expected " + t.path() + "." + field.name()
                    + " to be one of " + enumName + " (0.." + (names.size() - 1) + "), got " + v);
        }
        return names.get(v);
    }

    private static String join(int[] v) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < v.length; i++) {
            sb.append(i == 0 ? "" : ",").append(v[i]);
        }
        return sb.toString();
    }
}
