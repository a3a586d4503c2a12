package dev.tinyj.emulator.toolchain.ops;

import dev.tinyj.emulator.toolchain.graph.DType;
import dev.tinyj.emulator.toolchain.tflite.OptionField;
import dev.tinyj.runtime.model.ModelImage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Everything the host knows about one operator, declared by its prepare step
 * ({@link dev.tinyj.emulator.toolchain.prepare.OpDeclaration#spec()}); {@link OpTable} gives it a
 * runtime op code. Read by the tflite reader (builtin code, options), the compiler (operand rules,
 * in-place kind), the image writer (operand rule word), the bridge and resolver generators
 * (bridge), the reports (MAC count), the panic message table (kernel panics) and the docs' operator
 * table. Build one with {@link #of} and the {@code with*} methods.
 *
 * @param name TFLite {@code BuiltinOperator} name ({@code schema.fbs}), e.g. {@code CONV_2D}
 * @param builtinCode its {@code BuiltinOperator} value
 * @param optionsTable the {@code BuiltinOptions} member it takes, or null for none
 * @param options that table's fields (ids and defaults of {@code schema.fbs})
 * @param operands operand counts and which are read, folded or optional
 * @param inPlace how its output may share bytes with an input
 * @param macs its MAC count
 * @param panics the kernel's {@code Mcu.panic} codes → message templates ({@code %d} = arg)
 * @param bridge how the device calls the kernel
 * @param summary one line for the docs' operator table: types and what is refused
 * @param variant the type variant's name ({@code float32}, {@code int16}), or empty for the
 *     operator's default kernel; several entries of {@link OpTable} may share a builtin operator,
 *     one per variant, as TFLM's kernels switch on the input type in {@code Eval}
 * @param inputTypes the operand-0 types this variant takes (the compiler picks the variant by
 *     them); empty for the default kernel, which takes what no other variant names and whose
 *     prepare checks the types itself
 */
public record OpSpec(String name, int builtinCode, String optionsTable, List<OptionField> options, Operands operands,
        InPlaceKind inPlace, MacCount macs, Map<Integer, String> panics, Bridge bridge, String summary, String variant,
        Set<DType> inputTypes) {

    public OpSpec {
        options = List.copyOf(options);
        panics = Map.copyOf(panics);
        inputTypes = Set.copyOf(inputTypes);
        if (variant.isEmpty() != inputTypes.isEmpty()) {
            throw new IllegalArgumentException(name + ": a variant names its input types, the default kernel none");
        }
    }

    /** An op with no options table, one read operand, no in-place reuse, no MACs, no panics. */
    public static OpSpec of(String name, int builtinCode, Bridge bridge, String summary) {
        return new OpSpec(name, builtinCode, null, List.of(), Operands.exactly(1), InPlaceKind.NONE, MacCount.NONE,
                Map.of(), bridge, summary, "", Set.of());
    }

    /** With builtin options table {@code table} holding {@code fields}. */
    public OpSpec withOptions(String table, OptionField... fields) {
        return new OpSpec(name, builtinCode, table, List.of(fields), operands, inPlace, macs, panics, bridge, summary,
                variant, inputTypes);
    }

    public OpSpec withOperands(Operands o) {
        return new OpSpec(name, builtinCode, optionsTable, options, o, inPlace, macs, panics, bridge, summary,
                variant, inputTypes);
    }

    public OpSpec withInPlace(InPlaceKind kind) {
        return new OpSpec(name, builtinCode, optionsTable, options, operands, kind, macs, panics, bridge, summary,
                variant, inputTypes);
    }

    public OpSpec withMacs(MacCount count) {
        return new OpSpec(name, builtinCode, optionsTable, options, operands, inPlace, count, panics, bridge, summary,
                variant, inputTypes);
    }

    /** With kernel panic {@code code} worded {@code template} (prefixed with the op name). */
    public OpSpec withPanic(int code, String template) {
        Map<Integer, String> p = new LinkedHashMap<>(panics);
        p.put(code, name + ": " + template);
        return new OpSpec(name, builtinCode, optionsTable, options, operands, inPlace, macs, p, bridge, summary,
                variant, inputTypes);
    }

    /**
     * The operand rule word the image writer puts in {@link ModelImage#O_RULE} of each of this
     * op's entries and the device validator checks: least and most operand count, whether the op
     * may run in place (aliased, FLAG_IN_PLACE), which operands the kernel reads; counts and
     * positions in the image's operand list ({@link Operands#imagePosition}: omitted operands left
     * out).
     */
    public int imageRule() {
        return operands.imageMin() | operands.imageMax() << 8
                | (inPlace == InPlaceKind.ALIAS ? ModelImage.RULE_IN_PLACE : 0) | operands.imageMask(operands.read()) << 16;
    }

    /**
     * As type variant {@code variant} of the operator, taking operand-0 types {@code types}
     * (e.g. {@code withVariant("float32", DType.FLOAT32)}).
     */
    public OpSpec withVariant(String v, DType... types) {
        return new OpSpec(name, builtinCode, optionsTable, options, operands, inPlace, macs, panics, bridge, summary, v,
                Set.of(types));
    }

    /** {@code CONV_2D}, or {@code CONV_2D_FLOAT32} for a variant: unique in {@link OpTable}. */
    public String key() {
        return variant.isEmpty() ? name : name + "_" + variant.toUpperCase(Locale.ROOT);
    }

    /**
     * The state-operand bits the image writer ORs into {@link ModelImage#O_FLAGS} of each of this
     * op's entries ({@link Operands#state()} at image positions, shifted to
     * {@link ModelImage#FLAG_STATE_SHIFT}); the device validator checks that each such operand is a
     * {@link ModelImage#VARIABLE} tensor.
     */
    public int imageStateFlags() {
        return operands.imageMask(operands.state()) << ModelImage.FLAG_STATE_SHIFT;
    }

    public OpSpec withBridge(Bridge b) {
        return new OpSpec(name, builtinCode, optionsTable, options, operands, inPlace, macs, panics, b, summary,
                variant, inputTypes);
    }
}
