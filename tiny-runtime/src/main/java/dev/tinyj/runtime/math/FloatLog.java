package dev.tinyj.runtime.math;

import dev.tinyj.hal.Progmem;

/**
 * Natural logarithm in float32 arithmetic only (no double, no libm): the {@code std::log(float)}
 * that TFLM's float LOG_SOFTMAX calls ({@code reference_ops::LogSoftmax},
 * {@code tensorflow/lite/kernels/internal/reference/log_softmax.h}, tflite-micro
 * 90b983c2b3f1480642e040bbd2ddb37b998f3424). TFLM's golden outputs come from x86-64 glibc's
 * {@code logf}; this routine aims at the correctly rounded result.
 *
 * <p><b>Measured difference from glibc 2.36 {@code logf} (x86-64): at most {@value #ULPS_FROM_GLIBC}
 * ULP, over all 2^32 float inputs</b> (how: {@code docs/kernels.md}). Identical results for NaN
 * (a NaN), negative inputs (a NaN), ±0 (−∞), +∞ and 1 (+0).
 *
 * <p>Steps (all float32, each rounding named):
 * <ol>
 * <li>NaN gives {@code x + x}; a negative input gives the invalid {@code (x − x) / (x − x)}; ±0 gives
 *     −∞; +∞ gives +∞; a subnormal input is scaled by 2^23 (exact) first.</li>
 * <li>Reduction: {@code x = 2^k · z} with z in [0.699, 1.398) (the bits of x less those of
 *     0x1.66p−1, split at the exponent); the top five bits of that difference pick a table entry
 *     {@code c ≈ 1/z} (the entry holding 1 has {@code c = 1}) with {@code −log c} as a float pair
 *     {@code hi + lo}.</li>
 * <li>{@code r = z·c − 1} exactly as {@code rHi + rLo}: the product by Dekker's TwoProduct
 *     (Veltkamp split by 4097), {@code − 1} exact (Sterbenz), the sum by TwoSum; |r| < 0.0235.</li>
 * <li>{@code log(1 + r) = rHi + rLo·(1 − rHi) + rHi²·(−1/2 + rHi/3 − rHi²/4 + rHi³/5 − rHi⁴/6 + rHi⁵/7)}
 *     (the next term is below 2^−30 of the result).</li>
 * <li>{@code log x = k·ln2 − log c + log(1 + r)}: ln 2 as a 13-bit {@code hi} (so {@code k·hi} is
 *     exact) plus a float {@code lo}; the three large parts {@code k·ln2hi}, {@code −log c hi},
 *     {@code rHi} are summed exactly (TwoSum twice), all small parts and the two errors added, then
 *     one final rounding.</li>
 * </ol>
 * The table is 96 floats in flash ({@link Progmem}).
 */
public final class FloatLog {
    private FloatLog() {
    }

    /** Largest difference from x86-64 glibc {@code logf}, in ULPs, measured over every float input. */
    public static final int ULPS_FROM_GLIBC = 1;

    /** Bits of 0x1.66p−1: the reduced argument z is in [this, twice this). */
    private static final int OFF = 0x3f330000;
    private static final float LN2_HI = 0x1.62ep-1f;
    private static final float LN2_LO = 0x1.0bfbe8p-15f;
    private static final float VELTKAMP = 4097f;
    private static final float TWO_POW_23 = 0x1p23f;

