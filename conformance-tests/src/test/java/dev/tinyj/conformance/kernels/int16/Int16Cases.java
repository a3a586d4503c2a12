package dev.tinyj.conformance.kernels.int16;

import dev.tinyj.conformance.kernels.elementwise.RefInt8;
import dev.tinyj.conformance.kernels.int16.RefInt16.Geometry;
import dev.tinyj.conformance.kernels.int16.RefInt16.Requant;
import dev.tinyj.emulator.toolchain.graph.DType;
import dev.tinyj.emulator.toolchain.graph.Quantization;
import dev.tinyj.emulator.toolchain.graph.TensorInfo;
import dev.tinyj.emulator.toolchain.prepare.OpContext;
import dev.tinyj.emulator.toolchain.prepare.OpOptions;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Generated int16 (16x8) operator cases: the context the host prepare sees and the numbers the
 * reference ({@link RefInt16}) needs, from one seed. Shapes are capped small; int16 activations
 * over their whole range (or a narrow one), int64 biases past 32 bits, int32 biases up to
 * wrapping the 32-bit accumulator, effective scales 2^-22 .. 2^2, zero points, every activation.
 */
final class Int16Cases {
    private Int16Cases() {
    }

    /**
     * A CONV_2D / DEPTHWISE_CONV_2D / FULLY_CONNECTED case.
     *
     * @param g the window (null for FULLY_CONNECTED)
     * @param channelParam CONV_2D: filter input depth; DEPTHWISE_CONV_2D: multiplier; FULLY_CONNECTED: depth
     * @param inZp FULLY_CONNECTED's input zero point (the 16x8 convolutions apply none)
     * @param filterZp FULLY_CONNECTED's filter zero point
     */
    record Layer(OpContext ctx, Geometry g, int channelParam, short[] in, byte[] filter, long[] bias, Requant q,
            int inZp, int filterZp) {
    }

    /** An AVERAGE_POOL_2D / MAX_POOL_2D case. */
    record Pool(OpContext ctx, Geometry g, short[] in, int lo, int hi) {
    }

    /** A SOFTMAX case: rows of {@code depth}, input multiplier {@code {mult, shift}}. */
    record Softmax(OpContext ctx, short[] in, int depth, int mult, int shift) {
    }

    /** A QUANTIZE case from int16: output int8, int16 or int32, multiplier {@code {mult, shift}}. */
    record Requantize(OpContext ctx, short[] in, int inZp, int outZp, int mult, int shift) {
    }

