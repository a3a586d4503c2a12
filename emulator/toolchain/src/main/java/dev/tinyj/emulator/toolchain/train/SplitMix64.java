package dev.tinyj.emulator.toolchain.train;

/**
 * The trainer's only source of randomness: SplitMix64 (Steele, Lea and Flood, "Fast splittable
 * pseudorandom number generators", OOPSLA 2014; the generator behind
 * {@code java.util.SplittableRandom}), written out here so the stream is fixed by this file, not
 * by a JDK version. One 64-bit state; {@link #nextLong} adds the golden-gamma increment and mixes.
 *
 * <p>Derived values: {@link #nextDouble} takes the top 53 bits (uniform on [0, 1), step 2^−53);
 * {@link #nextInt(int)} rejects the biased tail so every value in [0, bound) is equally likely;
 * {@link #nextGaussian} is Box–Muller with {@link StrictMath} (two uniforms per value, the sine
 * branch discarded, so the stream position depends only on the call count).
 */
public final class SplitMix64 {
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private long state;

    /** A generator whose first output depends only on {@code seed}. */
    public SplitMix64(long seed) {
        this.state = seed;
    }

    /** The next 64 uniformly distributed bits. */
    public long nextLong() {
        long z = state += GOLDEN_GAMMA;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Uniform on [0, 1), a multiple of 2^−53. */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform on [lo, hi). */
    public double nextDouble(double lo, double hi) {
        return lo + (hi - lo) * nextDouble();
    }

    /** Uniform on {0, ..., bound − 1}; {@code bound} must be positive. */
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive, got " + bound);
        }
        long limit = (1L << 31) - ((1L << 31) % bound);
        while (true) {
            long r = nextLong() >>> 33;
            if (r < limit) {
                return (int) (r % bound);
            }
        }
    }

    /** Standard normal (mean 0, standard deviation 1), Box–Muller cosine branch. */
    public double nextGaussian() {
        double u1 = 1.0 - nextDouble();
        double u2 = nextDouble();
        return StrictMath.sqrt(-2.0 * StrictMath.log(u1)) * StrictMath.cos(2.0 * StrictMath.PI * u2);
    }

    /** Fisher–Yates shuffle of {@code a} in place, from the last element down. */
    public void shuffle(int[] a) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
