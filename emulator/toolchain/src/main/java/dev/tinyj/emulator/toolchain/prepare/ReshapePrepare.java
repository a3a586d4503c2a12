package dev.tinyj.emulator.toolchain.prepare;

import static dev.tinyj.emulator.toolchain.prepare.ShapeOpChecks.fail;

import dev.tinyj.emulator.toolchain.graph.DType;
import dev.tinyj.emulator.toolchain.graph.TensorInfo;
import dev.tinyj.emulator.toolchain.ops.Bridge;
import dev.tinyj.emulator.toolchain.ops.InPlaceKind;
import dev.tinyj.emulator.toolchain.ops.OpSpec;
import dev.tinyj.emulator.toolchain.ops.Operands;
import dev.tinyj.emulator.toolchain.tflite.OptionField.Kind;
import dev.tinyj.emulator.toolchain.tflite.OptionField;
import dev.tinyj.runtime.kernels.Reshape;
import java.util.Arrays;

/**
 * RESHAPE prepare, as tflite-micro 90b983c2b3f1480642e040bbd2ddb37b998f3424
 * {@code micro/kernels/reshape_common.cc} {@code PrepareReshapeReference}/{@code ReshapeOutput}:
 * one or two inputs; the output shape is the output tensor's declared dims, where a single −1 is
 * the stretch dim (input elements / product of the others) and a legacy {@code [0]} with one input
 * means a scalar; input and output types equal (int8 or int16: the kernel copies bytes, as TFLM's
 * does for any type); element counts equal.
 *
 * <p>TFLM ignores the shape operand. TinyJ also does TFLite's own inference (the {@code shape}
 * operand when it is a constant 1-D int32 tensor, else the {@code new_shape} option) and rejects a
 * model whose declared output disagrees with it.
 */
public final class ReshapePrepare implements OpDeclaration {
    private static final OpSpec SPEC = OpSpec.of("RESHAPE", 22, Bridge.eval(Reshape.class, 0),
                    "int8, int16; aliased in the arena (kernel skipped) unless the input is a constant; one -1 resolved")
            .withOptions("ReshapeOptions", OptionField.of(0, "new_shape", Kind.INT_VECTOR, null))
            .withOperands(Operands.of(1, 2, 1).folding(1)).withInPlace(InPlaceKind.ALIAS);

    @Override
    public OpSpec spec() {
        return SPEC;
    }

    @Override
    public PreparedOp prepare(OpContext ctx) throws PrepareException {
        int n = ctx.inputs().size();
        if (n != 1 && n != 2) {
            throw fail(ctx, "expected 1 or 2 inputs, got " + n);
        }
        TensorInfo input = ctx.input(0);
        TensorInfo output = ctx.output();
        if (input.type() != DType.INT8 && input.type() != DType.INT16) {
            throw PrepareException.unsupportedType(ctx.where(), input, "input", "int8, int16");
        }
        if (output.type() != input.type()) {
            throw PrepareException.unsupportedType(ctx.where(), output, "output", input.type().label());
        }
        int elements = input.flatSize();
        int[] declared = output.shape().clone();
        if (n == 1 && declared.length == 1 && declared[0] == 0) {
            declared = new int[0];
        }
        int[] shape = resolveStretch(ctx, declared, elements, "output " + output.describe());
        if (ShapeOpChecks.product(shape) != elements) {
            throw fail(ctx, "output " + output.describe() + " has " + ShapeOpChecks.product(shape)
                    + " elements, input " + input.describe() + " has " + elements);
        }
        int[] requested = requestedShape(ctx);
        if (requested != null) {
            int[] r = resolveStretch(ctx, requested, elements, "requested shape");
            if (!Arrays.equals(r, shape)) {
                throw fail(ctx, "output " + output.describe() + " disagrees with the requested shape "
                        + Arrays.toString(r).replace(" ", ""));
            }
        }
        ParamBlock fields = ParamBlock.of(Reshape.P_SIZE);
        fields.set(Reshape.P_BYTES, elements * input.type().bytes());
        return new PreparedOp(fields.bytes(), shape, 0);
    }

    /** Replaces the single −1 by the stretch size (C integer division, as TFLM). */
    static int[] resolveStretch(OpContext ctx, int[] dims, int elements, String what) throws PrepareException {
        int[] shape = dims.clone();
        int stretch = -1;
        int known = 1;
        for (int i = 0; i < shape.length; i++) {
            if (shape[i] == -1) {
                if (stretch != -1) {
                    throw fail(ctx, what + " has more than one -1 dimension");
                }
                stretch = i;
            } else {
                known *= shape[i];
            }
        }
        if (stretch != -1) {
            if (known == 0) {
                throw fail(ctx, what + " stretches a -1 dimension next to a zero-sized one");
            }
            shape[stretch] = elements / known;
        }
        return shape;
    }

    /** TFLite's shape source: a constant 1-D int32 shape operand, else the new_shape option, else null. */
    private static int[] requestedShape(OpContext ctx) throws PrepareException {
        if (ctx.inputs().size() == 2) {
            TensorInfo s = ctx.input(1);
            if (s.type() == DType.INT32 && s.shape().length == 1 && s.isConstant()) {
                return s.int32Data();
            }
        }
        String option = ctx.options().string("new_shape", null);
        if (option == null) {
            return null;
        }
        String body = option.replaceAll("[\\[\\]\\s]+", " ").trim();
        if (body.isEmpty()) {
            return new int[0];
        }
        try {
            return Arrays.stream(body.split("[ ,]+")).mapToInt(Integer::parseInt).toArray();
        } catch (NumberFormatException e) {
            throw fail(ctx, "option new_shape: expected integers, got '" + option + "'");
        }
    }
}
