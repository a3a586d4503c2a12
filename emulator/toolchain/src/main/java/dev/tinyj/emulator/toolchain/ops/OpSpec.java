package dev.tinyj.emulator.toolchain.ops;

import dev.tinyj.emulator.toolchain.tflite.OptionField;
import dev.tinyj.runtime.model.ModelImage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
 */
public record OpSpec(String name, int builtinCode, String optionsTable, List<OptionField> options, Operands operands,
        InPlaceKind inPlace, MacCount macs, Map<Integer, String> panics, Bridge bridge, String summary) {

    public OpSpec {
        options = List.copyOf(options);
        panics = Map.copyOf(panics);
    }

    /** An op with no options table, one read operand, no in-place reuse, no MACs, no panics. */
    public static OpSpec of(String name, int builtinCode, Bridge bridge, String summary) {
        return new OpSpec(name, builtinCode, null, List.of(), Operands.exactly(1), InPlaceKind.NONE, MacCount.NONE,
                Map.of(), bridge, summary);
    }

    /** With builtin options table {@code table} holding {@code fields}. */
    public OpSpec withOptions(String table, OptionField... fields) {
        return new OpSpec(name, builtinCode, table, List.of(fields), operands, inPlace, macs, panics, bridge, summary);
    }

    public OpSpec withOperands(Operands o) {
        return new OpSpec(name, builtinCode, optionsTable, options, o, inPlace, macs, panics, bridge, summary);
    }

    public OpSpec withInPlace(InPlaceKind kind) {
        return new OpSpec(name, builtinCode, optionsTable, options, operands, kind, macs, panics, bridge, summary);
    }

    public OpSpec withMacs(MacCount count) {
        return new OpSpec(name, builtinCode, optionsTable, options, operands, inPlace, count, panics, bridge, summary);
    }

    /** With kernel panic {@code code} worded {@code template} (prefixed with the op name). */
    public OpSpec withPanic(int code, String template) {
        Map<Integer, String> p = new LinkedHashMap<>(panics);
        p.put(code, name + ": " + template);
        return new OpSpec(name, builtinCode, optionsTable, options, operands, inPlace, macs, p, bridge, summary);
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
     * The state-operand bits the image writer ORs into {@link ModelImage#O_FLAGS} of each of this
     * op's entries ({@link Operands#state()} at image positions, shifted to
     * {@link ModelImage#FLAG_STATE_SHIFT}); the device validator checks that each such operand is a
     * {@link ModelImage#VARIABLE} tensor.
     */
    public int imageStateFlags() {
        return operands.imageMask(operands.state()) << ModelImage.FLAG_STATE_SHIFT;
    }

    public OpSpec withBridge(Bridge b) {
        return new OpSpec(name, builtinCode, optionsTable, options, operands, inPlace, macs, panics, b, summary);
    }
}