    /**
     * For each of the 32 sub-intervals of z (bits {@code OFF + i·2^18} up to the next): {@code c},
     * about 1/z at the sub-interval's middle (exactly 1 for the one holding 1), then {@code −log c}
     * as {@code hi}, {@code lo} (hi the nearest float, lo the nearest float to the rest).
     */
    @Progmem
    static final float[] INV_C_LOG = {
        0x1.6a13cep0f, -0x1.630034p-2f, 0x1.68aa78p-27f,
        0x1.623fa8p0f, -0x1.4c9e0cp-2f, 0x1.fa34f2p-28f,
        0x1.5ac058p0f, -0x1.36b67cp-2f, 0x1.683dep-27f,
        0x1.539096p0f, -0x1.21445cp-2f, 0x1.ae28eap-27f,
        0x1.4cab8ap0f, -0x1.0c42dcp-2f, 0x1.83d3aap-27f,
        0x1.460cbep0f, -0x1.ef5ae8p-3f, 0x1.08c01cp-29f,
        0x1.3fb014p0f, -0x1.c6ffbcp-3f, -0x1.1e01eep-28f,
        0x1.3991c4p0f, -0x1.9f6c48p-3f, -0x1.2112c4p-28f,
        0x1.33ae46p0f, -0x1.7898dap-3f, -0x1.11131cp-29f,
        0x1.2e025cp0f, -0x1.527e5ep-3f, -0x1.50dac6p-30f,
        0x1.288b02p0f, -0x1.2d1616p-3f, -0x1.30d024p-28f,
        0x1.234568p0f, -0x1.08598ep-3f, -0x1.33c74p-28f,
        0x1.1e2ef4p0f, -0x1.c88584p-4f, -0x1.6f12c6p-30f,
        0x1.194538p0f, -0x1.8197e2p-4f, -0x1.d038fcp-30f,
        0x1.1485f2p0f, -0x1.3bdf6cp-4f, 0x1.c5c244p-29f,
        0x1.0fef02p0f, -0x1.eea338p-5f, -0x1.01adecp-31f,
        0x1.0b7e7p0f, -0x1.67c976p-5f, 0x1.a568c2p-30f,
        0x1.073262p0f, -0x1.c63d84p-6f, 0x1.7d6b12p-31f,
        0x1.03091cp0f, -0x1.8244ep-7f, -0x1.c4506ep-34f,
        0x1p0f, 0x0p0f, 0x0p0f,
        0x1.ecc07ep-1f, 0x1.39e84cp-5f, 0x1.bfd7fp-30f,
        0x1.de5d7p-1f, 0x1.16536p-4f, -0x1.5c84bp-32f,
        0x1.d0cb5ap-1f, 0x1.8c3454p-4f, 0x1.0c66d2p-30f,
        0x1.c3f8f2p-1f, 0x1.fec902p-4f, -0x1.20a598p-35f,
        0x1.b7d6c6p-1f, 0x1.371fb8p-3f, 0x1.1e8fd8p-31f,
        0x1.ac5704p-1f, 0x1.6d60f4p-3f, -0x1.5cc5acp-28f,
        0x1.a16d4p-1f, 0x1.a23bcp-3f, -0x1.d4a99p-35f,
        0x1.970e5p-1f, 0x1.d5c214p-3f, 0x1.a7ddccp-30f,
        0x1.8d301ap-1f, 0x1.040256p-2f, 0x1.0d3414p-28f,
        0x1.83c978p-1f, 0x1.1c898cp-2f, -0x1.92cccp-27f,
        0x1.7ad222p-1f, 0x1.347dd6p-2f, -0x1.f3c146p-29f,
        0x1.72428ap-1f, 0x1.4be5f4p-2f, -0x1.4221c8p-28f,
    };

    /** {@code ln x}, within {@value #ULPS_FROM_GLIBC} ULP of glibc's {@code logf(x)}; see the class comment. */
    public static float log(float x) {
        if (x != x) {
            return x + x;
        }
        if (x < 0f) {
            return (x - x) / (x - x);
        }
        if (x == 0f) {
            return Float.NEGATIVE_INFINITY;
        }
        if (x == Float.POSITIVE_INFINITY) {
            return x;
        }
        int ix = Float.floatToRawIntBits(x);
        int k = 0;
        if (ix < 0x00800000) {
            ix = Float.floatToRawIntBits(x * TWO_POW_23);
            k = -23;
        }
        int tmp = ix - OFF;
        k += tmp >> 23;
        int i = 3 * ((tmp >> 18) & 31);
        float z = Float.intBitsToFloat(ix - (tmp & 0xff800000));
        float c = INV_C_LOG[i];
        // z·c = pHi + pLo exactly (TwoProduct)
        float pHi = z * c;
        float split = VELTKAMP * z;
        float zH = split - (split - z);
        float zL = z - zH;
        split = VELTKAMP * c;
        float cH = split - (split - c);
        float cL = c - cH;
        float pLo = ((zH * cH - pHi) + zH * cL + zL * cH) + zL * cL;
        // r = (pHi - 1) + pLo as rHi + rLo (TwoSum)
        float a = pHi - 1f;
        float rHi = a + pLo;
        float bv = rHi - a;
        float rLo = (a - (rHi - bv)) + (pLo - bv);
        float q = rHi * rHi * (-0.5f + rHi * (0x1.555556p-2f + rHi * (-0.25f + rHi * (0x1.99999ap-3f
                + rHi * (-0x1.555556p-3f + rHi * 0x1.24924ap-3f)))));
        float kf = k;
        // s1 + e1 = k·ln2hi + (−log c)hi, s2 + e2 = s1 + rHi (TwoSum)
        float h0 = kf * LN2_HI;
        float h1 = INV_C_LOG[i + 1];
        float s1 = h0 + h1;
        bv = s1 - h0;
        float e1 = (h0 - (s1 - bv)) + (h1 - bv);
        float s2 = s1 + rHi;
        bv = s2 - s1;
        float e2 = (s1 - (s2 - bv)) + (rHi - bv);
        float tail = (e1 + e2) + (((kf * LN2_LO + INV_C_LOG[i + 2]) + rLo * (1f - rHi)) + q);
        return s2 + tail;
    }
}
