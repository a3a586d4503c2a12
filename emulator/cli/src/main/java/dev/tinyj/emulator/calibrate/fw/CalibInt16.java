package dev.tinyj.emulator.calibrate.fw;

/**
 * The calibration kernels in the int16 style (bench ids 1-19), a faithful Java rendering of
 * {@code kernels.c} as avr-gcc compiles it, where C {@code int} is 16 bits. The C's type macros map
 * to Java as follows:
 *
 * <ul>
 *   <li>{@code KI} ({@code int}: indices, loop counters, dimensions, products) and {@code KS}
 *       ({@code int16_t}: {@code x = in[i] + in_off}, offsets, size arguments, pool sums) become
 *       {@code short};
 *   <li>{@code KV} ({@code int8_t}: element values, activation bounds) becomes {@code byte};
 *   <li>{@code int32_t} (the accumulator, bias, multipliers) stays {@code int}.
 * </ul>
 *
 * <p>Java computes every {@code short} expression in {@code int}, so each result the C keeps in 16
 * bits is written back through an explicit {@code (short)} cast: the products
 * ({@code acc += (short) (x * w)}), the offset-adjusted input, the index temporaries (a C base
 * pointer such as {@code ip = in + (iy * W + ix) * CI} becomes a {@code short} index) and the loop
 * counters ({@code o++} on a {@code short} is {@code (short) (o + 1)}). A subscript written inline
 * ({@code w[wr + i]}) is left as is: it only forms an address, as the C's pointer arithmetic does.
 * {@code *out++} becomes {@code out[o++]}. Every cast is value-preserving for these shapes (the
 * largest product is 132 x 128 = 16,896, the largest index 16,383), so the outputs equal the C's
 * byte for byte; loop structure, shapes and data are the C's. One method serves both weight
 * locations: the flash variant gets {@code @Progmem} tables, the SRAM variant heap copies.
 * The requantization ({@link CalibQ}) is int32/int64 in both styles, as in {@code qmath.h}.
 */
public final class CalibInt16 {
    private CalibInt16() {
    }

    public static void setup() {
    }

    public static void loop() {
    }

    // ---- untimed helpers for the host ----

    public static byte[] newBytes(int n) {
        return new byte[n];
    }

    public static int[] newInts(int n) {
        return new int[n];
    }

    public static byte[] table8(int id) {
        return CalibQ.table8(id);
    }

    public static int[] table32(int id) {
        return CalibQ.table32(id);
    }

    // ---- loop kernels (kernels_loops_impl.h, kernels.c) ----

    /** {@code mac_s8}: {@code acc += (KI) a[i] * (KI) b[i]}, the product in 16 bits. */
    public static int mac(byte[] a, byte[] b, short n) {
        int acc = 0;
        for (short i = 0; i < n; i++) {
            acc += (short) (a[i] * b[i]);
        }
        return acc;
    }

    /** {@code copy_u8}. */
    public static void copy(byte[] dst, byte[] src, short n) {
        for (short i = 0; i < n; i++) {
            dst[i] = src[i];
        }
    }

    /** {@code clamp_s8}: in place. */
    public static void clamp(byte[] x, short n, byte actMin, byte actMax) {
        for (short i = 0; i < n; i++) {
            byte v = x[i];
            if (v < actMin) {
                v = actMin;
            }
            if (v > actMax) {
                v = actMax;
            }
            x[i] = v;
        }
    }

    /** {@code requant_s32_s8}: its loop counter is 16-bit, its arithmetic int32/int64. */
    public static void requant(int[] in, short n, int mult, byte shift, short outOff, byte actMin, byte actMax,
            byte[] out) {
        for (short i = 0; i < n; i++) {
            int v = CalibQ.mbqm(in[i], mult, shift) + outOff;
            if (v < actMin) {
                v = actMin;
            }
            if (v > actMax) {
                v = actMax;
            }
            out[i] = (byte) v;
        }
    }

    /** {@code avgpool2x2_s8}: 2x2, stride 2, NHWC; round half away from zero; act clamp. */
    public static void avgpool(byte[] in, short h, short w, short c, byte actMin, byte actMax, byte[] out) {
        final short oh = (short) (h / 2), ow = (short) (w / 2), cc = c, rowstride = (short) (w * c);
        short o = 0;
        for (short oy = 0; oy < oh; oy++) {
            for (short ox = 0; ox < ow; ox++) {
                final short p = (short) ((2 * oy * w + 2 * ox) * cc);
                for (short ch = 0; ch < cc; ch++) {
                    short s = (short) (in[p + ch] + in[p + ch + cc] + in[p + ch + rowstride]
                            + in[p + ch + rowstride + cc]);
                    short avg = s > 0 ? (short) ((short) (s + 2) / 4) : (short) ((short) (s - 2) / 4);
                    if (avg < actMin) {
                        avg = actMin;
                    }
                    if (avg > actMax) {
                        avg = actMax;
                    }
                    out[o++] = (byte) avg;
                }
            }
        }
    }

