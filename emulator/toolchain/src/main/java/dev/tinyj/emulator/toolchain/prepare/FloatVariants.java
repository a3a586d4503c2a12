package dev.tinyj.emulator.toolchain.prepare;

import dev.tinyj.emulator.toolchain.graph.DType;
import dev.tinyj.emulator.toolchain.ops.Bridge;
import dev.tinyj.emulator.toolchain.ops.InPlaceKind;
import dev.tinyj.emulator.toolchain.ops.OpSpec;
import java.util.Map;
import java.util.Set;

/**
 * The {@link OpSpec} of an operator's float32 type variant, derived from its default (int8)
 * kernel's: the same builtin, options schema, operand rules and MAC count; its own kernel (called
 * with the same operands), summary, no kernel panics, and no in-place reuse (the compiler's window
 * overlap is worked out for one-byte elements only), selected for float32 operand 0
 * ({@code withVariant("float32", DType.FLOAT32)}).
 */
final class FloatVariants {
    private FloatVariants() {
    }

    /** The float32 variant of {@code base} running {@code kernel.eval}. */
    static OpSpec of(OpSpec base, Class<?> kernel, String summary) {
        Bridge b = base.bridge();
        return new OpSpec(base.name(), base.builtinCode(), base.optionsTable(), base.options(), base.operands(),
                InPlaceKind.NONE, base.macs(), Map.of(), new Bridge(kernel, b.method(), b.args(), b.each()), summary,
                "", Set.of()).withVariant("float32", DType.FLOAT32);
    }
}
