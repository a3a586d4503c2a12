package dev.tinyj.emulator.toolchain.train;

/**
 * Training losses over a mini-batch, each giving the mean loss and its gradient with respect to
 * the network's output. Shapes: output and target [batch, dim] row-major. Sums run in index order;
 * every transcendental is {@link StrictMath}.
 */
public enum Loss {
    /**
     * Mean squared error, Keras' {@code MeanSquaredError}: mean over all batch × dim elements of
     * (output − target)²; gradient 2 (output − target) / (batch × dim).
     */
    MSE,
    /**
     * Softmax cross-entropy on logits (Keras' {@code CategoricalCrossentropy(from_logits=True)}):
     * per row, −Σ_j t_j · log softmax(z)_j with the log-sum-exp shifted by the row maximum, then
     * the mean over rows. Targets are probability rows (one-hot for class labels). Gradient per
     * row (softmax(z) · Σ_j t_j − t) / batch, which is softmax(z) − t for a one-hot row.
     */
    SOFTMAX_CROSS_ENTROPY;

    /**
     * The mean loss and its gradient.
     *
     * @param value mean loss over the batch
     * @param gradient dL/d(output) [batch, dim]
     */
    public record Result(double value, double[] gradient) {
    }

    /**
     * Loss of {@code output} against {@code target}, both [batch, dim] row-major.
     */
    public Result evaluate(double[] output, double[] target, int batch, int dim) {
        if (output.length != batch * dim || target.length != batch * dim) {
            throw new IllegalArgumentException("expected " + batch + " × " + dim + " values, got output "
                    + output.length + ", target " + target.length);
        }
        return this == MSE ? mse(output, target, batch, dim) : softmaxCrossEntropy(output, target, batch, dim);
    }

    private static Result mse(double[] output, double[] target, int batch, int dim) {
        double n = (double) batch * dim;
        double sum = 0.0;
        double[] grad = new double[output.length];
        for (int i = 0; i < output.length; i++) {
            double d = output[i] - target[i];
            sum += d * d;
            grad[i] = 2.0 * d / n;
        }
        return new Result(sum / n, grad);
    }

    private static Result softmaxCrossEntropy(double[] logits, double[] target, int batch, int dim) {
        double total = 0.0;
        double[] grad = new double[logits.length];
        for (int r = 0; r < batch; r++) {
            int row = r * dim;
            double max = logits[row];
            for (int j = 1; j < dim; j++) {
                max = Math.max(max, logits[row + j]);
            }
            double sumExp = 0.0;
            for (int j = 0; j < dim; j++) {
                sumExp += StrictMath.exp(logits[row + j] - max);
            }
            double logSum = StrictMath.log(sumExp);
            double mass = 0.0;
            double rowLoss = 0.0;
            for (int j = 0; j < dim; j++) {
                double t = target[row + j];
                mass += t;
                rowLoss -= t * (logits[row + j] - max - logSum);
            }
            for (int j = 0; j < dim; j++) {
                double p = StrictMath.exp(logits[row + j] - max - logSum);
                grad[row + j] = (p * mass - target[row + j]) / batch;
            }
            total += rowLoss;
        }
        return new Result(total / batch, grad);
    }
}
