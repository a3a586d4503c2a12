package dev.tinyj.emulator.toolchain.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The trainer's pieces: its generator, gradients, losses, Adam, and bit-for-bit reproducibility. */
class TrainerTest {

    @Test
    void splitMix64IsTheStreamOfSplittableRandom() {
        for (long seed : new long[] {0, 1, -1, 42, SineModel.DEFAULT_SEED}) {
            SplitMix64 ours = new SplitMix64(seed);
            SplittableRandom jdk = new SplittableRandom(seed);
            for (int i = 0; i < 100; i++) {
                assertEquals(jdk.nextLong(), ours.nextLong(), "seed " + seed + " draw " + i);
            }
        }
        assertEquals(0xE220A8397B1DCDAFL, new SplitMix64(0).nextLong(), "splitmix64.c's first output for seed 0");
    }

    @Test
    void boundedDrawsStayInRange() {
        SplitMix64 r = new SplitMix64(5);
        int[] counts = new int[3];
        for (int i = 0; i < 3000; i++) {
            counts[r.nextInt(3)]++;
            double d = r.nextDouble();
            assertTrue(d >= 0 && d < 1);
        }
        for (int c : counts) {
            assertTrue(c > 900 && c < 1100, "counts " + java.util.Arrays.toString(counts));
        }
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        for (Loss loss : Loss.values()) {
            Mlp net = Mlp.reluStack(new SplitMix64(3), 2, 5, 3);
            double[] x = {0.3, -0.7, 1.1, 0.4};
            double[] t = loss == Loss.MSE ? new double[] {0.1, -0.5, 0.3, 0.9, 0.0, -0.2}
                    : new double[] {0, 1, 0, 0, 0, 1};
            Loss.Result r = loss.evaluate(net.forward(x, 2), t, 2, 3);
            double[] dOut = r.gradient();
            // Output gradient by central differences on the loss.
            double[] out = net.forward(x, 2);
            for (int i = 0; i < out.length; i++) {
                double h = 1e-6;
                double[] up = out.clone();
                double[] down = out.clone();
                up[i] += h;
                down[i] -= h;
                double numeric = (loss.evaluate(up, t, 2, 3).value() - loss.evaluate(down, t, 2, 3).value()) / (2 * h);
                assertEquals(numeric, dOut[i], 1e-7, loss + " output " + i);
            }
            // Input gradient through the layers (x away from ReLU kinks for this seed).
            net.forward(x, 2);
            Loss.Result again = loss.evaluate(net.forward(x, 2), t, 2, 3);
            double[] dx = backward(net, again.gradient());
            for (int i = 0; i < x.length; i++) {
                double h = 1e-6;
                double[] up = x.clone();
                double[] down = x.clone();
                up[i] += h;
                down[i] -= h;
                double numeric = (loss.evaluate(net.forward(up, 2), t, 2, 3).value()
                        - loss.evaluate(net.forward(down, 2), t, 2, 3).value()) / (2 * h);
                assertEquals(numeric, dx[i], 1e-6, loss + " input " + i);
            }
        }
    }

    private static double[] backward(Mlp net, double[] dOut) {
        double[] g = dOut;
        for (int i = net.layers().size() - 1; i >= 0; i--) {
            g = net.layers().get(i).backward(g);
        }
        return g;
    }

    @Test
    void softmaxCrossEntropyOfAUniformRowIsLogK() {
        Loss.Result r = Loss.SOFTMAX_CROSS_ENTROPY.evaluate(new double[] {2, 2, 2, 2}, new double[] {0, 0, 1, 0}, 1, 4);
        assertEquals(StrictMath.log(4), r.value(), 1e-15);
        assertArrayEquals(new double[] {0.25, 0.25, -0.75, 0.25}, r.gradient(), 1e-15);
    }

    @Test
    void adamFirstStepMovesEachParameterByTheLearningRate() {
        // Step 1: m = 0.1 g, v = 0.001 g², α = lr √0.001 / 0.1, so Δ = lr · g / (|g| + ε/√0.001) ≈ lr · sign(g).
        double[] p = {1.0, -2.0, 0.5};
        double[] g = {0.3, -4.0, 0.0};
        Adam adam = new Adam(0.01, List.of(p), List.of(g));
        adam.step();
        double damp = Adam.EPSILON / Math.sqrt(1 - Adam.BETA2);
        assertEquals(1.0 - 0.01 * 0.3 / (0.3 + damp), p[0], 1e-12);
        assertEquals(-2.0 + 0.01 * 4.0 / (4.0 + damp), p[1], 1e-12);
        assertEquals(0.5, p[2], 0.0);
        assertEquals(1, adam.steps());
    }

