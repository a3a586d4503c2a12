package dev.tinyj.emulator.toolchain.tflite;

import dev.tinyj.emulator.toolchain.prepare.OpOptions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Encodes {@link OpOptions} (schema field names, values as {@link OptionsDecoder} renders them) as
 * the builtin options table of an operator, the way the converter's generated {@code CreateXOptions}
 * functions do: fields equal to the schema default are left out; the others are pushed 4-byte
 * fields first, then 1-byte fields, each group in reverse field order. Field ids, enum values and
 * defaults are those of {@code schema.fbs}.
 */
final class OptionsEncoder {
    /** How a field is stored. */
    private enum Kind { PADDING, ACTIVATION, WEIGHTS_FORMAT, INT, BOOL, FLOAT, INT_VECTOR }

    private record Field(int id, String name, Kind kind, String def) {
        int width() {
            return switch (kind) {
                case INT, FLOAT, INT_VECTOR -> 4;
                default -> 1;
            };
        }
    }

    private record Spec(String table, List<Field> fields) {
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

    /** Options tables by operator name. Operators absent here are written without options. */
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
                    f(5, "offset", Kind.BOOL, "false")))));

    private OptionsEncoder() {
    }

    /**
     * Writes the options table of operator {@code opName} and returns {@code {union type, offset}},
     * or null when the operator is written without options: it has no options table here, or it is
     * a RESHAPE without {@code new_shape} (the shape then comes from its second input).
     *
     * @throws IllegalArgumentException when a value is not of its field's kind
     */
    static int[] write(FlatBufferBuilder b, String opName, OpOptions options) {
        Spec spec = SPECS.get(opName);
        if (spec == null || opName.equals("RESHAPE") && !options.has("new_shape")) {
            return null;
        }
        int[] vectors = new int[spec.fields().size()];
        for (int i = 0; i < vectors.length; i++) {
            Field field = spec.fields().get(i);
            if (field.kind() == Kind.INT_VECTOR && options.has(field.name())) {
                vectors[i] = b.createIntVector(ints(opName, field, options.string(field.name(), "")));
            }
        }
        List<Field> order = new ArrayList<>(spec.fields());
        order.sort(Comparator.comparingInt(Field::width).reversed().thenComparing(Comparator.comparingInt(Field::id)
                .reversed()));
        b.startTable();
        for (Field field : order) {
            String v = options.string(field.name(), field.def());
            switch (field.kind()) {
                case PADDING -> b.addByte(field.id(), index(opName, field, v, PADDING), 0);
                case ACTIVATION -> b.addByte(field.id(), index(opName, field, v, ACTIVATION), 0);
                case WEIGHTS_FORMAT -> b.addByte(field.id(), index(opName, field, v, WEIGHTS_FORMAT), 0);
                case BOOL -> b.addBool(field.id(), bool(opName, field, v), Boolean.parseBoolean(field.def()));
                case INT -> b.addInt(field.id(), integer(opName, field, v), Integer.parseInt(field.def()));
                case FLOAT -> b.addFloat(field.id(), real(opName, field, v), Float.parseFloat(field.def()));
                case INT_VECTOR -> b.addOffset(field.id(), vectors[spec.fields().indexOf(field)]);
            }
        }
        return new int[] {BuiltinNames.optionsType(spec.table()), b.endTable()};
    }

    private static IllegalArgumentException bad(String op, Field field, String v, String expected) {
        return new IllegalArgumentException("option " + field.name() + " of " + op + ": expected " + expected
                + ", got '" + v + "'");
    }

    private static int index(String op, Field field, String v, List<String> names) {
        int i = names.indexOf(v.trim());
        if (i < 0) {
            throw bad(op, field, v, "one of " + names);
        }
        return i;
    }

    private static boolean bool(String op, Field field, String v) {
        return switch (v.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "1" -> true;
            case "false", "0" -> false;
            default -> throw bad(op, field, v, "true or false");
        };
    }

    private static int integer(String op, Field field, String v) {
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw bad(op, field, v, "an integer");
        }
    }

    private static float real(String op, Field field, String v) {
        try {
            return Float.parseFloat(v.trim());
        } catch (NumberFormatException e) {
            throw bad(op, field, v, "a number");
        }
    }

    private static int[] ints(String op, Field field, String v) {
        if (v.isBlank()) {
            return new int[0];
        }
        String[] parts = v.split(",");
        int[] out = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = integer(op, field, parts[i]);
        }
        return out;
    }
}
