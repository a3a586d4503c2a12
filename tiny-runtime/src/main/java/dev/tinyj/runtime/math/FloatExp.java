package dev.tinyj.runtime.math;

import dev.tinyj.hal.Progmem;

/**
 * {@code e^x} in float32 arithmetic only (no double, no libm): the {@code std::exp(float)} that
 * TFLM's float SOFTMAX calls ({@code reference_ops::Softmax},
 * {@code tensorflow/lite/kernels/internal/reference/softmax.h}, tflite-micro
 * 90b983c2b3f1480642e040bbd2ddb37b998f3424). TFLM's golden outputs come from x86-64 glibc's
 * {@code expf}, which computes in double and is not correctly rounded everywhere (0.502 ULP); a
 * microcontroller's newlib gives other bits again. This routine aims at the correctly rounded
 * result.
 *
 * <p><b>Measured difference from glibc 2.36 {@code expf} (x86-64): at most {@value #ULPS_FROM_GLIBC}
 * ULP, over all 2^32 float inputs.</b> Identical bits for NaN, ±∞, overflow and underflow to 0;
 * 1 ULP apart on 486,444 of the 2,239,849,421 inputs with a finite non-zero result (0.022%; 1,452
 * of them subnormal), identical on all others. glibc itself is 1 ULP off the correctly rounded
 * value on about 170,000 of these inputs. How it was measured: {@code docs/kernels.md}.
 *
 * <p>Steps (all float32, each rounding named):
 * <ol>
 * <li>NaN gives {@code x + x} (the quiet NaN, as glibc); {@code x > 0x1.62e42ep6} (the largest
 *     float whose exponential is finite) gives +∞; {@code x < −104} gives +0 (e^−104 is below
 *     half the smallest subnormal, 2^−150).</li>
 * <li>Reduction: {@code k = round(x · 32/ln 2)} (to nearest, by the 1.5·2^23 shift), so
 *     {@code x = k·ln2/32 + r} with |r| ≲ ln2/64. ln2/32 is split into C1 (11 significant bits),
 *     C2 (11 bits) and C3, so {@code k·C1} and {@code k·C2} are exact (|k| ≤ 4,802 < 2^13) and
 *     {@code x − k·C1} is exact (Sterbenz); {@code r = rHi + rLo} with the TwoSum error of the
 *     second subtraction and {@code −k·C3} in {@code rLo} (error ~10^−12).</li>
 * <li>{@code e^r − 1 = rHi + c}, {@code c = rLo + rHi²·(1/2 + rHi·(1/6 + rHi/24))} (the Taylor
 *     terms beyond r^4 are below 2^−39).</li>
 * <li>{@code e^x = 2^(k>>5) · T_j · e^r} with {@code T_j = 2^(j/32)}, {@code j = k & 31}, from a
 *     flash table as float pairs {@code hi + lo} (48 bits). The mantissa
 *     {@code T·(1 + rHi + c)} is summed as {@code hi + (hi·rHi) + (lo + hi·c + lo·rHi)}: the
 *     product {@code hi·rHi} exactly (Dekker's TwoProduct with Veltkamp's 4097 split), its sum with
 *     {@code hi} exactly (Fast2Sum), then all small parts, then one rounding to float.</li>
 * <li>Scaling by {@code 2^(k>>5)}: exact for a normal result (2^128 as 2^127·2); a subnormal
 *     result is rounded once, on the subnormal grid, by adding {@code 2^(−126 − e)} before the
 *     final rounding (so the float grid there is the subnormal grid), then removing it and
 *     scaling exactly.</li>
 * </ol>
 * The pre-rounding error is about 10^−4 ULP, so the result is the correctly rounded one unless
 * e^x lies that close to a rounding midpoint; glibc's own misroundings make the rest of the
 * difference. The table is 64 floats in flash ({@link Progmem}).
 */
public final class FloatExp {
    private FloatExp() {
    }

    /** Largest difference from x86-64 glibc {@code expf}, in ULPs, measured over every float input. */
    public static final int ULPS_FROM_GLIBC = 1;

    /** The largest float whose exponential is finite (ln FLT_MAX = 88.7228390...). */
    static final float MAX_FINITE_X = 0x1.62e42ep6f;
    /** Below this, e^x rounds to +0 (ln 2^−150 = −103.97...). */
    static final float ZERO_BELOW = -104f;

    private static final float INV_LN2_32 = 0x1.715476p5f;
    private static final float ROUND_SHIFT = 0x1.8p23f;
    private static final float LN2_32_C1 = 0x1.63p-6f;
    private static final float LN2_32_C2 = -0x1.bdp-18f;
    private static final float LN2_32_C3 = -0x1.05c61p-34f;
    private static final float VELTKAMP = 4097f;
    private static final float TWO_POW_127 = 0x1p127f;
    private static final float TWO_POW_MINUS_64 = 0x1p-64f;