    // ---- weight kernels (kernels_impl.h, kernels_finish_impl.h) ----

    /** {@code finish}: requantize, add the output zero point, clamp. */
    static byte finish(int acc, int mult, byte shift, short outOff, byte actMin, byte actMax) {
        acc = CalibQ.mbqm(acc, mult, shift);
        acc += outOff;
        if (acc < actMin) {
            acc = actMin;
        }
        if (acc > actMax) {
            acc = actMax;
        }
        return (byte) acc;
    }

    /** {@code fc_s8}: weights [outDim][inDim]; {@code wr} is the C's row pointer. */
    public static void fc(short inOff, short outOff, byte actMin, byte actMax, short inDim, short outDim,
            byte[] in, byte[] w, int[] bias, int[] mult, byte[] shift, byte[] out) {
        short wr = 0;
        for (short o = 0; o < outDim; o++) {
            int acc = bias[o];
            for (short i = 0; i < inDim; i++) {
                short x = (short) (in[i] + inOff);
                acc += (short) (x * w[wr + i]);
            }
            wr += inDim;
            out[o] = finish(acc, mult[o], shift[o], outOff, actMin, actMax);
        }
    }

    /** {@code conv3x3_s8}: 3x3, stride 1, SAME, OHWI weights; padding taps skipped. */
    public static void conv(short inOff, short outOff, byte actMin, byte actMax, short h, short w, short cin,
            short cout, byte[] in, byte[] wt, int[] bias, int[] mult, byte[] shift, byte[] out) {
        final short hh = h, ww = w, ci = cin, co = cout;
        short o = 0;
        for (short oy = 0; oy < hh; oy++) {
            for (short ox = 0; ox < ww; ox++) {
                for (short oc = 0; oc < co; oc++) {
                    int acc = bias[oc];
                    final short wo = (short) (oc * 9 * ci);
                    for (short ky = 0; ky < 3; ky++) {
                        final short iy = (short) (oy + ky - 1);
                        if (iy < 0 || iy >= hh) {
                            continue;
                        }
                        for (short kx = 0; kx < 3; kx++) {
                            final short ix = (short) (ox + kx - 1);
                            if (ix < 0 || ix >= ww) {
                                continue;
                            }
                            final short ip = (short) ((iy * ww + ix) * ci);
                            final short wp = (short) (wo + (ky * 3 + kx) * ci);
                            for (short ic = 0; ic < ci; ic++) {
                                short x = (short) (in[ip + ic] + inOff);
                                acc += (short) (x * wt[wp + ic]);
                            }
                        }
                    }
                    out[o++] = finish(acc, mult[oc], shift[oc], outOff, actMin, actMax);
                }
            }
        }
    }

    /** {@code dwconv3x3_s8}: 3x3, stride 1, SAME, multiplier 1, weights [1][3][3][C]. */
    public static void dwconv(short inOff, short outOff, byte actMin, byte actMax, short h, short w, short c,
            byte[] in, byte[] wt, int[] bias, int[] mult, byte[] shift, byte[] out) {
        final short hh = h, ww = w, cc = c;
        short o = 0;
        for (short oy = 0; oy < hh; oy++) {
            for (short ox = 0; ox < ww; ox++) {
                for (short ch = 0; ch < cc; ch++) {
                    int acc = bias[ch];
                    for (short ky = 0; ky < 3; ky++) {
                        final short iy = (short) (oy + ky - 1);
                        if (iy < 0 || iy >= hh) {
                            continue;
                        }
                        for (short kx = 0; kx < 3; kx++) {
                            final short ix = (short) (ox + kx - 1);
                            if (ix < 0 || ix >= ww) {
                                continue;
                            }
                            short x = (short) (in[(iy * ww + ix) * cc + ch] + inOff);
                            acc += (short) (x * wt[(ky * 3 + kx) * cc + ch]);
                        }
                    }
                    out[o++] = finish(acc, mult[ch], shift[ch], outOff, actMin, actMax);
                }
            }
        }
    }
}
