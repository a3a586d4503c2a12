package dev.tinyj.emulator.toolchain.tflite;

import dev.tinyj.emulator.toolchain.prepare.OpOptions;
import dev.tinyj.emulator.toolchain.tflite.OptionsSchema.Spec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes the builtin options table of each operator TinyJ supports into {@link OpOptions}: keys
 * are the schema's field names, values text (enum names such as {@code SAME} or {@code RELU6},
 * decimal numbers, {@code true}/{@code false}, int vectors as {@code 2,2,2}). Every field of the
 * options table is present, with the schema's default when the file leaves it out, or when the
 * operator has no options table at all ({@code builtin_options_type} NONE); vector fields are
 * left out when absent. OptionField ids and defaults are those of {@code schema.fbs}.
 */
final class OptionsDecoder {
    private OptionsDecoder() {
    }

    /** The {@code BuiltinOptions} member operator {@code opName} takes, or null when it takes none. */
    static String tableOf(String opName) {
        Spec s = OptionsSchema.of(opName);
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
        Spec spec = OptionsSchema.of(opName);
        if (spec == null) {
            return OpOptions.none();
        }
        if (type != 0 && type != spec.type()) {
            throw fb.error(typePos, "expected " + where + " to have builtin_options_type " + spec.table() + " ("
                    + spec.type() + ") or NONE (0), got " + BuiltinNames.options(type) + " (" + type + ")");
        }
        FbTable t = type == 0 ? null : table;
        Map<String, String> values = new LinkedHashMap<>();
        for (OptionField field : spec.fields()) {
            String v = t == null ? field.def() : read(t, field);
            if (v != null) {
                values.put(field.name(), v);
            }
        }
        return new OpOptions(values);
    }

    private static String read(FbTable t, OptionField field) throws TfliteException {
        return switch (field.kind()) {
            case PADDING -> name(t, field, OptionsSchema.PADDING, "Padding");
            case ACTIVATION -> name(t, field, OptionsSchema.ACTIVATION, "ActivationFunctionType");
            case WEIGHTS_FORMAT -> name(t, field, OptionsSchema.WEIGHTS_FORMAT, "FullyConnectedOptionsWeightsFormat");
            case MIRROR_PAD_MODE -> name(t, field, OptionsSchema.MIRROR_PAD_MODE, "MirrorPadMode");
            case TENSOR_TYPE -> name(t, field, OptionsSchema.TENSOR_TYPE, "TensorType");
            case INT -> Integer.toString(t.int32(field.id(), field.name(), Integer.parseInt(field.def())));
            case BOOL -> Boolean.toString(t.bool(field.id(), field.name(), Boolean.parseBoolean(field.def())));
            case FLOAT -> Float.toString(t.float32(field.id(), field.name(), Float.parseFloat(field.def())));
            case INT_VECTOR -> {
                FbVector v = t.vector(field.id(), field.name(), 4, "int32");
                yield v == null ? null : join(v.int32s());
            }
        };
    }

    private static String name(FbTable t, OptionField field, List<String> names, String enumName) throws TfliteException {
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
