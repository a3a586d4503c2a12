package dev.tinyj.conformance.kernels.conv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.tinyj.conformance.kernels.conv.ConvFamilyReference.Window;
import dev.tinyj.emulator.toolchain.prepare.Conv2DPrepare;
import dev.tinyj.emulator.toolchain.prepare.DepthwiseConv2DPrepare;
import dev.tinyj.emulator.toolchain.prepare.FullyConnectedPrepare;
import dev.tinyj.emulator.toolchain.prepare.PrepareException;
import dev.tinyj.emulator.toolchain.prepare.PreparedOp;
import java.util.Map;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Host prepare + runtime kernel against {@link ConvFamilyReference} on generated cases: shapes,
 * strides, dilations, SAME/VALID padding, groups, depth multipliers, zero points, per-tensor and
 * per-channel scales, optional bias, every fused activation; operands at non-zero offsets.
 */
class ConvFamilyPropertyTest {

    /** A generated window case and the reference's view of it. */
    record WindowCase(ConvFamilyCase c, Window w, int channelParam) {
    }

    @Property
    void conv2dMatchesReference(@ForAll long seed) throws PrepareException {
        WindowCase wc = window(seed, false);
        ConvFamilyCase c = wc.c();
        PreparedOp prep = new Conv2DPrepare().prepare(c.context());
        byte[] got = ConvFamilyHost.run("CONV_2D", prep.params(), c.input(), c.filter(), c.biasBytes(),
                c.outputSize());
        assertArrayEquals(ConvFamilyReference.conv(wc.w(), wc.channelParam(), c.input(), c.filter(), c.bias()), got);
    }

    @Property
    void depthwiseConv2dMatchesReference(@ForAll long seed) throws PrepareException {
        WindowCase wc = window(seed, true);
        ConvFamilyCase c = wc.c();
        PreparedOp prep = new DepthwiseConv2DPrepare().prepare(c.context());
        byte[] got = ConvFamilyHost.run("DEPTHWISE_CONV_2D", prep.params(), c.input(), c.filter(), c.biasBytes(),
                c.outputSize());
        assertArrayEquals(ConvFamilyReference.depthwise(wc.w(), wc.channelParam(), c.input(), c.filter(), c.bias()),
                got);
    }

    @Property
    void fullyConnectedMatchesReference(@ForAll long seed) throws PrepareException {
        ConvFamilyCase.Gen g = new ConvFamilyCase.Gen(seed);
        int depth = g.between(1, 24);
        int units = g.between(1, 8);
        boolean keepDims = g.r.nextBoolean();
        int[] inShape = keepDims || g.r.nextBoolean() ? new int[] {g.between(1, 2), g.between(1, 3), depth}
                : new int[] {g.between(1, 4), depth};
        int rows = 1;
        for (int k = 0; k < inShape.length - 1; k++) {
            rows *= inShape[k];
        }
        int[] outShape = keepDims ? new int[] {inShape[0], inShape[1], units} : new int[] {rows, units};
        boolean perChannel = units > 1 && g.r.nextBoolean();
        float inScale = g.scale(-3, 0);
        float[] fs = new float[perChannel ? units : 1];
        for (int k = 0; k < fs.length; k++) {
            fs[k] = g.scale(-3, -1);
        }
        float outScale = g.outScale(inScale, fs[0]);
        int inZp = g.between(-128, 127);
        int outZp = g.between(-128, 127);
        int filterZp = perChannel || g.r.nextInt(3) > 0 ? 0 : g.between(-5, 5);
        byte[] input = g.int8(rows * depth, -128, 127);
        byte[] filter = g.int8(units * depth, -127, 127);
        int[] bias = g.bias(units);
        String act = g.activation();
        var ctx = ConvFamilyCase.context("FULLY_CONNECTED", inShape, new int[] {units, depth}, outShape, inScale,
                inZp, fs, filterZp, 0, filter, bias, outScale, outZp,
                Map.of("fused_activation_function", act, "keep_num_dims", Boolean.toString(keepDims)));
        ConvFamilyCase c = new ConvFamilyCase(ctx, input, filter, bias, inScale, inZp, fs, filterZp, outScale, outZp,
                act);
        PreparedOp prep = new FullyConnectedPrepare().prepare(ctx);
        assertArrayEquals(outShape, prep.outputShape());
        byte[] got = ConvFamilyHost.run("FULLY_CONNECTED", prep.params(), input, filter, c.biasBytes(),
                rows * units);
        int[][] q = c.referenceMultipliers(!perChannel);
        int[] a = c.referenceActivation();
        byte[] want = ConvFamilyReference.fullyConnected(rows, depth, units, inZp, perChannel ? 0 : filterZp, outZp,
                a[0], a[1], q[0], q[1], input, filter, bias);
        assertArrayEquals(want, got);
    }

