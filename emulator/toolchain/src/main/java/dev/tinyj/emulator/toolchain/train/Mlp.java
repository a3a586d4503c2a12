package dev.tinyj.emulator.toolchain.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A stack of {@link Dense} layers (a multilayer perceptron), double precision. A batch is
 * [batch, inputs of layer 0] row-major in and [batch, units of the last layer] out.
 */
public final class Mlp {
    private final List<Dense> layers;

    /** A network of {@code layers}, each layer's inputs equal to the previous layer's units. */
    public Mlp(List<Dense> layers) {
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("a network needs at least one layer");
        }
        for (int i = 1; i < layers.size(); i++) {
            if (layers.get(i).inputs() != layers.get(i - 1).units()) {
                throw new IllegalArgumentException("layer " + i + " takes " + layers.get(i).inputs()
                        + " inputs but layer " + (i - 1) + " gives " + layers.get(i - 1).units());
            }
        }
        this.layers = List.copyOf(layers);
    }

    /**
     * A network of widths {@code sizes[0] → sizes[1] → ...}: ReLU layers, then a linear output
     * layer, all initialised Glorot uniform (Keras' default), weights drawn layer by layer from
     * {@code rng}.
     */
    public static Mlp reluStack(SplitMix64 rng, int... sizes) {
        List<Dense> layers = new ArrayList<>();
        for (int i = 1; i < sizes.length; i++) {
            boolean last = i == sizes.length - 1;
            layers.add(new Dense(sizes[i - 1], sizes[i], last ? Activation.NONE : Activation.RELU,
                    Init.GLOROT_UNIFORM, rng));
        }
        return new Mlp(layers);
    }

    /** The layers, first to last. */
    public List<Dense> layers() {
        return Collections.unmodifiableList(layers);
    }

    /** Features into layer 0. */
    public int inputs() {
        return layers.getFirst().inputs();
    }

    /** Units of the last layer. */
    public int outputs() {
        return layers.getLast().units();
    }

    /** Forward pass of a [batch, inputs] batch; returns [batch, outputs]. */
    public double[] forward(double[] x, int batch) {
        double[] a = x;
        for (Dense d : layers) {
            a = d.forward(a, batch);
        }
        return a;
    }

    /** The output for one input row. */
    public double[] predict(double... x) {
        return forward(x, 1);
    }

    /** Backward pass from dL/d(output) [batch, outputs]; sets every layer's gradients. */
    public void backward(double[] dOutput) {
        double[] g = dOutput;
        for (int i = layers.size() - 1; i >= 0; i--) {
            g = layers.get(i).backward(g);
        }
    }

    /** The trained layers as the quantizer takes them (copies). */
    public List<dev.tinyj.emulator.toolchain.quantize.FloatDense> export() {
        List<dev.tinyj.emulator.toolchain.quantize.FloatDense> out = new ArrayList<>();
        for (Dense d : layers) {
            out.add(new dev.tinyj.emulator.toolchain.quantize.FloatDense(d.inputs(), d.units(), d.weights(), d.bias(),
                    d.activation() == Activation.RELU));
        }
        return out;
    }

    /** Live parameter arrays: W0, b0, W1, b1, ... */
    List<double[]> parameters() {
        List<double[]> p = new ArrayList<>();
        for (Dense d : layers) {
            p.add(d.weights());
            p.add(d.bias());
        }
        return p;
    }

    /** Live gradient arrays, in {@link #parameters()} order. */
    List<double[]> gradients() {
        List<double[]> g = new ArrayList<>();
        for (Dense d : layers) {
            g.add(d.weightGrad());
            g.add(d.biasGrad());
        }
        return g;
    }
}
