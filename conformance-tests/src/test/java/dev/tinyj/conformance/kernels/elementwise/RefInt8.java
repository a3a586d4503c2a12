package dev.tinyj.conformance.kernels.elementwise;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Plainly written reference arithmetic for the int8 kernel properties, deliberately different
 * code from the runtime's: the high multiply as one floor division of the 64-bit product, the
 * rounding right shift and roundf through {@link BigDecimal} with HALF_UP (ties away from zero),
 * the activation range from its definition.
 */
public final class RefInt8 {
    private RefInt8() {
    }

    /** real(multiplier, shift) applied to int32 {@code x} the TFLite way (left shift wraps, then two roundings). */
    public static int scale(int x, int multiplier, int shift) {
        int shifted = shift > 0 ? (int) ((long) x << shift) : x;
        long high;
        if (shifted == Integer.MIN_VALUE && multiplier == Integer.MIN_VALUE) {
            high = Integer.MAX_VALUE;
        } else {
            // 2·a·b / 2^32 rounded half up = floor((a·b + 2^30) / 2^31)
            high = Math.floorDiv((long) shifted * multiplier + (1L << 30), 1L << 31);
        }
        if (shift >= 0) {
            return (int) high;
        }
        return new BigDecimal(high).divide(new BigDecimal(2).pow(-shift)).setScale(0, RoundingMode.HALF_UP)
                .intValueExact();
    }

    /** roundf then a C cast to int32 as x86-64 does it: out of range or NaN gives Integer.MIN_VALUE. */
    public static int roundfToInt32(float q) {
        if (Float.isNaN(q) || Float.isInfinite(q)) {
            return Integer.MIN_VALUE;
        }
        BigDecimal r = new BigDecimal(q).setScale(0, RoundingMode.HALF_UP);
        if (r.compareTo(BigDecimal.valueOf(Integer.MIN_VALUE)) < 0
                || r.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
            return Integer.MIN_VALUE;
        }
        return r.intValueExact();
    }

    /** Clamp of a fused activation named {@code act} for an int8 output: {min, max}. */
    public static int[] activation(String act, float scale, int zp) {
        int lo = -128;
        int hi = 127;
        switch (act) {
            case "RELU" -> lo = Math.max(lo, zp + roundfToInt32(0f / scale));
            case "RELU6" -> {
                lo = Math.max(lo, zp + roundfToInt32(0f / scale));
                hi = Math.min(hi, zp + roundfToInt32(6f / scale));
            }
            case "RELU_N1_TO_1" -> {
                lo = Math.max(lo, zp + roundfToInt32(-1f / scale));
                hi = Math.min(hi, zp + roundfToInt32(1f / scale));
            }
            default -> {
            }
        }
        return new int[] {lo, hi};
    }

    public static final String[] ACTIVATIONS = {"NONE", "RELU", "RELU_N1_TO_1", "RELU6"};

    /** A scale 2^e · (1 + fraction), e in [lo, hi). */
    public static float scale(java.util.Random r, int lo, int hi) {
        return (float) Math.scalb(1 + r.nextDouble(), lo + r.nextInt(hi - lo));
    }

    /** {@code n} random int8 values. */
    public static byte[] int8s(java.util.Random r, int n) {
        byte[] b = new byte[n];
        r.nextBytes(b);
        return b;
    }

    /** {@code bytes} at offset {@code off} of a larger array. */
    public static byte[] at(byte[] bytes, int off) {
        byte[] a = new byte[bytes.length + off + 3];
        System.arraycopy(bytes, 0, a, off, bytes.length);
        return a;
    }

    /** {multiplier, shift} with multiplier/2^31 in [0.5, 1): by normalising and rounding half away from zero. */
    public static int[] multiplier(double real) {
        int shift = 0;
        double m = real;
        while (m >= 1) {
            m /= 2;
            shift++;
        }
        while (m < 0.5) {
            m *= 2;
            shift--;
        }
        long q = Math.round(m * 2147483648.0); // m > 0: Math.round is half up = half away from zero
        if (q == 1L << 31) {
            q >>= 1;
            shift++;
        }
        return new int[] {(int) q, shift};
    }
}
