package dev.tinyj.emulator.calibrate.fw;

/**
 * The Java-like int32 twins (bench ids 20-35) of the calibration kernels, as {@code kernels_i32.c}
 * instantiates them: {@code KI}, {@code KS} and {@code KV} are all {@code int32_t}, so every index,
 * loop counter, dimension, offset, product, compared value and activation bound is a Java
 * {@code int}, and the parameter blocks' fields ({@code fc_params32_t}, ...) are {@code int}
 * parameters. Only the element arrays stay {@code byte[]} and the per-channel shift {@code byte}
 * ({@code int8_t} in both styles). Same loop structure, shapes and data as {@link CalibInt16}; the
 * requantize loop has no twin, as in the C.
 */
public final class CalibInt32 {
    private CalibInt32() {
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

    /** {@code mac_s8_i32}. */
    public static int mac(byte[] a, byte[] b, int n) {
        int acc = 0;
        for (int i = 0; i < n; i++) {
            acc += a[i] * b[i];
        }
        return acc;
    }

    /** {@code copy_u8_i32}. */
    public static void copy(byte[] dst, byte[] src, int n) {
        for (int i = 0; i < n; i++) {
            dst[i] = src[i];
        }
    }

    /** {@code clamp_s8_i32}. */
    public static void clamp(byte[] x, int n, int actMin, int actMax) {
        for (int i = 0; i < n; i++) {
            int v = x[i];
            if (v < actMin) {
                v = actMin;
            }
            if (v > actMax) {
                v = actMax;
            }
            x[i] = (byte) v;
        }
    }

    /** {@code avgpool2x2_s8_i32}. */
    public static void avgpool(byte[] in, int h, int w, int c, int actMin, int actMax, byte[] out) {
        final int oh = h / 2, ow = w / 2, cc = c, rowstride = w * c;
        int o = 0;
        for (int oy = 0; oy < oh; oy++) {
            for (int ox = 0; ox < ow; ox++) {
                final int p = (2 * oy * w + 2 * ox) * cc;
                for (int ch = 0; ch < cc; ch++) {
                    int s = in[p + ch] + in[p + ch + cc] + in[p + ch + rowstride] + in[p + ch + rowstride + cc];
                    int avg = s > 0 ? (s + 2) / 4 : (s - 2) / 4;
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

    /** {@code finish_i32}: requantize, add the output zero point, clamp. */
    static byte finish(int acc, int mult, byte shift, int outOff, int actMin, int actMax) {
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

    /** {@code fc_s8_i32}. */
    public static void fc(int inOff, int outOff, int actMin, int actMax, int inDim, int outDim,
            byte[] in, byte[] w, int[] bias, int[] mult, byte[] shift, byte[] out) {
        int wr = 0;
        for (int o = 0; o < outDim; o++) {
            int acc = bias[o];
            for (int i = 0; i < inDim; i++) {
                int x = in[i] + inOff;
                acc += x * w[wr + i];
            }
            wr += inDim;
            out[o] = finish(acc, mult[o], shift[o], outOff, actMin, actMax);
        }
    }

    /** {@code conv3x3_s8_i32}. */
    public static void conv(int inOff, int outOff, int actMin, int actMax, int h, int w, int cin,
            int cout, byte[] in, byte[] wt, int[] bias, int[] mult, byte[] shift, byte[] out) {
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
                                int x = in[ip + ic] + inOff;
                                acc += x * wt[wp + ic];
                            }
                        }
                    }
                    out[o++] = finish(acc, mult[oc], shift[oc], outOff, actMin, actMax);
                }
            }
        }
    }

    /** {@code dwconv3x3_s8_i32}. */
    public static void dwconv(int inOff, int outOff, int actMin, int actMax, int h, int w, int c,
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
                            int x = in[(iy * ww + ix) * cc + ch] + inOff;
                            acc += x * wt[(ky * 3 + kx) * cc + ch];
                        }
                    }
                    out[o++] = finish(acc, mult[ch], shift[ch], outOff, actMin, actMax);
                }
            }
        }
    }
}
