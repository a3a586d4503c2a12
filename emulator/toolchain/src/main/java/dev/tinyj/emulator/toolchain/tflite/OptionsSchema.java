package dev.tinyj.emulator.toolchain.tflite;

import dev.tinyj.emulator.toolchain.graph.DType;
import dev.tinyj.emulator.toolchain.ops.OpSpec;
import dev.tinyj.emulator.toolchain.ops.OpTable;
import java.util.List;

/**
 * The builtin options tables of the operators TinyJ supports, as each operator's
 * {@link OpSpec} declares them ({@code schema.fbs} {@code BuiltinOptions} member and fields). Read
 * by {@link OptionsDecoder} and written by {@link OptionsEncoder}, so the two cannot disagree.
 */
final class OptionsSchema {
    private OptionsSchema() {
    }

    /** An options table: its {@code BuiltinOptions} member name and fields. */
    record Spec(String table, List<OptionField> fields) {
        int type() {
            return BuiltinNames.optionsType(table);
        }
    }

    static final List<String> PADDING = List.of("SAME", "VALID");
    static final List<String> ACTIVATION = List.of("NONE", "RELU", "RELU_N1_TO_1", "RELU6", "TANH", "SIGN_BIT");
    static final List<String> WEIGHTS_FORMAT = List.of("DEFAULT", "SHUFFLED4x16INT8");
    static final List<String> MIRROR_PAD_MODE = List.of("REFLECT", "SYMMETRIC");
    /** {@code TensorType} names by value (FLOAT32 0 .. INT4 17), as {@link DType} lists them. */
    static final List<String> TENSOR_TYPE = java.util.Arrays.stream(DType.values())
            .sorted(java.util.Comparator.comparingInt(DType::schemaCode)).map(DType::name).toList();

    /**
     * PACK's options ({@code schema.fbs} {@code PackOptions}): PACK has no kernel, but the compiler
     * evaluates it on constants ({@code prepare/ConstantEval}), so its options are read.
     */
    private static final Spec PACK = new Spec("PackOptions", List.of(
            OptionField.of(0, "values_count", OptionField.Kind.INT, "0"),
            OptionField.of(1, "axis", OptionField.Kind.INT, "0")));

    /**
     * The spec of operator {@code opName}, or null when it is neither in {@link OpTable} nor PACK
     * (folded at compile time), or has no options table.
     */
    static Spec of(String opName) {
        if (opName.equals("PACK")) {
            return PACK;
        }
        OpSpec spec = OpTable.byName(opName).map(OpTable.Entry::spec).orElse(null);
        return spec == null || spec.optionsTable() == null ? null : new Spec(spec.optionsTable(), spec.options());
    }
}
