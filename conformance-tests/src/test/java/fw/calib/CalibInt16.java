package fw.calib;

/**
 * The calibration kernels of {@code ../shared/calib} in the int16 style (ids 1-19), ported as
 * closely as Java allows: dimensions, offsets and the offset-adjusted input are {@code short},
 * element values and activation bounds {@code byte}, loop counters and products {@code int}
 * (Java has no narrower arithmetic). Same loop structure as {@code kernels_impl.h} /
 * {@code kernels_loops_impl.h}; a C base pointer becomes a base index, {@code *out++} an index.
 * One method serves both weight locations: the flash variant gets {@code @Progmem} tables, the
 * SRAM variant heap copies. Each kernel is one entry point; the test times exactly that call.
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

    // ---- loop kernels ----

    public static int mac(byte[] a, byte[] b, short n) {
        int acc = 0;
        for (int i = 0; i < n; i++) {
            acc += a[i] * b[i];
        }
        return acc;
    }

    public static void copy(byte[] dst, byte[] src, short n) {
        for (int i = 0; i < n; i++) {
            dst[i] = src[i];
        }
    }

    public static void clamp(byte[] x, short n, byte actMin, byte actMax) {
        for (int i = 0; i < n; i++) {
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

    public static void requant(int[] in, short n, int mult, byte shift, short outOff, byte actMin, byte actMax,
            byte[] out) {
        for (int i = 0; i < n; i++) {
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

    public static void avgpool(byte[] in, short h, short w, short c, byte actMin, byte actMax, byte[] out) {
        final int oh = h / 2, ow = w / 2, cc = c, rowstride = w * c;
        int o = 0;
        for (int oy = 0; oy < oh; oy++) {
            for (int ox = 0; ox < ow; ox++) {
                final int p = (2 * oy * w + 2 * ox) * cc;
                for (int ch = 0; ch < cc; ch++) {
                    short s = (short) (in[p + ch] + in[p + ch + cc] + in[p + ch + rowstride]
                            + in[p + ch + rowstride + cc]);
                    short avg = s > 0 ? (short) ((s + 2) / 4) : (short) ((s - 2) / 4);
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

    // ---- weight kernels ----

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

    public static void fc(short inOff, short outOff, byte actMin, byte actMax, short inDim, short outDim,
            byte[] in, byte[] w, int[] bias, int[] mult, byte[] shift, byte[] out) {
        int wr = 0;
        for (int o = 0; o < outDim; o++) {
            int acc = bias[o];
            for (int i = 0; i < inDim; i++) {
                short x = (short) (in[i] + inOff);
                acc += x * w[wr + i];
            }
            wr += inDim;
            out[o] = finish(acc, mult[o], shift[o], outOff, actMin, actMax);
        }
    }

    public static void conv(short inOff, short outOff, byte actMin, byte actMax, short h, short w, short cin,
            short cout, byte[] in, byte[] wt, int[] bias, int[] mult, byte[] shift, byte[] out) {
        final int hh = h, ww = w, ci = cin, co = cout;
        int o = 0;
        for (int oy = 0; oy < hh; oy++) {
            for (int ox = 0; ox < ww; ox++) {
                for (int oc = 0; oc < co; oc++) {
                    int acc = bias[oc];
                    final int wo = oc * 9 * ci;
                    for (int ky = 0; ky < 3; ky++) {
                        final int iy = oy + ky - 1;
                        if (iy < 0 || iy >= hh) {
                            continue;
                        }
                        for (int kx = 0; kx < 3; kx++) {
                            final int ix = ox + kx - 1;
                            if (ix < 0 || ix >= ww) {
                                continue;
                            }
                            final int ip = (iy * ww + ix) * ci;
                            final int wp = wo + (ky * 3 + kx) * ci;
                            for (int ic = 0; ic < ci; ic++) {
                                short x = (short) (in[ip + ic] + inOff);
                                acc += x * wt[wp + ic];
                            }
                        }
                    }
                    out[o++] = finish(acc, mult[oc], shift[oc], outOff, actMin, actMax);
                }
            }
        }
    }

    public static void dwconv(short inOff, short outOff, byte actMin, byte actMax, short h, short w, short c,
            byte[] in, byte[] wt, int[] bias, int[] mult, byte[] shift, byte[] out) {
        final int hh = h, ww = w, cc = c;
        int o = 0;
        for (int oy = 0; oy < hh; oy++) {
            for (int ox = 0; ox < ww; ox++) {
                for (int ch = 0; ch < cc; ch++) {
                    int acc = bias[ch];
                    for (int ky = 0; ky < 3; ky++) {
                        final int iy = oy + ky - 1;
                        if (iy < 0 || iy >= hh) {
                            continue;
                        }
                        for (int kx = 0; kx < 3; kx++) {
                            final int ix = ox + kx - 1;
                            if (ix < 0 || ix >= ww) {
                                continue;
                            }
                            short x = (short) (in[(iy * ww + ix) * cc + ch] + inOff);
                            acc += x * wt[(ky * 3 + kx) * cc + ch];
                        }
                    }
                    out[o++] = finish(acc, mult[ch], shift[ch], outOff, actMin, actMax);
                }
            }
        }
    }
}
