package dev.tinyj.emulator.toolchain.quantize;

/**
 * One trained float layer, what the quantizer takes in: {@code y = f(W·x + b)}.
 *
 * @param inputs input features
 * @param units output units
 * @param weights W [units, inputs] row-major (TFLite's FULLY_CONNECTED filter layout)
 * @param bias b [units]
 * @param relu whether f is ReLU (else identity)
 */
public record FloatDense(int inputs, int units, double[] weights, double[] bias, boolean relu) {
    public FloatDense {
        if (inputs <= 0 || units <= 0 || weights.length != units * inputs || bias.length != units) {
            throw new IllegalArgumentException("layer " + inputs + " → " + units + " needs " + units * inputs
                    + " weights and " + units + " biases, got " + weights.length + " and " + bias.length);
        }
        weights = weights.clone();
        bias = bias.clone();
    }

    /** Forward pass of one row x [inputs], sums in index order then the bias; returns [units]. */
    public double[] apply(double[] x) {
        double[] y = new double[units];
        for (int u = 0; u < units; u++) {
            double acc = 0.0;
            for (int k = 0; k < inputs; k++) {
                acc += weights[u * inputs + k] * x[k];
            }
            acc += bias[u];
            y[u] = relu ? (acc > 0 ? acc : 0.0) : acc;
        }
        return y;
    }

    @Override
    public double[] weights() {
        return weights.clone();
    }

    @Override
    public double[] bias() {
        return bias.clone();
    }
}
