package dev.tinyj.conformance.kernels.int16;

import dev.tinyj.conformance.kernels.elementwise.RefInt8;
import java.math.BigInteger;

/**
 * A plainly written model of TFLM's int16 (16x8) kernels for the properties, sharing no code with
 * the runtime kernels or the host prepare: the 64-bit requantization from its definition in
 * {@link BigInteger}, the 32-bit one through {@link RefInt8#scale}, its own index arithmetic, the
 * table lookup with floor division instead of shifts. Semantics (tflite-micro
 * 90b983c2b3f1480642e040bbd2ddb37b998f3424): the 16x8 convolutions apply no zero points;
 * FULLY_CONNECTED does; an int32 accumulator wraps; an int64 one is requantized with the
 * multiplier rounded to 16 bits.
 */
final class RefInt16 {
    private RefInt16() {
    }

    /** Window geometry of a CONV_2D or DEPTHWISE_CONV_2D case (NHWC). */
    record Geometry(int batches, int inH, int inW, int inD, int fH, int fW, int outH, int outW, int outD,
            int strideH, int strideW, int dilH, int dilW, int padTop, int padLeft) {
    }

    /** The requantization of one layer: per-channel (or single) multipliers, accumulator width, clamp. */
    record Requant(int[] mult, int[] shift, boolean acc64, int outOffset, int lo, int hi) {
        short finish(long sum, long[] bias, int channel) {
            long s = sum + (bias == null ? 0 : bias[channel]);
            int c = mult.length == 1 ? 0 : channel;
            int scaled = acc64 ? scale64(s, mult[c], shift[c]) : RefInt8.scale((int) s, mult[c], shift[c]);
            return (short) Math.max(lo, Math.min(hi, (long) scaled + outOffset));
        }
    }

    /**
     * {@code MultiplyByQuantizedMultiplier(int64_t x, m, shift)}: m rounded half up to 16 bits
     * (saturating at 0x7FFF from 0x7FFF0000), then {@code floor((x · m16 + 2^(14 − shift)) / 2^(15 − shift))}
     * taken modulo 2^32.
     */
    static int scale64(long x, int multiplier, int shift) {
        int m16 = multiplier >= 0x7FFF0000 ? 0x7FFF
                : BigInteger.valueOf(multiplier).add(BigInteger.valueOf(32768)).shiftRight(16).intValueExact();
        int total = 15 - shift;
        BigInteger p = BigInteger.TWO.pow(total);
        BigInteger num = BigInteger.valueOf(x).multiply(BigInteger.valueOf(m16)).add(BigInteger.TWO.pow(total - 1));
        return num.subtract(num.mod(p)).divide(p).intValue(); // exact floor, then the low 32 bits
    }

    /** Fused activation clamp {lo, hi} for an int16 output. */
    static int[] activation(String act, float scale, int zp) {
        int lo = -32768;
        int hi = 32767;
        switch (act) {
            case "RELU" -> lo = Math.max(lo, zp + RefInt8.roundfToInt32(0f / scale));
            case "RELU6" -> {
                lo = Math.max(lo, zp + RefInt8.roundfToInt32(0f / scale));
                hi = Math.min(hi, zp + RefInt8.roundfToInt32(6f / scale));
            }
            case "RELU_N1_TO_1" -> {
                lo = Math.max(lo, zp + RefInt8.roundfToInt32(-1f / scale));
                hi = Math.min(hi, zp + RefInt8.roundfToInt32(1f / scale));
            }
            default -> {
            }
        }
        return new int[] {lo, hi};
    }

    /** CONV_2D (OHWI filter, {@code filterInD} input channels per group) or DEPTHWISE_CONV_2D (1HWO, multiplier {@code m}). */
    static short[] window(Geometry g, boolean depthwise, int channelParam, short[] in, byte[] filter, long[] bias,
            Requant q) {
        short[] out = new short[g.batches() * g.outH() * g.outW() * g.outD()];
        int groupSize = depthwise ? 0 : g.outD() / (g.inD() / channelParam);
        for (int n = 0; n < g.batches(); n++) {
            for (int y = 0; y < g.outH(); y++) {
                for (int x = 0; x < g.outW(); x++) {
                    for (int o = 0; o < g.outD(); o++) {
                        long sum = 0;
                        for (int ky = 0; ky < g.fH(); ky++) {
                            for (int kx = 0; kx < g.fW(); kx++) {
                                int sy = y * g.strideH() + ky * g.dilH() - g.padTop();
                                int sx = x * g.strideW() + kx * g.dilW() - g.padLeft();
                                if (sy < 0 || sx < 0 || sy >= g.inH() || sx >= g.inW()) {
                                    continue;
                                }
                                if (depthwise) {
                                    int a = in[idx(n, sy, sx, o / channelParam, g.inH(), g.inW(), g.inD())];
                                    sum += (long) a * filter[idx(0, ky, kx, o, g.fH(), g.fW(), g.outD())];
                                } else {
                                    for (int i = 0; i < channelParam; i++) {
                                        int a = in[idx(n, sy, sx, (o / groupSize) * channelParam + i, g.inH(), g.inW(),
                                                g.inD())];
                                        sum += (long) a * filter[idx(o, ky, kx, i, g.fH(), g.fW(), channelParam)];
                                    }
                                }
                            }
                        }
                        out[idx(n, y, x, o, g.outH(), g.outW(), g.outD())] = q.finish(sum, bias, o);
                    }
                }
            }
        }
        return out;
    }

