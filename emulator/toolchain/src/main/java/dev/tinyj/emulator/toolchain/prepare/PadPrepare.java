package dev.tinyj.emulator.toolchain.prepare;

import static dev.tinyj.emulator.toolchain.prepare.ShapeOpChecks.fail;

import dev.tinyj.emulator.toolchain.graph.TensorInfo;
import dev.tinyj.emulator.toolchain.ops.Bridge;
import dev.tinyj.emulator.toolchain.ops.OpSpec;
import dev.tinyj.emulator.toolchain.ops.Operands;
import dev.tinyj.runtime.kernels.Pad;

/**
 * PAD and PADV2 prepare, as tflite-micro 90b983c2b3f1480642e040bbd2ddb37b998f3424
 * {@code micro/kernels/pad_common.cc} {@code PadPrepare}: 2 inputs (PAD) or 3 (PADV2); input and
 * output types equal; input of at most 5 dims; a pad value of the input's type with one element;
 * a constant paddings tensor with 2 values per output dim; each output dim = input dim + before +
 * after. For int8: PAD needs the output zero point inside [−128, 127] (it is the pad value);
 * PADV2 needs the pad value's zero point and scale to equal the output's.
 */
public final class PadPrepare implements OpDeclaration {
    /** {@code reference_ops::PadKernelMaxDimensionCount()}. */
    static final int MAX_DIMS = 5;

    private static final OpSpec PAD = OpSpec.of("PAD", 34, Bridge.eval(Pad.class, 0, Bridge.NONE),
                    "int8, up to 5-D; pad value = output zero point; paddings folded")
            .withOptions("PadOptions").withOperands(Operands.of(1, 2, 1).folding(1));
    private static final OpSpec PADV2 = OpSpec.of("PADV2", 60, Bridge.eval(Pad.class, 0, 2),
                    "int8, up to 5-D; pad value an int8 constant quantized as the output; paddings folded")
            .withOptions("PadV2Options").withOperands(new Operands(3, 3, 0b101, 0b010, 0));

    private final OpSpec spec;

    /** PAD (a PADV2 model's three operands are accepted too, as TFLM's shared prepare does). */
    public PadPrepare() {
        this(PAD);
    }

    private PadPrepare(OpSpec spec) {
        this.spec = spec;
    }

    /** PAD's declaration and prepare. */
    public static PadPrepare pad() {
        return new PadPrepare(PAD);
    }

    /** PADV2's declaration and prepare. */
    public static PadPrepare padV2() {
        return new PadPrepare(PADV2);
    }

    @Override
    public OpSpec spec() {
        return spec;
    }

    @Override
    public PreparedOp prepare(OpContext ctx) throws PrepareException {
        int n = ctx.inputs().size();
        if (n != 2 && n != 3) {
            throw fail(ctx, "expected 2 or 3 inputs, got " + n);
        }
        TensorInfo input = ctx.input(0);
        TensorInfo output = ctx.output();
        TensorInfo padValue = n == 3 ? ctx.input(2) : null;
        ShapeOpChecks.requireInt8(ctx, input, "input");
        ShapeOpChecks.requireInt8(ctx, output, "output");
        ShapeOpChecks.requireRankAtMost(ctx, input, MAX_DIMS, "input");
        if (padValue != null) {
            ShapeOpChecks.requireInt8(ctx, padValue, "pad_value");
            if (padValue.flatSize() != 1) {
                throw fail(ctx, "pad_value " + padValue.describe() + " must hold one element");
            }
        }
        int rank = output.shape().length;
        int[] paddings = ShapeOpChecks.constInt32(ctx, ctx.input(1), "paddings");
        if (paddings.length != rank * 2) {
            throw fail(ctx, "paddings " + ctx.input(1).describe() + " must hold 2 values per output dimension");
        }
        if (input.shape().length != rank) {
            throw fail(ctx, "input " + input.describe() + " and output " + output.describe() + " differ in rank");
        }
        int[] inferred = new int[rank];
        for (int i = 0; i < rank; i++) {
            inferred[i] = input.shape()[i] + paddings[2 * i] + paddings[2 * i + 1];
        }
        ShapeOpChecks.requireShape(ctx, inferred);
        int outputZp = ShapeOpChecks.zeroPoint(output);
        int value;
        if (padValue == null) {
            if (outputZp < -128 || outputZp > 127) {
                throw fail(ctx, "output " + output.describe() + " zero point " + outputZp
                        + " is outside the int8 range, so it cannot be the pad value");
            }
            value = outputZp;
        } else {
            if (ShapeOpChecks.zeroPoint(padValue) != outputZp
                    || (double) ShapeOpChecks.scale(padValue) != (double) ShapeOpChecks.scale(output)) {
                throw fail(ctx, "pad_value " + padValue.describe() + " is quantized differently from output "
                        + output.describe());
            }
            value = padValue.isConstant() ? padValue.data()[0] : 0;
        }

        ParamBlock fields = ParamBlock.of(Pad.P_SIZE);
        int lead = MAX_DIMS - rank;
        for (int k = 0; k < MAX_DIMS; k++) {
            boolean real = k >= lead;
            fields.set(Pad.P_OUT_DIMS + 4 * k, real ? inferred[k - lead] : 1);
            fields.set(Pad.P_LEFT + 4 * k, real ? paddings[2 * (k - lead)] : 0);
            fields.set(Pad.P_RIGHT + 4 * k, real ? paddings[2 * (k - lead) + 1] : 0);
        }
        fields.set(Pad.P_PAD_VALUE, value);
        return new PreparedOp(fields.bytes(), inferred, 0);
    }
}
