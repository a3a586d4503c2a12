package dev.tinyj.emulator.toolchain.train;

/**
 * The "sine" data set of TensorFlow Lite Micro's hello_world example: x uniform on [0, 2π),
 * y = sin(x) + noise·N(0, 1). The classic example adds noise 0.1; TinyJ's default is noiseless
 * (the target the model is measured against is the clean sine, and noise only slows convergence
 * for a net this small). Values come from one {@link SplitMix64} stream: per sample x, then (only
 * when noise ≠ 0) the Gaussian.
 *
 * @param x inputs [n] (radians)
 * @param y targets [n]
 */
public record SineData(double[] x, double[] y) {
    /** 2π. */
    public static final double TWO_PI = 2.0 * StrictMath.PI;

    /** {@code n} seeded samples with Gaussian noise of standard deviation {@code noise}. */
    public static SineData generate(int n, double noise, long seed) {
        SplitMix64 rng = new SplitMix64(seed);
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = rng.nextDouble(0.0, TWO_PI);
            y[i] = StrictMath.sin(x[i]) + (noise == 0.0 ? 0.0 : noise * rng.nextGaussian());
        }
        return new SineData(x, y);
    }

    /** {@code n} evenly spaced points i·2π/n, i = 0 … n − 1 (the evaluation sweep over [0, 2π)). */
    public static double[] sweep(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = TWO_PI * i / n;
        }
        return x;
    }
}
