package dev.tinyj.conformance.kernels.floats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tinyj.conformance.kernels.floats.FloatReference.Window;
import dev.tinyj.emulator.toolchain.prepare.Conv2DFloatPrepare;
import dev.tinyj.emulator.toolchain.prepare.DepthwiseConv2DFloatPrepare;
import dev.tinyj.emulator.toolchain.prepare.FullyConnectedFloatPrepare;
import dev.tinyj.emulator.toolchain.prepare.MaxPool2DFloatPrepare;
import dev.tinyj.emulator.toolchain.prepare.OpContext;
import dev.tinyj.emulator.toolchain.prepare.PrepareException;
import dev.tinyj.emulator.toolchain.prepare.PreparedOp;
import dev.tinyj.emulator.toolchain.prepare.SoftmaxFloatPrepare;
import dev.tinyj.runtime.kernels.Conv2DFloat;
import dev.tinyj.runtime.kernels.DepthwiseConv2DFloat;
import dev.tinyj.runtime.kernels.FullyConnectedFloat;
import dev.tinyj.runtime.kernels.MaxPool2DFloat;
import dev.tinyj.runtime.kernels.SoftmaxFloat;
import dev.tinyj.runtime.math.FloatExp;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * The float32 type variants, through their real prepare steps, against {@link FloatReference} on
 * generated cases: shapes, strides, dilations, SAME/VALID, groups, depth multipliers, optional bias,
 * keep_num_dims, every fused activation, values with ±0, ±∞, NaN, subnormals and overflowing sums;
 * operands and params at odd byte offsets ({@link FloatHost}). Equal means equal float bits, NaNs
 * compared as NaN ({@link Float#floatToIntBits}); −0 and +0 differ. SOFTMAX is compared with the
 * reference run on the kernel's own exponential ({@link FloatExp}), so every other step is held to
 * TFLM's order bit for bit; {@code FloatExpTest} holds the exponential itself.
 */
class FloatKernelPropertyTest {

    @Property
    void conv2dFloatMatchesReference(@ForAll long seed) throws PrepareException {
        windowCase(seed, false);
    }

    @Property
    void depthwiseConv2dFloatMatchesReference(@ForAll long seed) throws PrepareException {
        windowCase(seed, true);
    }

    @Property
    void fullyConnectedFloatMatchesReference(@ForAll long seed) throws PrepareException {
        FloatCases.Gen g = new FloatCases.Gen(seed, true);
        int depth = g.between(1, 24);
        int units = g.between(1, 8);
        boolean keepDims = g.r.nextBoolean();
        int[] inShape = keepDims || g.r.nextBoolean() ? new int[] {g.between(1, 2), g.between(1, 3), depth}
                : new int[] {g.between(1, 4), depth};
        int rows = FloatCases.flat(inShape) / depth;
        int[] outShape = keepDims ? new int[] {inShape[0], inShape[1], units} : new int[] {rows, units};
        float[] input = g.values(rows * depth, 4);
        float[] weights = g.values(units * depth, 1);
        float[] bias = g.r.nextInt(3) == 0 ? null : g.values(units, 2);
        String act = g.activation();
        OpContext ctx = FloatCases.context("FULLY_CONNECTED", inShape, new int[] {units, depth}, weights, bias,
                outShape, Map.of("fused_activation_function", act, "keep_num_dims", Boolean.toString(keepDims)));
        PreparedOp prep = new FullyConnectedFloatPrepare().prepare(ctx);
        assertArrayEquals(outShape, prep.outputShape());
        byte[] got = FloatHost.run(prep.params(), FloatCases.bytes(input), FloatCases.bytes(weights),
                FloatCases.bytes(bias), rows * units * 4, (p, a, b, c, o) -> FullyConnectedFloat.eval(p,
                        FloatHost.LEAD, a, FloatHost.LEAD, b, FloatHost.LEAD, c, FloatHost.LEAD, o, FloatHost.LEAD));
        assertSameFloats(FloatReference.fullyConnected(input, rows, depth, weights, units, bias,
                FloatReference.activationRange(act)), got);
    }

    @Property
    void maxPool2dFloatMatchesReference(@ForAll long seed) throws PrepareException {
        FloatCases.Gen g = new FloatCases.Gen(seed, true);
        int[] filter = {g.between(1, 3), g.between(1, 3)};
        int[] stride = {g.between(1, 3), g.between(1, 3)};
        boolean same = g.r.nextBoolean();
        int inH = g.between(filter[0], 8);
        int inW = g.between(filter[1], 8);
        int[] h = FloatReference.outAndPad(same, inH, filter[0], stride[0], 1);
        int[] w = FloatReference.outAndPad(same, inW, filter[1], stride[1], 1);
        int[] inShape = {g.between(1, 2), inH, inW, g.between(1, 3)};
        int[] outShape = {inShape[0], h[0], w[0], inShape[3]};
        float[] input = g.values(FloatCases.flat(inShape), 8);
        String act = g.activation();
        Map<String, String> o = Map.of("padding", same ? "SAME" : "VALID", "stride_h", "" + stride[0], "stride_w",
                "" + stride[1], "filter_height", "" + filter[0], "filter_width", "" + filter[1],
                "fused_activation_function", act);
        PreparedOp prep = new MaxPool2DFloatPrepare().prepare(FloatCases.context("MAX_POOL_2D", inShape, null, null,
                null, outShape, o));
        byte[] got = FloatHost.run(prep.params(), FloatCases.bytes(input), null, null, FloatCases.flat(outShape) * 4,
                (p, a, b, c, out) -> MaxPool2DFloat.eval(p, FloatHost.LEAD, a, FloatHost.LEAD, out, FloatHost.LEAD));
        assertSameFloats(FloatReference.maxPool(input, inShape, outShape, filter, stride, h[1], w[1],
                FloatReference.activationRange(act)), got);
    }

    @Property
    void softmaxFloatMatchesReferenceOnItsExponential(@ForAll long seed) throws PrepareException {
        FloatCases.Gen g = new FloatCases.Gen(seed, true);
        int depth = g.between(1, 40);
        int[] shape = g.r.nextBoolean() ? new int[] {depth} : new int[] {g.between(1, 3), g.between(1, 2), depth};
        float scale = new float[] {1, 10, 100}[g.r.nextInt(3)];
        float[] input = g.values(FloatCases.flat(shape), scale);
        float beta = new float[] {1f, 0.5f, 2f, 0.1f, 1.7f}[g.r.nextInt(5)];
        PreparedOp prep = new SoftmaxFloatPrepare().prepare(FloatCases.context("SOFTMAX", shape, null, null, null,
                shape, Map.of("beta", Float.toString(beta))));
        byte[] got = FloatHost.run(prep.params(), FloatCases.bytes(input), null, null, input.length * 4,
                (p, a, b, c, out) -> SoftmaxFloat.eval(p, FloatHost.LEAD, a, FloatHost.LEAD, out, FloatHost.LEAD));
        assertSameFloats(FloatReference.softmax(input, depth, beta, FloatExp::exp), got);
    }

    /** A CONV_2D or DEPTHWISE_CONV_2D case with a positive output size. */
    private static void windowCase(long seed, boolean depthwise) throws PrepareException {
        FloatCases.Gen g = new FloatCases.Gen(seed, true);
        int fH = g.between(1, 3);
        int fW = g.between(1, 3);
        int strideH = g.between(1, 3);
        int strideW = g.between(1, 3);
        int dilH = g.between(1, 2);
        int dilW = g.between(1, 2);
        boolean same = g.r.nextBoolean();
        int inH = g.between((fH - 1) * dilH + 1, 7);
        int inW = g.between((fW - 1) * dilW + 1, 7);
        int[] h = FloatReference.outAndPad(same, inH, fH, strideH, dilH);
        int[] w = FloatReference.outAndPad(same, inW, fW, strideW, dilW);
        int channelParam = g.between(1, 3);
        int inD;
        int outD;
        int[] filterShape;
        if (depthwise) {
            inD = g.between(1, 4);
            outD = inD * channelParam;
            filterShape = new int[] {1, fH, fW, outD};
        } else {
            int groups = g.between(1, 2);
            inD = groups * channelParam;
            outD = groups * g.between(1, 3);
            filterShape = new int[] {outD, fH, fW, channelParam};
        }
        int[] inShape = {g.between(1, 2), inH, inW, inD};
        int[] outShape = {inShape[0], h[0], w[0], outD};
        float[] input = g.values(FloatCases.flat(inShape), 4);
        float[] filter = g.values(FloatCases.flat(filterShape), 1);
        float[] bias = g.r.nextInt(3) == 0 ? null : g.values(outD, 2);
        String act = g.activation();
        Map<String, String> o = new HashMap<>(Map.of("padding", same ? "SAME" : "VALID", "stride_h", "" + strideH,
                "stride_w", "" + strideW, "dilation_h_factor", "" + dilH, "dilation_w_factor", "" + dilW,
                "fused_activation_function", act));
        if (depthwise) {
            o.put("depth_multiplier", "" + channelParam);
        }
        OpContext ctx = FloatCases.context(depthwise ? "DEPTHWISE_CONV_2D" : "CONV_2D", inShape, filterShape, filter,
                bias, outShape, o);
        PreparedOp prep = depthwise ? new DepthwiseConv2DFloatPrepare().prepare(ctx)
                : new Conv2DFloatPrepare().prepare(ctx);
        assertArrayEquals(outShape, prep.outputShape());
        FloatHost.Kernel k = depthwise
                ? (p, a, b, c, out) -> DepthwiseConv2DFloat.eval(p, FloatHost.LEAD, a, FloatHost.LEAD, b,
                        FloatHost.LEAD, c, FloatHost.LEAD, out, FloatHost.LEAD)
                : (p, a, b, c, out) -> Conv2DFloat.eval(p, FloatHost.LEAD, a, FloatHost.LEAD, b, FloatHost.LEAD, c,
                        FloatHost.LEAD, out, FloatHost.LEAD);
        byte[] got = FloatHost.run(prep.params(), FloatCases.bytes(input), FloatCases.bytes(filter),
                FloatCases.bytes(bias), FloatCases.flat(outShape) * 4, k);
        Window win = new Window(strideH, strideW, dilH, dilW, h[1], w[1]);
        float[] range = FloatReference.activationRange(act);
        assertSameFloats(depthwise
                ? FloatReference.depthwise(input, inShape, filter, filterShape, bias, outShape, win, channelParam, range)
                : FloatReference.conv(input, inShape, filter, filterShape, bias, outShape, win, range), got);
    }

    /** Equal float bits element by element (NaNs as NaN; −0 is not +0). */
    static void assertSameFloats(float[] want, byte[] got) {
        float[] g = FloatCases.floats(got);
        assertEquals(want.length, g.length);
        for (int k = 0; k < want.length; k++) {
            int i = k;
            assertEquals(Float.floatToIntBits(want[k]), Float.floatToIntBits(g[k]),
                    () -> "element " + i + ": want " + want[i] + ", got " + g[i] + " of " + Arrays.toString(g));
        }
    }
}