    /** A CONV_2D ({@code depthwise} false) or DEPTHWISE_CONV_2D case, or null when its output would be empty. */
    static Layer window(long seed, boolean depthwise) {
        Random r = new Random(seed);
        int batches = between(r, 1, 2);
        int inH = between(r, 1, 7);
        int inW = between(r, 1, 7);
        int fH = between(r, 1, 3);
        int fW = between(r, 1, 3);
        int sH = between(r, 1, 3);
        int sW = between(r, 1, 3);
        int dH = between(r, 1, 3);
        int dW = between(r, 1, 3);
        boolean same = r.nextBoolean();
        int channelParam;
        int inD;
        int outD;
        if (depthwise) {
            inD = between(r, 1, 4);
            channelParam = between(r, 1, 3);
            outD = inD * channelParam;
        } else {
            int groups = between(r, 1, 2);
            channelParam = between(r, 1, 3);
            inD = groups * channelParam;
            outD = groups * between(r, 1, 3);
        }
        int effH = (fH - 1) * dH + 1;
        int effW = (fW - 1) * dW + 1;
        int outH = same ? (inH + sH - 1) / sH : inH >= effH ? (inH - effH) / sH + 1 : 0;
        int outW = same ? (inW + sW - 1) / sW : inW >= effW ? (inW - effW) / sW + 1 : 0;
        if (outH <= 0 || outW <= 0) {
            return null;
        }
        Geometry g = new Geometry(batches, inH, inW, inD, fH, fW, outH, outW, outD, sH, sW, dH, dW,
                Math.max(0, (outH - 1) * sH + effH - inH) / 2, Math.max(0, (outW - 1) * sW + effW - inW) / 2);
        float inScale = RefInt8.scale(r, -14, -4);
        float[] fs = filterScales(r, outD > 1 && r.nextBoolean() ? outD : 1);
        float outScale = Math.scalb(inScale * fs[0], -2 + r.nextInt(25)); // effective 2^-22 .. 2^2
        int inZp = zeroPoint(r);
        int outZp = zeroPoint(r);
        String act = RefInt8.ACTIVATIONS[r.nextInt(4)];
        short[] in = int16s(r, batches * inH * inW * inD);
        byte[] filter = int8s(r, outD * fH * fW * (depthwise ? 1 : channelParam));
        DType biasType = depthwise ? (r.nextInt(4) == 0 ? null : DType.INT64) : biasType(r);
        long[] bias = bias(r, biasType, outD);
        List<TensorInfo> ins = new ArrayList<>();
        ins.add(new TensorInfo(0, "input", DType.INT16, new int[] {batches, inH, inW, inD},
                Quantization.perTensor(inScale, inZp), null));
        ins.add(new TensorInfo(1, "filter", DType.INT8, depthwise ? new int[] {1, fH, fW, outD}
                : new int[] {outD, fH, fW, channelParam}, new Quantization(fs, new long[fs.length], depthwise ? 3 : 0),
                filter));
        addBias(ins, biasType, bias, inScale, fs);
        TensorInfo out = new TensorInfo(3, "output", DType.INT16, new int[] {batches, outH, outW, outD},
                Quantization.perTensor(outScale, outZp), null);
        // without a bias, CONV_2D's option quantized_bias_type INT32 asks for a 32-bit accumulator
        boolean int32Accumulator = biasType == DType.INT32 || !depthwise && biasType == null && r.nextBoolean();
        Map<String, String> options = Map.of("padding", same ? "SAME" : "VALID", "stride_h", "" + sH, "stride_w",
                "" + sW, "dilation_h_factor", "" + dH, "dilation_w_factor", "" + dW, "depth_multiplier",
                "" + channelParam, "fused_activation_function", act, "quantized_bias_type",
                int32Accumulator ? "INT32" : "FLOAT32");
        int[] lohi = RefInt16.activation(act, outScale, outZp);
        int[][] m = multipliers(inScale, fs, outScale, false);
        Requant q = new Requant(m[0], m[1], !int32Accumulator, 0, lohi[0], lohi[1]);
        OpContext ctx = new OpContext(depthwise ? "DEPTHWISE_CONV_2D" : "CONV_2D", 4, ins, out, new OpOptions(options));
        return new Layer(ctx, g, channelParam, in, filter, bias, q, 0, 0);
    }

    /** A FULLY_CONNECTED case: rows × depth input, units × depth filter. */
    static Layer fullyConnected(long seed) {
        Random r = new Random(seed);
        int depth = between(r, 1, 24);
        int units = between(r, 1, 8);
        int rows = between(r, 1, 4);
        boolean perChannel = units > 1 && r.nextBoolean();
        float inScale = RefInt8.scale(r, -14, -4);
        float[] fs = filterScales(r, perChannel ? units : 1);
        float outScale = Math.scalb(inScale * fs[0], -2 + r.nextInt(23)); // effective 2^-20 .. 2^2
        int inZp = zeroPoint(r);
        int outZp = zeroPoint(r);
        int filterZp = perChannel || r.nextInt(3) > 0 ? 0 : between(r, -5, 5);
        String act = RefInt8.ACTIVATIONS[r.nextInt(4)];
        short[] in = int16s(r, rows * depth);
        byte[] filter = int8s(r, units * depth);
        DType biasType = biasType(r);
        long[] bias = bias(r, biasType, units);
        List<TensorInfo> ins = new ArrayList<>();
        ins.add(new TensorInfo(0, "input", DType.INT16, new int[] {rows, depth}, Quantization.perTensor(inScale, inZp),
                null));
        long[] fzp = new long[fs.length];
        Arrays.fill(fzp, filterZp);
        ins.add(new TensorInfo(1, "filter", DType.INT8, new int[] {units, depth}, new Quantization(fs, fzp, 0), filter));
        addBias(ins, biasType, bias, inScale, fs);
        TensorInfo out = new TensorInfo(3, "output", DType.INT16, new int[] {rows, units},
                Quantization.perTensor(outScale, outZp), null);
        int[] lohi = RefInt16.activation(act, outScale, outZp);
        int[][] m = multipliers(inScale, fs, outScale, !perChannel);
        boolean int32Accumulator = biasType == DType.INT32 || biasType == null && r.nextBoolean();
        Requant q = new Requant(m[0], m[1], !int32Accumulator, outZp, lohi[0], lohi[1]);
        OpContext ctx = new OpContext("FULLY_CONNECTED", 4, ins, out, new OpOptions(Map.of("fused_activation_function",
                act, "quantized_bias_type", int32Accumulator ? "INT32" : "FLOAT32")));
        return new Layer(ctx, null, depth, in, filter, bias, q, inZp, filterZp);
    }