    @Test
    void sameSeedTrainsBitIdenticalWeights() {
        long[][] a = trainedBits(11);
        long[][] b = trainedBits(11);
        for (int i = 0; i < a.length; i++) {
            assertArrayEquals(a[i], b[i], "parameter array " + i);
        }
        long[][] c = trainedBits(12);
        assertFalse(java.util.Arrays.equals(a[0], c[0]), "another seed, other weights");
    }

    private static long[][] trainedBits(long seed) {
        SineData data = SineData.generate(200, 0.1, seed);
        Mlp net = Mlp.reluStack(new SplitMix64(seed + 1), 1, 8, 8, 1);
        Trainer.train(net, data.x(), data.y(), Loss.MSE, new Trainer.Config(20, 16, 0.01, 0.001, seed + 2));
        long[][] out = new long[2 * net.layers().size()][];
        for (int l = 0; l < net.layers().size(); l++) {
            out[2 * l] = bits(net.layers().get(l).weightsCopy());
            out[2 * l + 1] = bits(net.layers().get(l).biasCopy());
        }
        return out;
    }

    @Test
    void softmaxCrossEntropyLearnsThreeClusters() {
        // Three Gaussian blobs in 2-D, labels one-hot.
        SplitMix64 r = new SplitMix64(99);
        double[][] centres = {{-2, 0}, {2, 0}, {0, 2.5}};
        int n = 300;
        double[] x = new double[2 * n];
        double[] y = new double[3 * n];
        for (int i = 0; i < n; i++) {
            int k = i % 3;
            x[2 * i] = centres[k][0] + 0.6 * r.nextGaussian();
            x[2 * i + 1] = centres[k][1] + 0.6 * r.nextGaussian();
            y[3 * i + k] = 1;
        }
        Mlp net = new Mlp(List.of(new Dense(2, 8, Activation.RELU, Init.HE_UNIFORM, r),
                new Dense(8, 3, Activation.NONE, Init.GLOROT_UNIFORM, r)));
        double[] h = Trainer.train(net, x, y, Loss.SOFTMAX_CROSS_ENTROPY, new Trainer.Config(60, 16, 0.01, 7));
        int correct = 0;
        for (int i = 0; i < n; i++) {
            double[] z = net.predict(x[2 * i], x[2 * i + 1]);
            int best = z[0] >= z[1] && z[0] >= z[2] ? 0 : z[1] >= z[2] ? 1 : 2;
            correct += y[3 * i + best] == 1 ? 1 : 0;
        }
        assertTrue(correct >= 0.95 * n, correct + " of " + n + " correct");
        assertTrue(h[h.length - 1] < h[0], "loss falls");
    }

    @Test
    void initialisersUseKerasLimits() {
        assertEquals(Math.sqrt(6.0 / 17), Init.GLOROT_UNIFORM.limit(1, 16), 1e-15);
        assertEquals(Math.sqrt(6.0 / 16), Init.HE_UNIFORM.limit(16, 1), 1e-15);
        Dense d = new Dense(16, 16, Activation.RELU, Init.GLOROT_UNIFORM, new SplitMix64(1));
        double limit = Init.GLOROT_UNIFORM.limit(16, 16);
        for (double w : d.weightsCopy()) {
            assertTrue(Math.abs(w) <= limit);
        }
        for (double b : d.biasCopy()) {
            assertEquals(0.0, b);
        }
    }

    @Test
    void sweepIsEvenlySpacedOverAFullPeriod() {
        double[] s = SineData.sweep(1000);
        assertEquals(0.0, s[0]);
        assertEquals(2 * Math.PI * 999 / 1000, s[999], 1e-15);
    }

    private static long[] bits(double[] v) {
        long[] out = new long[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = Double.doubleToRawLongBits(v[i]);
        }
        return out;
    }
}
