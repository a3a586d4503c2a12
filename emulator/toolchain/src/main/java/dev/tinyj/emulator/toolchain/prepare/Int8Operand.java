package dev.tinyj.emulator.toolchain.prepare;

import dev.tinyj.emulator.toolchain.graph.DType;
import dev.tinyj.emulator.toolchain.graph.Quantization;
import dev.tinyj.emulator.toolchain.graph.TensorInfo;

/**
 * Checks of an int8 activation operand shared by the pooling, element-wise and (de)quantize
 * prepare steps: int8 type, per-tensor affine quantization, a zero point in [−128, 127] (the
 * TFLite quantization spec's int8 range; TFLM's reference kernels DCHECK it).
 */
final class Int8Operand {
    private Int8Operand() {
    }

    /** The per-tensor quantization of int8 tensor {@code t}; refuses another type or no quantization. */
    static Quantization require(OpContext ctx, TensorInfo t, String role) throws PrepareException {
        if (t.type() != DType.INT8) {
            throw PrepareException.unsupportedType(ctx.where(), t, role, "int8");
        }
        Quantization q = t.quantization();
        if (q == null || q.scale().length != 1) {
            throw new PrepareException(ctx.where() + ": " + t.describe() + " (" + role
                    + ") needs per-tensor affine quantization");
        }
        if (q.zeroPoint0() < -128 || q.zeroPoint0() > 127 || q.zeroPoint()[0] != q.zeroPoint0()) {
            throw new PrepareException(ctx.where() + ": " + t.describe() + " (" + role + ") zero point "
                    + q.zeroPoint()[0] + " is outside [-128, 127]");
        }
        return q;
    }

    /** Refuses when {@code a} and {@code b} do not have the same shape. */
    static void sameShape(OpContext ctx, TensorInfo a, TensorInfo b) throws PrepareException {
        if (!java.util.Arrays.equals(a.shape(), b.shape())) {
            throw new PrepareException(ctx.where() + ": " + b.describe() + " must have the shape of " + a.describe());
        }
    }

    /**
     * The operands of an element-wise int8 operator: its one input and its output.
     *
     * @param in the input tensor
     * @param out the output tensor (the input's shape)
     * @param qi the input's per-tensor quantization
     * @param qo the output's per-tensor quantization
     */
    record Unary(TensorInfo in, TensorInfo out, Quantization qi, Quantization qo) {
    }

    /** Exactly one input; input and output per-tensor int8 ({@link #require}) and of one shape. */
    static Unary unary(OpContext ctx) throws PrepareException {
        if (ctx.inputs().size() != 1) {
            throw new PrepareException(ctx.where() + ": expected 1 input, got " + ctx.inputs().size());
        }
        TensorInfo in = ctx.input(0);
        TensorInfo out = ctx.output();
        Quantization qi = require(ctx, in, "input");
        Quantization qo = require(ctx, out, "output");
        sameShape(ctx, in, out);
        return new Unary(in, out, qi, qo);
    }
}
