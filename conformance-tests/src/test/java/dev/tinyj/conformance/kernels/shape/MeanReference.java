package dev.tinyj.conformance.kernels.shape;

import java.math.BigInteger;

/**
 * An independent int8 MEAN for the properties, written from the arithmetic's definition with
 * BigInteger and exact doubles rather than from the kernel: per output, sum − zp·N, times the
 * prepared multiplier with 1/N folded in (TFLM's clamped shift), rounded as gemmlowp does.
 */
final class MeanReference {
    private static final BigInteger TWO_31 = BigInteger.ONE.shiftLeft(31);

    private MeanReference() {
    }

    /** The multiplier and shift after folding 1/N in, as {@code QuantizedMeanOrSum} does. */
    static int[] fold(int multiplier, int shift, int n) {
        int log2 = BigInteger.valueOf(n).bitLength() - 1;
        int s = Math.min(Math.min(log2, 32), 31 + shift);
        int m = BigInteger.valueOf(multiplier).shiftLeft(s).divide(BigInteger.valueOf(n)).intValue();
        return new int[] {m, shift - s};
    }

    /** x · m · 2^(shift − 31) with TFLM's double rounding. */
    static int scale(int x, int m, int shift) {
        int left = Math.max(shift, 0);
        int right = Math.max(-shift, 0);
        int shifted = BigInteger.valueOf(x).shiftLeft(left).intValue(); // wraps like the int32 multiply
        int high;
        if (shifted == Integer.MIN_VALUE && m == Integer.MIN_VALUE) {
            high = Integer.MAX_VALUE;
        } else {
            BigInteger prod = BigInteger.valueOf(shifted).multiply(BigInteger.valueOf(m));
            BigInteger nudge = prod.signum() >= 0 ? BigInteger.ONE.shiftLeft(30)
                    : BigInteger.ONE.subtract(BigInteger.ONE.shiftLeft(30));
            high = prod.add(nudge).divide(TWO_31).intValue(); // BigInteger.divide truncates toward zero
        }
        double v = high / Math.pow(2, right); // exact: 31 significant bits at most
        double rounded = Math.signum(v) * Math.floor(Math.abs(v) + 0.5);
        return (int) rounded;
    }

    /** One output value. */
    static byte output(int sum, int n, int inputZp, int outputZp, int multiplier, int shift) {
        int[] f = fold(multiplier, shift, n);
        long centred = (long) sum - (long) inputZp * n;
        int v = scale((int) centred, f[0], f[1]) + outputZp;
        return (byte) Math.max(-128, Math.min(127, v));
    }
}
