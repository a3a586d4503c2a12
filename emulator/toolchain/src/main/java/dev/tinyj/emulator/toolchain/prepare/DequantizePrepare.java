package dev.tinyj.emulator.toolchain.prepare;

import static dev.tinyj.runtime.kernels.Dequantize.P_COUNT;
import static dev.tinyj.runtime.kernels.Dequantize.P_SCALE_BITS;
import static dev.tinyj.runtime.kernels.Dequantize.P_SIZE;
import static dev.tinyj.runtime.kernels.Dequantize.P_ZERO_POINT;

import dev.tinyj.emulator.toolchain.graph.DType;
import dev.tinyj.emulator.toolchain.graph.Quantization;
import dev.tinyj.emulator.toolchain.graph.TensorInfo;
import dev.tinyj.emulator.toolchain.ops.Bridge;
import dev.tinyj.emulator.toolchain.ops.OpSpec;
import dev.tinyj.runtime.kernels.Dequantize;

/**
 * Prepare of DEQUANTIZE (kernel {@code dev.tinyj.runtime.kernels.Dequantize}), as TFLM's
 * {@code DequantizePrepare} ({@code tensorflow/lite/micro/kernels/dequantize_common.cc},
 * tflite-micro 90b983c2b3f1480642e040bbd2ddb37b998f3424): int8 input with per-tensor
 * quantization (zero point in [−128, 127], which the kernel's float32 argument relies on),
 * float32 output of the same shape. uint8 and int16 inputs are refused as unsupported types.
 */
public final class DequantizePrepare implements OpDeclaration {
    private static final OpSpec SPEC = OpSpec.of("DEQUANTIZE", 6, Bridge.eval(Dequantize.class, 0),
                    "int8 → float32 (one float32 multiply equals TFLM's rounding)")
            .withOptions("DequantizeOptions");

    @Override
    public OpSpec spec() {
        return SPEC;
    }

    @Override
    public PreparedOp prepare(OpContext ctx) throws PrepareException {
        TensorInfo in = ctx.input(0);
        TensorInfo out = ctx.output();
        Quantization qi = Int8Operand.require(ctx, in, "input");
        if (out.type() != DType.FLOAT32) {
            throw PrepareException.unsupportedType(ctx.where(), out, "output", "float32");
        }
        Int8Operand.sameShape(ctx, in, out);
        ParamBlock f = ParamBlock.of(P_SIZE);
        f.set(P_COUNT, in.flatSize());
        f.set(P_ZERO_POINT, qi.zeroPoint0());
        f.set(P_SCALE_BITS, Float.floatToRawIntBits(qi.scale0()));
        return new PreparedOp(f.bytes(), out.shape().clone(), 0);
    }
}
