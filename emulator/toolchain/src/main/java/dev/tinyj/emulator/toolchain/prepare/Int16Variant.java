package dev.tinyj.emulator.toolchain.prepare;

import dev.tinyj.emulator.toolchain.graph.DType;
import dev.tinyj.emulator.toolchain.ops.Bridge;
import dev.tinyj.emulator.toolchain.ops.OpSpec;
import java.util.Map;
import java.util.Set;

/**
 * The declaration of an operator's int16 type variant ({@link OpSpec#withVariant}): the default
 * (int8) kernel's {@link OpSpec} — name, builtin code, options schema, operand rules, in-place
 * kind, MAC count — with variant {@code int16} taking int16 operand 0, its own bridge, summary and
 * kernel panics. TFLM runs these types in the same registered kernel ({@code Eval} switches on
 * {@code input->type}); TinyJ gives each its own op code and kernel so the int8 kernels stay as
 * they were.
 *
 * <p>The in-place kind stays the operator's: {@code compile/InPlaceRules} overlaps a windowed
 * int16 layer's output with its input as it does an int8 one's (same element size on both sides),
 * while its element-wise rules stay int8-only (QUANTIZE's int16 variant never runs in place).
 */
final class Int16Variant {
    private Int16Variant() {
    }

    /** {@code int8}'s declaration as the int16 variant calling {@code bridge}, with {@code panics}. */
    static OpSpec of(OpSpec int8, Bridge bridge, String summary, Map<Integer, String> panics) {
        return new OpSpec(int8.name(), int8.builtinCode(), int8.optionsTable(), int8.options(), int8.operands(),
                int8.inPlace(), int8.macs(), panics, bridge, summary, "int16", Set.of(DType.INT16));
    }
}
