package dev.tinyj.emulator.toolchain.prepare;

import static dev.tinyj.emulator.toolchain.prepare.ShapeOpChecks.fail;

import dev.tinyj.emulator.toolchain.graph.DType;
import dev.tinyj.emulator.toolchain.graph.TensorInfo;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Constant index operands that TFLM takes as int32 or int64 (SLICE's begin and size, MIRROR_PAD's
 * paddings): their values as ints, for prepare steps that fold them into the parameter block.
 */
final class IndexOperands {
    private IndexOperands() {
    }

    /**
     * The values of constant operand {@code t}, int32 or int64 little-endian; an int64 value
     * outside int32 is refused (no tensor of TinyJ's has such a dimension).
     */
    static int[] constInt32OrInt64(OpContext ctx, TensorInfo t, String role) throws PrepareException {
        if (t.type() == DType.INT32) {
            return ShapeOpChecks.constInt32(ctx, t, role);
        }
        if (t.type() != DType.INT64) {
            throw fail(ctx, role + " " + t.describe() + " must be int32 or int64");
        }
        if (!t.isConstant()) {
            throw fail(ctx, "non-constant " + role + " " + t.describe() + " is not supported");
        }
        ByteBuffer b = ByteBuffer.wrap(t.data()).order(ByteOrder.LITTLE_ENDIAN);
        int[] v = new int[t.data().length / 8];
        for (int k = 0; k < v.length; k++) {
            long x = b.getLong();
            if (x != (int) x) {
                throw fail(ctx, role + " " + t.describe() + " value " + x + " is outside int32");
            }
            v[k] = (int) x;
        }
        return v;
    }
}
