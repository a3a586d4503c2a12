package dev.tinyj.emulator.toolchain.train;

/**
 * Mini-batch training with {@link Adam}, deterministic: single-threaded, one {@link SplitMix64}
 * stream for the shuffles, fixed summation order in every layer and loss, {@link StrictMath} for
 * transcendentals, and Java's strict IEEE double arithmetic. Same network, data and config give
 * bit-identical weights.
 *
 * <p>Per epoch: 1. shuffle the sample order (Fisher–Yates); 2. cut it into batches of
 * {@code batchSize} (the last one smaller when the count does not divide); 3. per batch, forward,
 * loss, backward, one Adam step. The epoch's loss is the sample-weighted mean of the batch losses.
 * The learning rate decays exponentially per epoch from {@code learningRate} (epoch 0) to
 * {@code finalLearningRate} (last epoch): lr_e = lr · (final / lr)^(e / (epochs − 1)), by
 * {@link StrictMath#pow}; equal rates mean a constant rate.
 */
public final class Trainer {
    private Trainer() {
    }

    /**
     * Training hyperparameters.
     *
     * @param epochs passes over the data
     * @param batchSize samples per Adam step
     * @param learningRate Adam's learning rate in the first epoch
     * @param finalLearningRate Adam's learning rate in the last epoch
     * @param shuffleSeed seed of the shuffling stream
     */
    public record Config(int epochs, int batchSize, double learningRate, double finalLearningRate, long shuffleSeed) {
        public Config {
            if (epochs < 0 || batchSize <= 0 || !(learningRate > 0) || !(finalLearningRate > 0)) {
                throw new IllegalArgumentException("need epochs ≥ 0, batch size > 0, learning rates > 0");
            }
        }

        /** A constant learning rate. */
        public Config(int epochs, int batchSize, double learningRate, long shuffleSeed) {
            this(epochs, batchSize, learningRate, learningRate, shuffleSeed);
        }

        /** The learning rate of epoch {@code e}. */
        public double learningRate(int e) {
            if (epochs <= 1 || finalLearningRate == learningRate) {
                return learningRate;
            }
            return learningRate * StrictMath.pow(finalLearningRate / learningRate, (double) e / (epochs - 1));
        }
    }

    /**
     * Trains {@code net} in place.
     *
     * @param net the network (its weights change)
     * @param x inputs [n, net.inputs()] row-major
     * @param y targets [n, net.outputs()] row-major
     * @param loss the loss
     * @param config hyperparameters
     * @return the mean training loss of each epoch, [epochs]
     */
    public static double[] train(Mlp net, double[] x, double[] y, Loss loss, Config config) {
        int in = net.inputs();
        int out = net.outputs();
        if (x.length % in != 0 || y.length % out != 0 || x.length / in != y.length / out) {
            throw new IllegalArgumentException("x [" + x.length + "] and y [" + y.length
                    + "] do not hold the same number of " + in + "-in, " + out + "-out samples");
        }
        int n = x.length / in;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplitMix64 rng = new SplitMix64(config.shuffleSeed());
        Adam adam = new Adam(config.learningRate(), net.parameters(), net.gradients());
        double[] history = new double[config.epochs()];
        for (int e = 0; e < config.epochs(); e++) {
            adam.setLearningRate(config.learningRate(e));
            rng.shuffle(order);
            double weighted = 0.0;
            for (int start = 0; start < n; start += config.batchSize()) {
                int batch = Math.min(config.batchSize(), n - start);
                double[] bx = new double[batch * in];
                double[] by = new double[batch * out];
                for (int r = 0; r < batch; r++) {
                    System.arraycopy(x, order[start + r] * in, bx, r * in, in);
                    System.arraycopy(y, order[start + r] * out, by, r * out, out);
                }
                Loss.Result result = loss.evaluate(net.forward(bx, batch), by, batch, out);
                net.backward(result.gradient());
                adam.step();
                weighted += result.value() * batch;
            }
            history[e] = n == 0 ? 0.0 : weighted / n;
        }
        return history;
    }
}