    /** 2^(j/32) for j = 0..31 as pairs hi, lo (hi the nearest float, lo the nearest float to the rest). */
    @Progmem
    static final float[] POW2_J_32 = {
        0x1p0f, 0x0p0f,
        0x1.059b0ep0f, -0x1.9d4f52p-25f,
        0x1.0b5586p0f, 0x1.9f3122p-25f,
        0x1.11301ep0f, -0x1.fdb496p-25f,
        0x1.172b84p0f, -0x1.c15742p-27f,
        0x1.1d4874p0f, -0x1.d2e8cap-25f,
        0x1.2387a6p0f, 0x1.ceac48p-25f,
        0x1.29e9ep0f, -0x1.5c0424p-25f,
        0x1.306fep0f, 0x1.4636e2p-25f,
        0x1.371a74p0f, -0x1.18aac6p-25f,
        0x1.3dea64p0f, 0x1.824684p-25f,
        0x1.44e086p0f, 0x1.8624b4p-30f,
        0x1.4bfdaep0f, -0x1.593abcp-25f,
        0x1.5342b6p0f, -0x1.2c561p-25f,
        0x1.5ab07ep0f, -0x1.5bd5ecp-27f,
        0x1.6247ecp0f, -0x1.f8b55p-25f,
        0x1.6a09e6p0f, 0x1.9fcef4p-26f,
        0x1.71f75ep0f, 0x1.1d8beep-25f,
        0x1.7a1148p0f, -0x1.829fdp-25f,
        0x1.82589ap0f, -0x1.accc7cp-26f,
        0x1.8ace54p0f, 0x1.15506ep-27f,
        0x1.93737cp0f, -0x1.e64744p-25f,
        0x1.9c4918p0f, 0x1.51f848p-27f,
        0x1.a5503cp0f, -0x1.b83b54p-25f,
        0x1.ae89fap0f, -0x1.a94b14p-26f,
        0x1.b7f77p0f, -0x1.a09438p-25f,
        0x1.c199bep0f, -0x1.3d56b2p-27f,
        0x1.cb720ep0f, -0x1.8837ccp-27f,
        0x1.d5818ep0f, -0x1.822dbcp-27f,
        0x1.dfc974p0f, -0x1.908c94p-25f,
        0x1.ea4afap0f, 0x1.52486cp-27f,
        0x1.f50766p0f, -0x1.246ebp-26f,
    };

    /** {@code e^x}, within {@value #ULPS_FROM_GLIBC} ULP of glibc's {@code expf(x)}; see the class comment. */
    public static float exp(float x) {
        if (x != x) {
            return x + x;
        }
        if (x > MAX_FINITE_X) {
            return Float.POSITIVE_INFINITY;
        }
        if (x < ZERO_BELOW) {
            return 0f;
        }
        float kf = (x * INV_LN2_32 + ROUND_SHIFT) - ROUND_SHIFT;
        int k = (int) kf;
        // r = x - k·ln2/32 as rHi + rLo
        float t1 = x - kf * LN2_32_C1;
        float p2 = kf * LN2_32_C2;
        float rHi = t1 - p2;
        float back = rHi - t1;
        float rLo = ((t1 - (rHi - back)) + (-p2 - back)) - kf * LN2_32_C3;
        float c = rLo + rHi * rHi * (0.5f + rHi * (0x1.555556p-3f + rHi * 0x1.555556p-5f));
        int j = 2 * (k & 31);
        float tHi = POW2_J_32[j];
        float tLo = POW2_J_32[j + 1];
        // tHi·rHi = pHi + pLo exactly (TwoProduct)
        float pHi = tHi * rHi;
        float split = VELTKAMP * tHi;
        float tH = split - (split - tHi);
        float tL = tHi - tH;
        split = VELTKAMP * rHi;
        float rH = split - (split - rHi);
        float rL = rHi - rH;
        float pLo = ((tH * rH - pHi) + tH * rL + tL * rH) + tL * rL;
        // tHi + pHi = sHi + sLo exactly (Fast2Sum: |tHi| >= 1 > |pHi|)
        float sHi = tHi + pHi;
        float sLo = pHi - (sHi - tHi);
        float tail = sLo + (pLo + (tLo + (tHi * c + tLo * rHi)));
        int e = k >> 5;
        float m = sHi + tail;
        if (e > -126 || e == -126 && m >= 1f) {
            if (e == 128) {
                return m * TWO_POW_127 * 2f;
            }
            return m * Float.intBitsToFloat((e + 127) << 23);
        }
        // subnormal result: round once on the grid 2^-149 (2^(-149-e) in units of m)
        float grid = Float.intBitsToFloat((1 - e) << 23); // 2^(-126-e), e in [-151, -126]
        float w = grid + sHi;
        float wLo = sHi - (w - grid);
        w = w + (wLo + tail);
        return (w - grid) * Float.intBitsToFloat((e + 191) << 23) * TWO_POW_MINUS_64;
    }
}
