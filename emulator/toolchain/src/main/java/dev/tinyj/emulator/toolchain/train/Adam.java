package dev.tinyj.emulator.toolchain.train;

import java.util.List;

/**
 * Adam (Kingma and Ba, 2015) in Keras' form: β1 0.9, β2 0.999, ε 1e−7 (Keras' default, not the
 * paper's 1e−8), learning rate configurable. Per step t (from 1), for each parameter p with
 * gradient g:
 *
 * <ol>
 * <li>m ← β1·m + (1 − β1)·g; v ← β2·v + (1 − β2)·g²;</li>
 * <li>α = lr · √(1 − β2^t) / (1 − β1^t) (β^t by {@link StrictMath#pow});</li>
 * <li>p ← p − α · m / (√v + ε).</li>
 * </ol>
 *
 * Parameters are updated in list order, elements in index order. Moments start at zero.
 */
public final class Adam {
    /** First-moment decay. */
    public static final double BETA1 = 0.9;
    /** Second-moment decay. */
    public static final double BETA2 = 0.999;
    /** Keras' epsilon. */
    public static final double EPSILON = 1e-7;

    private double learningRate;
    private final List<double[]> params;
    private final List<double[]> grads;
    private final double[][] m;
    private final double[][] v;
    private long step;

    /**
     * An optimizer over {@code params}, whose gradients live in {@code grads} (same order and sizes).
     */
    public Adam(double learningRate, List<double[]> params, List<double[]> grads) {
        if (!(learningRate > 0) || params.size() != grads.size()) {
            throw new IllegalArgumentException("need a positive learning rate and one gradient per parameter");
        }
        this.learningRate = learningRate;
        this.params = params;
        this.grads = grads;
        this.m = new double[params.size()][];
        this.v = new double[params.size()][];
        for (int i = 0; i < params.size(); i++) {
            if (params.get(i).length != grads.get(i).length) {
                throw new IllegalArgumentException("parameter " + i + " and its gradient differ in size");
            }
            m[i] = new double[params.get(i).length];
            v[i] = new double[params.get(i).length];
        }
    }

    /** Sets the learning rate of the following steps (for a schedule); it must be positive. */
    public void setLearningRate(double learningRate) {
        if (!(learningRate > 0)) {
            throw new IllegalArgumentException("learning rate must be positive, got " + learningRate);
        }
        this.learningRate = learningRate;
    }

    /** Steps taken so far. */
    public long steps() {
        return step;
    }

    /** One update from the current gradients. */
    public void step() {
        step++;
        double alpha = learningRate * StrictMath.sqrt(1.0 - StrictMath.pow(BETA2, step))
                / (1.0 - StrictMath.pow(BETA1, step));
        for (int i = 0; i < params.size(); i++) {
            double[] p = params.get(i);
            double[] g = grads.get(i);
            double[] mi = m[i];
            double[] vi = v[i];
            for (int k = 0; k < p.length; k++) {
                mi[k] = BETA1 * mi[k] + (1.0 - BETA1) * g[k];
                vi[k] = BETA2 * vi[k] + (1.0 - BETA2) * g[k] * g[k];
                p[k] -= alpha * mi[k] / (StrictMath.sqrt(vi[k]) + EPSILON);
            }
        }
    }
}
