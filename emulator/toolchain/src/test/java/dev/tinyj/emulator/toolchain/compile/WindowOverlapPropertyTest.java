package dev.tinyj.emulator.toolchain.compile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tinyj.emulator.toolchain.ops.OpTable;
import dev.tinyj.emulator.toolchain.graph.DType;
import dev.tinyj.emulator.toolchain.graph.Quantization;
import dev.tinyj.emulator.toolchain.graph.TensorInfo;
import dev.tinyj.emulator.toolchain.prepare.AveragePool2DPrepare;
import dev.tinyj.emulator.toolchain.prepare.Conv2DPrepare;
import dev.tinyj.emulator.toolchain.prepare.DepthwiseConv2DPrepare;
import dev.tinyj.emulator.toolchain.prepare.MaxPool2DPrepare;
import dev.tinyj.emulator.toolchain.prepare.OpContext;
import dev.tinyj.emulator.toolchain.prepare.OpOptions;
import dev.tinyj.emulator.toolchain.prepare.PreparedOp;
import dev.tinyj.runtime.kernels.AveragePool2D;
import dev.tinyj.runtime.kernels.Conv2D;
import dev.tinyj.runtime.kernels.DepthwiseConv2D;
import dev.tinyj.runtime.kernels.MaxPool2D;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Rule 3 of the in-place rules on the real kernels: for generated CONV_2D, DEPTHWISE_CONV_2D and
 * pool geometries (batches, sizes, strides, dilations, SAME/VALID, depth multipliers), running the
 * kernel with its output {@link WindowOverlap#distance} bytes below its input, in one array, gives
 * the same output as separate buffers.
 */
class WindowOverlapPropertyTest {
    private static final String[] OPS = {"CONV_2D", "DEPTHWISE_CONV_2D", "AVERAGE_POOL_2D", "MAX_POOL_2D"};

    @Property
    void overlappedOutputEqualsSeparateOutput(@ForAll long seed, @ForAll @IntRange(min = 0, max = 3) int which)
            throws Exception {
        Random r = new Random(seed);
        String op = OPS[which];
        boolean pool = op.equals("AVERAGE_POOL_2D") || op.equals("MAX_POOL_2D");
        int batches = 1 + r.nextInt(2);
        int inH = 1 + r.nextInt(9);
        int inW = 1 + r.nextInt(9);
        int inD = 1 + r.nextInt(5);
        int fh = 1 + r.nextInt(Math.min(inH, 4));
        int fw = 1 + r.nextInt(Math.min(inW, 4));
        int sh = 1 + r.nextInt(3);
        int sw = 1 + r.nextInt(3);
        int dh = pool ? 1 : 1 + r.nextInt(2);
        int dw = pool ? 1 : 1 + r.nextInt(2);
        boolean same = r.nextBoolean();
        int effH = (fh - 1) * dh + 1;
        int effW = (fw - 1) * dw + 1;
        if (!same && (effH > inH || effW > inW)) {
            same = true;
        }
        int outH = same ? (inH + sh - 1) / sh : (inH - effH + sh) / sh;
        int outW = same ? (inW + sw - 1) / sw : (inW - effW + sw) / sw;
        int mult = op.equals("DEPTHWISE_CONV_2D") ? 1 + r.nextInt(3) : 1;
        int outD = switch (op) {
            case "CONV_2D" -> 1 + r.nextInt(6);
            case "DEPTHWISE_CONV_2D" -> inD * mult;
            default -> inD;
        };
        Map<String, String> o = new HashMap<>();
        o.put("padding", same ? "SAME" : "VALID");
        o.put("stride_h", Integer.toString(sh));
        o.put("stride_w", Integer.toString(sw));
        o.put("fused_activation_function", "NONE");
        o.put("dilation_h_factor", Integer.toString(dh));
        o.put("dilation_w_factor", Integer.toString(dw));
        o.put("filter_height", Integer.toString(fh));
        o.put("filter_width", Integer.toString(fw));
        o.put("depth_multiplier", Integer.toString(mult));
        Quantization q = Quantization.perTensor(0.05f, 3);
        TensorInfo input = new TensorInfo(0, "in", DType.INT8, new int[] {batches, inH, inW, inD}, q, null);
        TensorInfo output = new TensorInfo(3, "out", DType.INT8, new int[] {batches, outH, outW, outD},
                pool ? q : Quantization.perTensor(0.2f, -5), null);
        List<TensorInfo> inputs = new ArrayList<>(List.of(input));
        byte[] filter = null;
        if (!pool) {
            int[] fshape = op.equals("CONV_2D") ? new int[] {outD, fh, fw, inD} : new int[] {1, fh, fw, outD};
            filter = bytes(r, fshape[0] * fh * fw * fshape[3]);
            inputs.add(new TensorInfo(1, "filter", DType.INT8, fshape, Quantization.perTensor(0.02f, 0), filter));
        }
        OpContext ctx = new OpContext(op, 0, inputs, output, new OpOptions(o));
        PreparedOp prep = switch (op) {
            case "CONV_2D" -> new Conv2DPrepare().prepare(ctx);
            case "DEPTHWISE_CONV_2D" -> new DepthwiseConv2DPrepare().prepare(ctx);
            case "AVERAGE_POOL_2D" -> new AveragePool2DPrepare().prepare(ctx);
            default -> new MaxPool2DPrepare().prepare(ctx);
        };
        int inBytes = input.bytes();
        int outBytes = output.bytes();
        byte[] in = bytes(r, inBytes);
        byte[] separate = new byte[outBytes];
        eval(op, prep.params(), in, 0, filter, separate, 0);

        int d = (int) WindowOverlap.distance(OpTable.code(op), prep.params());
        assertEquals(0, d % 4);
        byte[] shared = new byte[Math.max(outBytes, d + inBytes)];
        System.arraycopy(in, 0, shared, d, inBytes);
        eval(op, prep.params(), shared, d, filter, shared, 0);
        byte[] got = new byte[outBytes];
        System.arraycopy(shared, 0, got, 0, outBytes);
        assertArrayEquals(separate, got, op + " d=" + d);
    }

    private static void eval(String op, byte[] p, byte[] in, int inOff, byte[] filter, byte[] out, int outOff) {
        switch (op) {
            case "CONV_2D" -> Conv2D.eval(p, 0, in, inOff, filter, 0, null, 0, out, outOff);
            case "DEPTHWISE_CONV_2D" -> DepthwiseConv2D.eval(p, 0, in, inOff, filter, 0, null, 0, out, outOff);
            case "AVERAGE_POOL_2D" -> AveragePool2D.eval(p, 0, in, inOff, out, outOff);
            default -> MaxPool2D.eval(p, 0, in, inOff, out, outOff);
        }
    }

    private static byte[] bytes(Random r, int n) {
        byte[] b = new byte[n];
        r.nextBytes(b);
        return b;
    }
}