    /** An AVERAGE_POOL_2D or MAX_POOL_2D case. */
    static Pool pool(long seed, String op) {
        Random r = new Random(seed);
        int h = between(r, 1, 7);
        int w = between(r, 1, 7);
        boolean same = r.nextBoolean();
        int fh = between(r, 1, same ? 5 : h);
        int fw = between(r, 1, same ? 5 : w);
        int n = between(r, 1, 2);
        int c = between(r, 1, 3);
        int sh = between(r, 1, 3);
        int sw = between(r, 1, 3);
        int outH = same ? (h + sh - 1) / sh : (h - fh) / sh + 1;
        int outW = same ? (w + sw - 1) / sw : (w - fw) / sw + 1;
        Geometry g = new Geometry(n, h, w, c, fh, fw, outH, outW, c, sh, sw, 1, 1,
                Math.max(0, (outH - 1) * sh + fh - h) / 2, Math.max(0, (outW - 1) * sw + fw - w) / 2);
        float scale = RefInt8.scale(r, -14, -2);
        int zp = zeroPoint(r);
        String act = RefInt8.ACTIVATIONS[r.nextInt(4)];
        Quantization q = Quantization.perTensor(scale, zp);
        TensorInfo in = new TensorInfo(0, "input", DType.INT16, new int[] {n, h, w, c}, q, null);
        TensorInfo out = new TensorInfo(1, "output", DType.INT16, new int[] {n, outH, outW, c}, q, null);
        OpContext ctx = new OpContext(op, 2, List.of(in), out, new OpOptions(Map.of("padding", same ? "SAME" : "VALID",
                "stride_h", "" + sh, "stride_w", "" + sw, "filter_height", "" + fh, "filter_width", "" + fw,
                "fused_activation_function", act)));
        int[] lohi = RefInt16.activation(act, scale, zp);
        return new Pool(ctx, g, int16s(r, n * h * w * c), lohi[0], lohi[1]);
    }

    /** A SOFTMAX case: rank 1 to 3, rows of 1 to 40, input scale 2^-14 .. 2^-3, beta 1 or random. */
    static Softmax softmax(long seed) {
        Random r = new Random(seed);
        int depth = between(r, 1, 40);
        int rank = between(r, 1, 3);
        int[] shape = rank == 1 ? new int[] {depth} : rank == 2 ? new int[] {between(r, 1, 4), depth}
                : new int[] {between(r, 1, 2), between(r, 1, 3), depth};
        int n = Arrays.stream(shape).reduce(1, (a, b) -> a * b);
        float inScale = RefInt8.scale(r, -14, -3);
        float beta = r.nextBoolean() ? 1.0f : (float) (0.1 + 1.9 * r.nextDouble());
        TensorInfo in = new TensorInfo(0, "input", DType.INT16, shape, Quantization.perTensor(inScale, 0), null);
        TensorInfo out = new TensorInfo(1, "output", DType.INT16, shape, Quantization.perTensor(1.0f / 32768, 0), null);
        OpContext ctx = new OpContext("SOFTMAX", 13, List.of(in), out, new OpOptions(Map.of("beta", "" + beta)));
        int[] m = RefInt8.multiplier((double) inScale * (double) beta / (10.0 / 65535.0));
        return new Softmax(ctx, int16s(r, n), depth, m[0], m[1]);
    }

