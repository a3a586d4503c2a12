package dev.tinyj.emulator.toolchain.train;

/**
 * Weight initialisers (Keras' definitions; biases start at 0 as Keras' {@code zeros}). Both draw
 * uniformly from [−limit, limit) in the order the weights are stored (row-major [out, in]).
 */
public enum Init {
    /** Glorot/Xavier uniform: limit = √(6 / (fan_in + fan_out)). Keras' Dense default. */
    GLOROT_UNIFORM,
    /** He uniform: limit = √(6 / fan_in); suits ReLU layers. */
    HE_UNIFORM;

    /** The uniform range's half-width for a layer of {@code fanIn} inputs and {@code fanOut} units. */
    public double limit(int fanIn, int fanOut) {
        double denominator = this == GLOROT_UNIFORM ? fanIn + fanOut : fanIn;
        return StrictMath.sqrt(6.0 / denominator);
    }

    /** Fills {@code w} from {@code rng}, in index order. */
    void fill(double[] w, int fanIn, int fanOut, SplitMix64 rng) {
        double limit = limit(fanIn, fanOut);
        for (int i = 0; i < w.length; i++) {
            w[i] = rng.nextDouble(-limit, limit);
        }
    }
}
