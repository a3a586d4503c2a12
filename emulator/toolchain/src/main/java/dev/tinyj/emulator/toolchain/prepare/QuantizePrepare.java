package dev.tinyj.emulator.toolchain.prepare;

import static dev.tinyj.runtime.kernels.Quantize.MODE_FROM_FLOAT32;
import static dev.tinyj.runtime.kernels.Quantize.MODE_REQUANTIZE;
import static dev.tinyj.runtime.kernels.Quantize.MODE_REQUANTIZE_FROM_UINT8;
import static dev.tinyj.runtime.kernels.Quantize.P_COUNT;
import static dev.tinyj.runtime.kernels.Quantize.P_INPUT_ZERO_POINT;
import static dev.tinyj.runtime.kernels.Quantize.P_MODE;
import static dev.tinyj.runtime.kernels.Quantize.P_MULTIPLIER;
import static dev.tinyj.runtime.kernels.Quantize.P_OUTPUT_ZERO_POINT;
import static dev.tinyj.runtime.kernels.Quantize.P_SCALE_BITS;
import static dev.tinyj.runtime.kernels.Quantize.P_SHIFT;
import static dev.tinyj.runtime.kernels.Quantize.P_SIZE;

import dev.tinyj.emulator.toolchain.graph.DType;
import dev.tinyj.emulator.toolchain.graph.Quantization;
import dev.tinyj.emulator.toolchain.graph.TensorInfo;
import dev.tinyj.emulator.toolchain.ops.Bridge;
import dev.tinyj.emulator.toolchain.ops.InPlaceKind;
import dev.tinyj.emulator.toolchain.ops.OpSpec;
import dev.tinyj.emulator.toolchain.tflite.OptionField.Kind;
import dev.tinyj.runtime.kernels.Quantize;

/**
 * Prepare of QUANTIZE (kernel {@code dev.tinyj.runtime.kernels.Quantize}), as TFLM's
 * {@code PrepareQuantizeReference} ({@code tensorflow/lite/micro/kernels/quantize_common.cc},
 * tflite-micro 90b983c2b3f1480642e040bbd2ddb37b998f3424) for the three in-scope forms: float32 →
 * int8 (the output scale and zero point, used by AffineQuantize), int8 → int8 and uint8 → int8
 * (effective scale {@code (double) s_in / (double) s_out} through QuantizeMultiplier, as TFLM
 * computes it for every requantizing pair; the uint8 input's zero point must lie in [0, 255]).
 * Output needs per-tensor quantization; input and output have the same shape. int16 and int32 on
 * either side, and a uint8 output, are refused as unsupported types.
 */
public final class QuantizePrepare implements OpDeclaration {
    private static final OpSpec SPEC = OpSpec.of("QUANTIZE", 114, Bridge.eval(Quantize.class, 0),
                    "float32 → int8 (float division, roundf), int8 → int8 and uint8 → int8 requantize")
            .withOptions("QuantizeOptions").withInPlace(InPlaceKind.UNARY);

    @Override
    public OpSpec spec() {
        return SPEC;
    }

    @Override
    public PreparedOp prepare(OpContext ctx) throws PrepareException {
        TensorInfo in = ctx.input(0);
        TensorInfo out = ctx.output();
        if (in.type() != DType.FLOAT32 && in.type() != DType.INT8 && in.type() != DType.UINT8) {
            throw PrepareException.unsupportedType(ctx.where(), in, "input", "float32, int8, uint8");
        }
        Quantization qo = Int8Operand.require(ctx, out, "output");
        Int8Operand.sameShape(ctx, in, out);
        ParamBlock f = ParamBlock.of(P_SIZE);
        f.set(P_COUNT, in.flatSize());
        f.set(P_OUTPUT_ZERO_POINT, qo.zeroPoint0());
        if (in.type() == DType.FLOAT32) {
            f.set(P_MODE, MODE_FROM_FLOAT32);
            f.set(P_SCALE_BITS, Float.floatToRawIntBits(qo.scale0()));
            f.set(P_INPUT_ZERO_POINT, 0).set(P_MULTIPLIER, 0).set(P_SHIFT, 0);
        } else {
            Quantization qi = in.type() == DType.INT8 ? Int8Operand.require(ctx, in, "input") : uint8Input(ctx, in);
            QuantizedMultiplier m = QuantizedMultiplier.of((double) qi.scale0() / (double) qo.scale0());
            f.set(P_MODE, in.type() == DType.INT8 ? MODE_REQUANTIZE : MODE_REQUANTIZE_FROM_UINT8);
            f.set(P_SCALE_BITS, 0);
            f.set(P_INPUT_ZERO_POINT, qi.zeroPoint0());
            f.set(P_MULTIPLIER, m.multiplier());
            f.set(P_SHIFT, m.shift());
        }
        return new PreparedOp(f.bytes(), out.shape().clone(), 0);
    }

    /** The per-tensor quantization of uint8 input {@code t}, its zero point in [0, 255]. */
    private static Quantization uint8Input(OpContext ctx, TensorInfo t) throws PrepareException {
        Quantization q = t.quantization();
        if (q == null || q.scale().length != 1) {
            throw new PrepareException(ctx.where() + ": " + t.describe() + " (input) needs per-tensor affine quantization");
        }
        if (q.zeroPoint0() < 0 || q.zeroPoint0() > 255 || q.zeroPoint()[0] != q.zeroPoint0()) {
            throw new PrepareException(ctx.where() + ": " + t.describe() + " (input) zero point " + q.zeroPoint()[0]
                    + " is outside [0, 255]");
        }
        return q;
    }
}
