package dev.tinyj.emulator.toolchain.prepare;

import dev.tinyj.emulator.toolchain.graph.DType;
import dev.tinyj.emulator.toolchain.graph.Quantization;
import dev.tinyj.emulator.toolchain.graph.TensorInfo;

/**
 * Checks of an int16 activation operand shared by the int16 type variants of the pooling and
 * SOFTMAX prepare steps ({@link Int8Operand}'s counterpart): int16 type, per-tensor affine
 * quantization, a zero point in int16's range.
 */
final class Int16Operand {
    private Int16Operand() {
    }

    /** The per-tensor quantization of int16 tensor {@code t}; refuses another type or no quantization. */
    static Quantization require(OpContext ctx, TensorInfo t, String role) throws PrepareException {
        if (t.type() != DType.INT16) {
            throw PrepareException.unsupportedType(ctx.where(), t, role, "int16");
        }
        Quantization q = t.quantization();
        if (q == null || q.scale().length != 1) {
            throw new PrepareException(ctx.where() + ": " + t.describe() + " (" + role
                    + ") needs per-tensor affine quantization");
        }
        if (q.zeroPoint0() < -32768 || q.zeroPoint0() > 32767 || q.zeroPoint()[0] != q.zeroPoint0()) {
            throw new PrepareException(ctx.where() + ": " + t.describe() + " (" + role + ") zero point "
                    + q.zeroPoint()[0] + " is outside [-32768, 32767]");
        }
        return q;
    }
}
