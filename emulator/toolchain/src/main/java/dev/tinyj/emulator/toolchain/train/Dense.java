package dev.tinyj.emulator.toolchain.train;

/**
 * A fully connected layer {@code y = f(W·x + b)} on a mini-batch, in double precision.
 *
 * <p>Shapes: weights W [units, inputs] row-major (TFLite's FULLY_CONNECTED filter layout), bias b
 * [units]; a batch is a row-major array [batch, inputs] in and [batch, units] out. Every sum runs
 * in index order (weights then bias, batch rows in order), so results do not depend on anything
 * but the inputs. {@link #forward} keeps its input and pre-activations for {@link #backward},
 * which overwrites (does not accumulate) the gradients.
 */
public final class Dense {
    private final int inputs;
    private final int units;
    private final Activation activation;
    private final double[] weights;
    private final double[] bias;
    private final double[] weightGrad;
    private final double[] biasGrad;
    private double[] lastInput;
    private double[] lastPre;
    private int lastBatch;

    /**
     * A layer with W drawn by {@code init} from {@code rng} and b = 0.
     *
     * @param inputs input features (fan-in)
     * @param units output units (fan-out)
     * @param activation the activation after the affine map
     * @param init the weight initialiser
     * @param rng the source of the initial weights
     */
    public Dense(int inputs, int units, Activation activation, Init init, SplitMix64 rng) {
        if (inputs <= 0 || units <= 0) {
            throw new IllegalArgumentException("layer needs positive sizes, got " + inputs + " → " + units);
        }
        this.inputs = inputs;
        this.units = units;
        this.activation = activation;
        this.weights = new double[units * inputs];
        this.bias = new double[units];
        this.weightGrad = new double[weights.length];
        this.biasGrad = new double[units];
        init.fill(weights, inputs, units, rng);
    }

    /** Input features. */
    public int inputs() {
        return inputs;
    }

    /** Output units. */
    public int units() {
        return units;
    }

    /** The activation. */
    public Activation activation() {
        return activation;
    }

    /** The live weights [units, inputs] row-major (the optimizer updates them in place). */
    double[] weights() {
        return weights;
    }

    /** The live bias [units]. */
    double[] bias() {
        return bias;
    }

    double[] weightGrad() {
        return weightGrad;
    }

    double[] biasGrad() {
        return biasGrad;
    }

    /** A copy of W [units, inputs] row-major. */
    public double[] weightsCopy() {
        return weights.clone();
    }

    /** A copy of b [units]. */
    public double[] biasCopy() {
        return bias.clone();
    }

    /**
     * Forward pass.
     *
     * @param x [batch, inputs] row-major
     * @param batch rows in {@code x}
     * @return [batch, units] row-major
     */
    public double[] forward(double[] x, int batch) {
        double[] pre = new double[batch * units];
        double[] y = new double[batch * units];
        for (int r = 0; r < batch; r++) {
            for (int u = 0; u < units; u++) {
                double acc = 0.0;
                int w = u * inputs;
                int in = r * inputs;
                for (int k = 0; k < inputs; k++) {
                    acc += weights[w + k] * x[in + k];
                }
                acc += bias[u];
                pre[r * units + u] = acc;
                y[r * units + u] = activation.apply(acc);
            }
        }
        lastInput = x;
        lastPre = pre;
        lastBatch = batch;
        return y;
    }

    /**
     * Backward pass for the last {@link #forward}: sets dL/dW and dL/db and returns dL/dx.
     *
     * @param dy dL/dy [batch, units] row-major
     * @return dL/dx [batch, inputs] row-major
     */
    public double[] backward(double[] dy) {
        int batch = lastBatch;
        double[] dz = new double[batch * units];
        for (int i = 0; i < dz.length; i++) {
            dz[i] = dy[i] * activation.derivative(lastPre[i]);
        }
        java.util.Arrays.fill(weightGrad, 0.0);
        java.util.Arrays.fill(biasGrad, 0.0);
        double[] dx = new double[batch * inputs];
        for (int r = 0; r < batch; r++) {
            for (int u = 0; u < units; u++) {
                double g = dz[r * units + u];
                int w = u * inputs;
                int in = r * inputs;
                for (int k = 0; k < inputs; k++) {
                    weightGrad[w + k] += g * lastInput[in + k];
                    dx[in + k] += g * weights[w + k];
                }
                biasGrad[u] += g;
            }
        }
        return dx;
    }
}
