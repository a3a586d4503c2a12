package dev.tinyj.emulator.toolchain.tflite;

import dev.tinyj.emulator.toolchain.prepare.OpOptions;
import dev.tinyj.emulator.toolchain.tflite.OptionField.Kind;
import dev.tinyj.emulator.toolchain.tflite.OptionsSchema.Spec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Encodes {@link OpOptions} (schema field names, values as {@link OptionsDecoder} renders them) as
 * the builtin options table of an operator, the way the converter's generated {@code CreateXOptions}
 * functions do: fields equal to the schema default are left out; the others are pushed 4-byte
 * fields first, then 1-byte fields, each group in reverse field order. Field ids, enum values and
 * defaults are those of {@code schema.fbs}.
 */
final class OptionsEncoder {
    private OptionsEncoder() {
    }

    /**
     * Writes the options table of operator {@code opName} and returns {@code {union type, offset}},
     * or null when the operator is written without options: it has no options table, a field-less
     * one (PadOptions, QuantizeOptions, ...: the converter writes none), or it is a RESHAPE without
     * {@code new_shape} (the shape then comes from its second input).
     *
     * @throws IllegalArgumentException when a value is not of its field's kind
     */
    static int[] write(FlatBufferBuilder b, String opName, OpOptions options) {
        Spec spec = OptionsSchema.of(opName);
        if (spec == null || spec.fields().isEmpty() || opName.equals("RESHAPE") && !options.has("new_shape")) {
            return null;
        }
        int[] vectors = new int[spec.fields().size()];
        for (int i = 0; i < vectors.length; i++) {
            OptionField field = spec.fields().get(i);
            if (field.kind() == Kind.INT_VECTOR && options.has(field.name())) {
                vectors[i] = b.createIntVector(ints(opName, field, options.string(field.name(), "")));
            }
        }
        List<OptionField> order = new ArrayList<>(spec.fields());
        order.sort(Comparator.comparingInt(OptionField::width).reversed().thenComparing(Comparator.comparingInt(OptionField::id)
                .reversed()));
        b.startTable();
        for (OptionField field : order) {
            String v = options.string(field.name(), field.def());
            switch (field.kind()) {
                case PADDING -> b.addByte(field.id(), index(opName, field, v, OptionsSchema.PADDING), 0);
                case ACTIVATION -> b.addByte(field.id(), index(opName, field, v, OptionsSchema.ACTIVATION), 0);
                case WEIGHTS_FORMAT -> b.addByte(field.id(), index(opName, field, v, OptionsSchema.WEIGHTS_FORMAT), 0);
                case MIRROR_PAD_MODE -> b.addByte(field.id(), index(opName, field, v, OptionsSchema.MIRROR_PAD_MODE), 0);
                case TENSOR_TYPE -> b.addByte(field.id(), index(opName, field, v, OptionsSchema.TENSOR_TYPE), 0);
                case BOOL -> b.addBool(field.id(), bool(opName, field, v), Boolean.parseBoolean(field.def()));
                case INT -> b.addInt(field.id(), integer(opName, field, v), Integer.parseInt(field.def()));
                case FLOAT -> b.addFloat(field.id(), real(opName, field, v), Float.parseFloat(field.def()));
                case INT_VECTOR -> b.addOffset(field.id(), vectors[spec.fields().indexOf(field)]);
            }
        }
        return new int[] {BuiltinNames.optionsType(spec.table()), b.endTable()};
    }

    private static IllegalArgumentException bad(String op, OptionField field, String v, String expected) {
        return new IllegalArgumentException("option " + field.name() + " of " + op + ": expected " + expected
                + ", got '" + v + "'");
    }

    private static int index(String op, OptionField field, String v, List<String> names) {
        int i = names.indexOf(v.trim());
        if (i < 0) {
            throw bad(op, field, v, "one of " + names);
        }
        return i;
    }

    private static boolean bool(String op, OptionField field, String v) {
        return switch (v.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "1" -> true;
            case "false", "0" -> false;
            default -> throw bad(op, field, v, "true or false");
        };
    }

    private static int integer(String op, OptionField field, String v) {
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw bad(op, field, v, "an integer");
        }
    }

    private static float real(String op, OptionField field, String v) {
        try {
            return Float.parseFloat(v.trim());
        } catch (NumberFormatException e) {
            throw bad(op, field, v, "a number");
        }
    }

    private static int[] ints(String op, OptionField field, String v) {
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