    /** A QUANTIZE case: int16 input of 1 to 40 elements, an effective scale 2^-20 .. 2^15. */
    static Requantize requantize(long seed) {
        Random r = new Random(seed);
        int n = between(r, 1, 40);
        DType outType = List.of(DType.INT8, DType.INT16, DType.INT32).get(r.nextInt(3));
        float inScale = RefInt8.scale(r, -12, 0);
        float outScale = Math.scalb(inScale, -15 + r.nextInt(36));
        int inZp = zeroPoint(r);
        int outZp = outType == DType.INT8 ? between(r, -128, 127) : zeroPoint(r);
        TensorInfo in = new TensorInfo(0, "input", DType.INT16, new int[] {n}, Quantization.perTensor(inScale, inZp),
                null);
        TensorInfo out = new TensorInfo(1, "output", outType, new int[] {n}, Quantization.perTensor(outScale, outZp),
                null);
        int[] m = RefInt8.multiplier((double) inScale / (double) outScale);
        return new Requantize(new OpContext("QUANTIZE", 0, List.of(in), out, OpOptions.none()), int16s(r, n), inZp,
                outZp, m[0], m[1]);
    }

    static int between(Random r, int lo, int hi) {
        return lo + r.nextInt(hi - lo + 1);
    }

    /** int16 values over the whole range, or (one case in three) within ±300. */
    static short[] int16s(Random r, int n) {
        int range = r.nextInt(3) == 0 ? 300 : 32768;
        short[] v = new short[n];
        for (int k = 0; k < n; k++) {
            v[k] = (short) Math.max(-32768, Math.min(32767, r.nextInt(2 * range + 1) - range));
        }
        return v;
    }

    static byte[] int8s(Random r, int n) {
        byte[] b = new byte[n];
        for (int k = 0; k < n; k++) {
            b[k] = (byte) between(r, -127, 127);
        }
        return b;
    }

    /** Little-endian bytes of int16 values. */
    static byte[] bytes(short[] v) {
        ByteBuffer b = ByteBuffer.allocate(2 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        for (short x : v) {
            b.putShort(x);
        }
        return b.array();
    }

    /** int16 values of little-endian bytes. */
    static short[] shorts(byte[] b) {
        short[] v = new short[b.length / 2];
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(v);
        return v;
    }

    private static float[] filterScales(Random r, int n) {
        float[] fs = new float[n];
        for (int k = 0; k < n; k++) {
            fs[k] = RefInt8.scale(r, -10, -3);
        }
        return fs;
    }

    private static int zeroPoint(Random r) {
        return r.nextInt(3) == 0 ? between(r, -300, 300) : 0;
    }

    /** No bias (a quarter), int64 (half) or int32 (a quarter). */
    private static DType biasType(Random r) {
        int k = r.nextInt(4);
        return k == 0 ? null : k == 3 ? DType.INT32 : DType.INT64;
    }

    private static long[] bias(Random r, DType type, int n) {
        if (type == null) {
            return null;
        }
        long range = type == DType.INT64 ? (r.nextBoolean() ? 1L << 40 : 1L << 20)
                : (r.nextInt(4) == 0 ? Integer.MAX_VALUE : 1L << 20);
        long[] v = new long[n];
        for (int k = 0; k < n; k++) {
            v[k] = (long) ((2 * r.nextDouble() - 1) * range);
        }
        return v;
    }

    private static void addBias(List<TensorInfo> ins, DType type, long[] bias, float inScale, float[] fs) {
        if (type == null) {
            return;
        }
        float[] bs = new float[fs.length];
        for (int c = 0; c < bs.length; c++) {
            bs[c] = inScale * fs[c];
        }
        ByteBuffer b = ByteBuffer.allocate(bias.length * type.bytes()).order(ByteOrder.LITTLE_ENDIAN);
        for (long v : bias) {
            if (type == DType.INT64) {
                b.putLong(v);
            } else {
                b.putInt((int) v);
            }
        }
        ins.add(new TensorInfo(2, "bias", type, new int[] {bias.length}, new Quantization(bs, new long[bs.length], 0),
                b.array()));
    }

    /** Per-channel {mult[], shift[]}: double product, or (FULLY_CONNECTED per-tensor) the float product widened. */
    private static int[][] multipliers(float inScale, float[] fs, float outScale, boolean floatProduct) {
        int[] mult = new int[fs.length];
        int[] shift = new int[fs.length];
        for (int c = 0; c < fs.length; c++) {
            double real = floatProduct ? (double) (inScale * fs[c]) / (double) outScale
                    : (double) inScale * (double) fs[c] / (double) outScale;
            int[] m = RefInt8.multiplier(real);
            mult[c] = m[0];
            shift[c] = m[1];
        }
        return new int[][] {mult, shift};
    }
}