    /** FULLY_CONNECTED: rows × depth input, units × depth filter, offsets applied (int32 products). */
    static short[] fullyConnected(int rows, int depth, int units, int inZp, int filterZp, short[] in, byte[] filter,
            long[] bias, Requant q) {
        short[] out = new short[rows * units];
        for (int r = 0; r < rows; r++) {
            for (int u = 0; u < units; u++) {
                long sum = 0;
                for (int d = 0; d < depth; d++) {
                    sum += (long) (filter[u * depth + d] - filterZp) * (in[r * depth + d] - inZp);
                }
                out[r * units + u] = q.finish(sum, bias, u);
            }
        }
        return out;
    }

    /** AVERAGE_POOL_2D or MAX_POOL_2D over the taps inside the input; the mean rounded half away from zero. */
    static short[] pool(Geometry g, boolean average, short[] in, int lo, int hi) {
        short[] out = new short[g.batches() * g.outH() * g.outW() * g.inD()];
        for (int n = 0; n < g.batches(); n++) {
            for (int y = 0; y < g.outH(); y++) {
                for (int x = 0; x < g.outW(); x++) {
                    for (int c = 0; c < g.inD(); c++) {
                        long sum = 0;
                        int count = 0;
                        int max = -32768;
                        for (int ky = 0; ky < g.fH(); ky++) {
                            for (int kx = 0; kx < g.fW(); kx++) {
                                int sy = y * g.strideH() + ky - g.padTop();
                                int sx = x * g.strideW() + kx - g.padLeft();
                                if (sy >= 0 && sx >= 0 && sy < g.inH() && sx < g.inW()) {
                                    int v = in[idx(n, sy, sx, c, g.inH(), g.inW(), g.inD())];
                                    sum += v;
                                    count++;
                                    max = Math.max(max, v);
                                }
                            }
                        }
                        long v = average ? Long.signum(sum) * ((2 * Math.abs(sum) + count) / (2L * count)) : max;
                        out[idx(n, y, x, c, g.outH(), g.outW(), g.inD())] = (short) Math.max(lo, Math.min(hi, v));
                    }
                }
            }
        }
        return out;
    }

    /**
     * int16 SOFTMAX over rows of {@code depth} with TFLM's tables ({@code exp}, {@code inv}: 513
     * entries each) and the input multiplier {@code {mult, shift}}.
     */
    static short[] softmax(short[] in, int depth, int mult, int shift, short[] exp, short[] inv) {
        short[] out = new short[in.length];
        for (int row = 0; row < in.length; row += depth) {
            int max = Short.MIN_VALUE;
            for (int c = 0; c < depth; c++) {
                max = Math.max(max, in[row + c]);
            }
            int[] e = new int[depth];
            int sum = 0;
            for (int c = 0; c < depth; c++) {
                int scaled = RefInt8.scale(in[row + c] - max, mult, shift);
                e[c] = lookup(exp, saturate((long) scaled + 32767));
                sum += e[c];
            }
            int h = 32 - BigInteger.valueOf(sum).bitLength();
            long shiftedSum = Math.floorDiv((long) sum * (1L << (h - 1)) + 8192, 16384);
            int reciprocal = lookup(inv, saturate(shiftedSum - 98304));
            long half = 1L << (30 - h);
            for (int c = 0; c < depth; c++) {
                long v = Math.floorDiv((long) e[c] * reciprocal + half, 2 * half);
                out[row + c] = (short) Math.max(0, Math.min(32767, v));
            }
        }
        return out;
    }

    /** QUANTIZE from int16: requantized values clamped to the {@code bytes}-byte output type, little-endian bytes. */
    static byte[] requantize(short[] in, int inZp, int mult, int shift, int outZp, int bytes) {
        long lo = -(1L << (8 * bytes - 1));
        long hi = (1L << (8 * bytes - 1)) - 1;
        byte[] out = new byte[in.length * bytes];
        for (int i = 0; i < in.length; i++) {
            long v = Math.max(lo, Math.min(hi, (long) RefInt8.scale(in[i] - inZp, mult, shift) + outZp));
            for (int b = 0; b < bytes; b++) {
                out[i * bytes + b] = (byte) (v >> (8 * b));
            }
        }
        return out;
    }

    /** Table entry {@code 256 + floor(v / 128)} plus the int16 slope to the next entry times {@code v mod 128}, rounded. */
    static int lookup(short[] table, int v) {
        int index = 256 + Math.floorDiv(v, 128);
        int frac = Math.floorMod(v, 128);
        int slope = (short) (table[index + 1] - table[index]);
        return (short) (table[index] + Math.floorDiv(slope * frac + 64, 128));
    }

    private static int saturate(long v) {
        return (int) Math.max(-32768, Math.min(32767, v));
    }

    private static int idx(int a, int b, int c, int d, int nb, int nc, int nd) {
        return ((a * nb + b) * nc + c) * nd + d;
    }
}
