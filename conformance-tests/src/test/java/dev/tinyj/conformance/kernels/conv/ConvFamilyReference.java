package dev.tinyj.conformance.kernels.conv;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * An independent, plainly written model of the int8 convolution family for the properties: exact
 * {@link BigInteger} arithmetic for the rounding steps, {@link BigDecimal} for QuantizeMultiplier,
 * accumulators in {@code long} wrapped to int32 once at the end, and its own index arithmetic. It
 * shares no code with the runtime kernels or the host prepare.
 */
final class ConvFamilyReference {
    private static final BigInteger TWO_31 = BigInteger.ONE.shiftLeft(31);

    private ConvFamilyReference() {
    }

    /** {@code {multiplier, shift}} with real = multiplier · 2^(shift − 31), as QuantizeMultiplier. */
    static int[] quantizeMultiplier(double real) {
        if (real == 0) {
            return new int[] {0, 0};
        }
        BigDecimal exact = new BigDecimal(real);
        int e = 0;
        // find e with 0.5 <= real / 2^e < 1
        BigDecimal half = new BigDecimal("0.5");
        BigDecimal m = exact;
        while (m.compareTo(BigDecimal.ONE) >= 0) {
            m = m.divide(BigDecimal.valueOf(2));
            e++;
        }
        while (m.compareTo(half) < 0) {
            m = m.multiply(BigDecimal.valueOf(2));
            e--;
        }
        BigInteger q = m.multiply(new BigDecimal(TWO_31)).setScale(0, RoundingMode.HALF_UP).toBigIntegerExact();
        if (q.equals(TWO_31)) {
            q = q.shiftRight(1);
            e++;
        }
        if (e < -31) {
            return new int[] {0, 0};
        }
        return new int[] {q.intValueExact(), e};
    }

    /** x · multiplier · 2^(shift − 31) with gemmlowp's two roundings, exactly. */
    static int requantize(int x, int multiplier, int shift) {
        int left = Math.max(shift, 0);
        int right = Math.max(-shift, 0);
        int shifted = BigInteger.valueOf(x).shiftLeft(left).intValue(); // int32 wrap, as the C++ multiply
        int high;
        if (shifted == Integer.MIN_VALUE && multiplier == Integer.MIN_VALUE) {
            high = Integer.MAX_VALUE;
        } else {
            BigInteger ab = BigInteger.valueOf(shifted).multiply(BigInteger.valueOf(multiplier));
            BigInteger nudge = ab.signum() >= 0 ? BigInteger.ONE.shiftLeft(30)
                    : BigInteger.ONE.subtract(BigInteger.ONE.shiftLeft(30));
            high = ab.add(nudge).divide(TWO_31).intValue(); // BigInteger.divide truncates toward zero
        }
        return divideRoundHalfAway(high, right);
    }

    private static int divideRoundHalfAway(int x, int exponent) {
        BigInteger d = BigInteger.ONE.shiftLeft(exponent);
        BigInteger[] qr = BigInteger.valueOf(Math.abs((long) x)).divideAndRemainder(d);
        BigInteger q = qr[0];
        if (qr[1].shiftLeft(1).compareTo(d) >= 0 && exponent > 0) {
            q = q.add(BigInteger.ONE);
        }
        return (x < 0 ? q.negate() : q).intValue();
    }

    static int clampToInt8(long v, int lo, int hi) {
        return (int) Math.max(lo, Math.min(hi, v));
    }

    /** The whole model of a window op: sizes and quantities of one generated case. */
    record Window(int batches, int inH, int inW, int inD, int fH, int fW, int outH, int outW, int outD,
            int strideH, int strideW, int dilH, int dilW, int padTop, int padLeft, int inZp, int outZp,
            int actMin, int actMax, int[] mult, int[] shift) {
    }

    /** CONV_2D over NHWC input, OHWI filter with {@code filterInD} input channels per group. */
    static byte[] conv(Window g, int filterInD, byte[] in, byte[] filter, int[] bias) {
        byte[] out = new byte[g.batches() * g.outH() * g.outW() * g.outD()];
        int groupsOut = g.outD() / (g.inD() / filterInD);
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
                                for (int i = 0; i < filterInD; i++) {
                                    int ci = (o / groupsOut) * filterInD + i;
                                    int a = in[idx4(n, sy, sx, ci, g.inH(), g.inW(), g.inD())] - g.inZp();
                                    int w = filter[idx4(o, ky, kx, i, g.fH(), g.fW(), filterInD)];
                                    sum += (long) a * w;
                                }
                            }
                        }
                        out[idx4(n, y, x, o, g.outH(), g.outW(), g.outD())] = finish(g, sum, bias, o);
                    }
                }
            }
        }
        return out;
    }

    /** DEPTHWISE_CONV_2D over NHWC input and a 1HWO filter, O = inD · multiplier. */
    static byte[] depthwise(Window g, int multiplier, byte[] in, byte[] filter, int[] bias) {
        byte[] out = new byte[g.batches() * g.outH() * g.outW() * g.outD()];
        for (int n = 0; n < g.batches(); n++) {
            for (int y = 0; y < g.outH(); y++) {
                for (int x = 0; x < g.outW(); x++) {
                    for (int o = 0; o < g.outD(); o++) {
                        int ci = o / multiplier;
                        long sum = 0;
                        for (int ky = 0; ky < g.fH(); ky++) {
                            for (int kx = 0; kx < g.fW(); kx++) {
                                int sy = y * g.strideH() + ky * g.dilH() - g.padTop();
                                int sx = x * g.strideW() + kx * g.dilW() - g.padLeft();
                                if (sy >= 0 && sx >= 0 && sy < g.inH() && sx < g.inW()) {
                                    int a = in[idx4(n, sy, sx, ci, g.inH(), g.inW(), g.inD())] - g.inZp();
                                    sum += (long) a * filter[idx4(0, ky, kx, o, g.fH(), g.fW(), g.outD())];
                                }
                            }
                        }
                        out[idx4(n, y, x, o, g.outH(), g.outW(), g.outD())] = finish(g, sum, bias, o);
                    }
                }
            }
        }
        return out;
    }

    /** FULLY_CONNECTED: rows × depth input, units × depth filter. */
    static byte[] fullyConnected(int rows, int depth, int units, int inZp, int filterZp, int outZp, int actMin,
            int actMax, int[] mult, int[] shift, byte[] in, byte[] filter, int[] bias) {
        byte[] out = new byte[rows * units];
        for (int r = 0; r < rows; r++) {
            for (int u = 0; u < units; u++) {
                long sum = 0;
                for (int d = 0; d < depth; d++) {
                    sum += (long) (filter[u * depth + d] - filterZp) * (in[r * depth + d] - inZp);
                }
                if (bias != null) {
                    sum += bias[u];
                }
                int c = mult.length == 1 ? 0 : u;
                out[r * units + u] = (byte) clampToInt8((long) requantize((int) sum, mult[c], shift[c]) + outZp,
                        actMin, actMax);
            }
        }
        return out;
    }

    private static byte finish(Window g, long sum, int[] bias, int o) {
        if (bias != null) {
            sum += bias[o];
        }
        int c = g.mult().length == 1 ? 0 : o;
        return (byte) clampToInt8((long) requantize((int) sum, g.mult()[c], g.shift()[c]) + g.outZp(), g.actMin(),
                g.actMax());
    }

    private static int idx4(int a, int b, int c, int d, int nb, int nc, int nd) {
        return ((a * nb + b) * nc + c) * nd + d;
    }
}
