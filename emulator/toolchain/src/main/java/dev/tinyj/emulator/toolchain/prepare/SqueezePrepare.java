package dev.tinyj.emulator.toolchain.prepare;

import static dev.tinyj.emulator.toolchain.prepare.ShapeOpChecks.fail;

import dev.tinyj.emulator.toolchain.graph.TensorInfo;
import dev.tinyj.emulator.toolchain.ops.Bridge;
import dev.tinyj.emulator.toolchain.ops.InPlaceKind;
import dev.tinyj.emulator.toolchain.ops.OpSpec;
import dev.tinyj.emulator.toolchain.ops.Operands;
import dev.tinyj.emulator.toolchain.tflite.OptionField;
import dev.tinyj.emulator.toolchain.tflite.OptionField.Kind;
import dev.tinyj.runtime.kernels.Reshape;
import java.util.Arrays;

/**
 * SQUEEZE prepare (int8), as tflite-micro 90b983c2b3f1480642e040bbd2ddb37b998f3424
 * {@code micro/kernels/squeeze.cc} {@code SqueezePrepare} (and {@code ParseSqueeze} of
 * {@code core/api/flatbuffer_conversions.cc} for the option): one input of at most 8 dimensions;
 * {@code squeeze_dims} absent or empty squeezes every dimension of extent 1, else each listed
 * dimension (negative ones count from the end; at most 8 listed) must exist and have extent 1.
 * The output is checked as TFLM checks it: the kept input dimensions, in order, each at most the
 * declared output's dimension at that position ({@code TFLITE_CHECK_GE}), and equal byte sizes
 * ({@code SqueezeEval}); so TFLM's own test declaring {@code [1]} for a scalar result runs, and the
 * declared shape is the output's. {@code SqueezeEval} copies the bytes, so the kernel is RESHAPE's
 * ({@link Reshape}, aliased in the arena like RESHAPE and EXPAND_DIMS). Like TFLM it checks no
 * quantization. int8 only: the other types TFLM copies (int32 in its tests, float32, int16) are
 * refused as unsupported types.
 */
public final class SqueezePrepare implements OpDeclaration {
    /** Most dimensions TFLM's SqueezePrepare takes, and most entries of squeeze_dims it parses. */
    static final int MAX_DIMS = 8;

    private static final OpSpec SPEC = OpSpec.of("SQUEEZE", 43, Bridge.eval(Reshape.class, 0),
                    "int8; RESHAPE's kernel, aliased in the arena (kernel skipped) unless the input is a constant")
            .withOptions("SqueezeOptions", OptionField.of(0, "squeeze_dims", Kind.INT_VECTOR, null))
            .withOperands(Operands.exactly(1)).withInPlace(InPlaceKind.ALIAS);

    @Override
    public OpSpec spec() {
        return SPEC;
    }

    @Override
    public PreparedOp prepare(OpContext ctx) throws PrepareException {
        TensorInfo input = ShapeOpChecks.int8Data(ctx, 1);
        TensorInfo output = ctx.output();
        int[] in = input.shape();
        ShapeOpChecks.requireRankAtMost(ctx, input, MAX_DIMS, "input");
        boolean[] squeeze = squeezed(ctx, in);
        int[] declared = output.shape();
        int k = 0;
        for (int i = 0; i < in.length; i++) {
            if (squeeze[i]) {
                continue;
            }
            if (k >= declared.length || declared[k] < in[i]) {
                throw fail(ctx, "output " + output.describe() + " cannot hold the squeezed input "
                        + Arrays.toString(kept(in, squeeze)).replace(" ", ""));
            }
            k++;
        }
        if (output.flatSize() != input.flatSize()) {
            throw fail(ctx, "output " + output.describe() + " has " + output.flatSize() + " elements, input "
                    + input.describe() + " has " + input.flatSize());
        }
        ParamBlock fields = ParamBlock.of(Reshape.P_SIZE).set(Reshape.P_BYTES, input.flatSize());
        return new PreparedOp(fields.bytes(), declared.clone(), 0);
    }

    /** Which input dimensions go: the listed ones, or every extent-1 one when none is listed. */
    private static boolean[] squeezed(OpContext ctx, int[] in) throws PrepareException {
        boolean[] squeeze = new boolean[in.length];
        int[] dims = squeezeDims(ctx);
        if (dims.length == 0) {
            for (int i = 0; i < in.length; i++) {
                squeeze[i] = in[i] == 1;
            }
            return squeeze;
        }
        for (int d : dims) {
            int current = d < 0 ? d + in.length : d;
            if (current < 0 || current >= in.length || in[current] != 1) {
                throw fail(ctx, "squeeze_dims entry " + d + " does not name a dimension of extent 1 of input "
                        + ctx.input(0).describe());
            }
            squeeze[current] = true;
        }
        return squeeze;
    }

    /** The {@code squeeze_dims} option's values (empty when absent or empty). */
    private static int[] squeezeDims(OpContext ctx) throws PrepareException {
        String option = ctx.options().string("squeeze_dims", null);
        String body = option == null ? "" : option.replaceAll("[\\[\\]\\s]+", " ").trim();
        if (body.isEmpty()) {
            return new int[0];
        }
        int[] dims;
        try {
            dims = Arrays.stream(body.split("[ ,]+")).mapToInt(Integer::parseInt).toArray();
        } catch (NumberFormatException e) {
            throw fail(ctx, "option squeeze_dims: expected integers, got '" + option + "'");
        }
        if (dims.length > MAX_DIMS) {
            throw fail(ctx, "squeeze_dims has " + dims.length + " entries; TFLM parses at most " + MAX_DIMS);
        }
        return dims;
    }

    private static int[] kept(int[] in, boolean[] squeeze) {
        return java.util.stream.IntStream.range(0, in.length).filter(i -> !squeeze[i]).map(i -> in[i]).toArray();
    }
}
