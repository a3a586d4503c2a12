package dev.tinyj.emulator.toolchain.prepare;

import dev.tinyj.emulator.toolchain.graph.Quantization;
import dev.tinyj.emulator.toolchain.graph.TensorInfo;
import dev.tinyj.emulator.toolchain.ops.Bridge;
import dev.tinyj.emulator.toolchain.ops.OpSpec;
import dev.tinyj.runtime.kernels.QuantizeInt16;
import java.util.Map;

/**
 * QUANTIZE's int16 variant (kernel {@code dev.tinyj.runtime.kernels.QuantizeInt16}), prepared as
 * TFLM's {@code PrepareQuantizeReference} ({@code micro/kernels/quantize_common.cc}, tflite-micro
 * 90b983c2b3f1480642e040bbd2ddb37b998f3424) does for an int16 input: output int8, int16 or int32
 * with per-tensor affine quantization (int8 and int16 zero points within their type), the same
 * shape as the input, {@code QuantizeMultiplier((double) input_scale / (double) output_scale)}.
 */
public final class QuantizeInt16Prepare implements OpDeclaration {
    private static final OpSpec SPEC = Int16Variant.of(new QuantizePrepare().spec(), Bridge.eval(QuantizeInt16.class, 0),
            "int16 → int8, int16 or int32 requantize", Map.of());

    @Override
    public OpSpec spec() {
        return SPEC;
    }

    @Override
    public PreparedOp prepare(OpContext ctx) throws PrepareException {
        if (ctx.inputs().size() != 1) {
            throw new PrepareException(ctx.where() + ": expected 1 input, got " + ctx.inputs().size());
        }
        TensorInfo in = ctx.input(0);
        TensorInfo out = ctx.output();
        Quantization qi = Int16Operand.require(ctx, in, "input");
        Quantization qo = switch (out.type()) {
            case INT8 -> Int8Operand.require(ctx, out, "output");
            case INT16 -> Int16Operand.require(ctx, out, "output");
            case INT32 -> int32Output(ctx, out);
            default -> throw PrepareException.unsupportedType(ctx.where(), out, "output", "int8, int16, int32");
        };
        Int8Operand.sameShape(ctx, in, out);
        QuantizedMultiplier m = QuantizedMultiplier.of((double) qi.scale0() / (double) qo.scale0());
        int bytes = out.type().bytes();
        int bits = 8 * bytes;
        ParamBlock f = ParamBlock.of(QuantizeInt16.P_SIZE)
                .set(QuantizeInt16.P_COUNT, in.flatSize())
                .set(QuantizeInt16.P_INPUT_ZERO_POINT, qi.zeroPoint0())
                .set(QuantizeInt16.P_OUTPUT_ZERO_POINT, qo.zeroPoint0())
                .set(QuantizeInt16.P_MULTIPLIER, m.multiplier()).set(QuantizeInt16.P_SHIFT, m.shift())
                .set(QuantizeInt16.P_OUTPUT_BYTES, bytes)
                .set(QuantizeInt16.P_OUTPUT_MIN, (int) -(1L << (bits - 1)))
                .set(QuantizeInt16.P_OUTPUT_MAX, (int) ((1L << (bits - 1)) - 1));
        return new PreparedOp(f.bytes(), out.shape().clone(), 0);
    }

    /** The per-tensor quantization of int32 output {@code t}. */
    private static Quantization int32Output(OpContext ctx, TensorInfo t) throws PrepareException {
        Quantization q = t.quantization();
        if (q == null || q.scale().length != 1) {
            throw new PrepareException(ctx.where() + ": " + t.describe() + " (output) needs per-tensor affine "
                    + "quantization");
        }
        return q;
    }
}