    /** A CONV_2D ({@code depthwise} false) or DEPTHWISE_CONV_2D case with a positive output size. */
    static WindowCase window(long seed, boolean depthwise) {
        ConvFamilyCase.Gen g = new ConvFamilyCase.Gen(seed);
        int batches = g.between(1, 2);
        int inH = g.between(1, 7);
        int inW = g.between(1, 7);
        int fH = g.between(1, 3);
        int fW = g.between(1, 3);
        int strideH = g.between(1, 3);
        int strideW = g.between(1, 3);
        int dilH = g.between(1, 3);
        int dilW = g.between(1, 3);
        boolean same = g.r.nextBoolean();
        int channelParam;
        int inD;
        int outD;
        if (depthwise) {
            inD = g.between(1, 4);
            channelParam = g.between(1, 3);
            outD = inD * channelParam;
        } else {
            int groups = g.between(1, 2);
            channelParam = g.between(1, 3);
            inD = groups * channelParam;
            outD = groups * g.between(1, 3);
        }
        int effH = (fH - 1) * dilH + 1;
        int effW = (fW - 1) * dilW + 1;
        int outH = same ? (inH + strideH - 1) / strideH : inH >= effH ? (inH - effH) / strideH + 1 : 0;
        int outW = same ? (inW + strideW - 1) / strideW : inW >= effW ? (inW - effW) / strideW + 1 : 0;
        Assume.that(outH > 0 && outW > 0);
        int padTop = Math.max(0, (outH - 1) * strideH + effH - inH) / 2;
        int padLeft = Math.max(0, (outW - 1) * strideW + effW - inW) / 2;
        boolean perChannel = outD > 1 && g.r.nextBoolean();
        float inScale = g.scale(-3, 0);
        float[] fs = new float[perChannel ? outD : 1];
        for (int k = 0; k < fs.length; k++) {
            fs[k] = g.scale(-3, -1);
        }
        float outScale = g.outScale(inScale, fs[0]);
        int inZp = g.between(-128, 127);
        int outZp = g.between(-128, 127);
        int[] filterShape = depthwise ? new int[] {1, fH, fW, outD} : new int[] {outD, fH, fW, channelParam};
        byte[] filter = g.int8(outD * fH * fW * (depthwise ? 1 : channelParam), -127, 127);
        byte[] input = g.int8(batches * inH * inW * inD, -128, 127);
        int[] bias = g.bias(outD);
        String act = g.activation();
        Map<String, String> options = Map.of("padding", same ? "SAME" : "VALID", "stride_h", "" + strideH,
                "stride_w", "" + strideW, "dilation_h_factor", "" + dilH, "dilation_w_factor", "" + dilW,
                "depth_multiplier", "" + channelParam, "fused_activation_function", act);
        var ctx = ConvFamilyCase.context(depthwise ? "DEPTHWISE_CONV_2D" : "CONV_2D",
                new int[] {batches, inH, inW, inD}, filterShape, new int[] {batches, outH, outW, outD}, inScale, inZp,
                fs, 0, depthwise ? 3 : 0, filter, bias, outScale, outZp, options);
        ConvFamilyCase c = new ConvFamilyCase(ctx, input, filter, bias, inScale, inZp, fs, 0, outScale, outZp, act);
        int[][] q = c.referenceMultipliers(false);
        int[] a = c.referenceActivation();
        Window w = new Window(batches, inH, inW, inD, fH, fW, outH, outW, outD, strideH, strideW, dilH, dilW, padTop,
                padLeft, inZp, outZp, a[0], a[1], q[0], q[1]);
        return new WindowCase(c, w, channelParam);
    }
}
