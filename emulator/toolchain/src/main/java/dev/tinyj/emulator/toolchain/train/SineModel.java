package dev.tinyj.emulator.toolchain.train;

import dev.tinyj.emulator.toolchain.prepare.PrepareException;
import dev.tinyj.emulator.toolchain.quantize.FloatDense;
import dev.tinyj.emulator.toolchain.quantize.Int8Quantizer;
import dev.tinyj.emulator.toolchain.quantize.Int8Simulator;
import dev.tinyj.emulator.toolchain.tflite.TfliteSpec;
import java.util.List;

/**
 * TinyJ's own "hello world" sine model, trained, quantized and measured in one deterministic call.
 *
 * <ol>
 * <li>Seeds: a {@link SplitMix64} on {@code seed} yields, in order, the data, weight-init, shuffle
 *     and calibration seeds.</li>
 * <li>Data: {@value #TRAIN_SAMPLES} samples x uniform on [0, 2π), y = sin(x), no noise
 *     ({@link SineData}).</li>
 * <li>Network 1 → 16 → 16 → 1: ReLU, ReLU, linear; Glorot uniform init (Keras' default, as the
 *     classic example; He init gave larger hidden ranges and so coarser int8 steps), biases 0.</li>
 * <li>Training: MSE, Adam (learning rate {@value #LEARNING_RATE} decaying exponentially to
 *     {@value #FINAL_LEARNING_RATE} by the last epoch), batches of {@value #BATCH_SIZE},
 *     {@value #EPOCHS} epochs, in double precision.</li>
 * <li>Quantization: ranges calibrated on {@value #CALIBRATION_SAMPLES} fresh seeded x uniform on
 *     [0, 2π); {@link Int8Quantizer}.</li>
 * <li>Measurement on {@value #SWEEP} evenly spaced x in [0, 2π): float MAE and int8 MAE (TinyJ's
 *     FULLY_CONNECTED prepare and kernel) against sin(x).</li>
 * </ol>
 */
public final class SineModel {
    /** The documented default seed. */
    public static final long DEFAULT_SEED = 20_260_101L;
    public static final int TRAIN_SAMPLES = 2000;
    public static final int EPOCHS = 300;
    public static final int BATCH_SIZE = 32;
    public static final double LEARNING_RATE = 0.01;
    public static final double FINAL_LEARNING_RATE = 0.0002;
    public static final int CALIBRATION_SAMPLES = 500;
    public static final int SWEEP = 1000;
    /** Layer widths. */
    private static final int[] WIDTHS = {1, 16, 16, 1};

    private SineModel() {
    }

    /**
     * The outcome.
     *
     * @param seed the seed
     * @param spec the int8 model, ready for the .tflite writer
     * @param floatMae float network's MAE against sin(x) on the sweep
     * @param int8Mae int8 model's MAE against sin(x) on the sweep
     * @param lossHistory mean training MSE per epoch [epochs]
     * @param layers the trained float layers
     */
    public record Result(long seed, TfliteSpec spec, double floatMae, double int8Mae, double[] lossHistory,
            List<FloatDense> layers) {
    }

    /** {@link #build(long)} with {@link #DEFAULT_SEED}. */
    public static Result build() {
        return build(DEFAULT_SEED);
    }

    /** Trains, quantizes and measures the sine model for {@code seed}. */
    public static Result build(long seed) {
        SplitMix64 seeds = new SplitMix64(seed);
        long dataSeed = seeds.nextLong();
        long initSeed = seeds.nextLong();
        long shuffleSeed = seeds.nextLong();
        long calibrationSeed = seeds.nextLong();

        SineData data = SineData.generate(TRAIN_SAMPLES, 0.0, dataSeed);
        Mlp net = Mlp.reluStack(new SplitMix64(initSeed), WIDTHS);
        double[] history = Trainer.train(net, data.x(), data.y(), Loss.MSE,
                new Trainer.Config(EPOCHS, BATCH_SIZE, LEARNING_RATE, FINAL_LEARNING_RATE, shuffleSeed));

        double[] calibration = SineData.generate(CALIBRATION_SAMPLES, 0.0, calibrationSeed).x();
        List<FloatDense> layers = net.export();
        TfliteSpec spec = Int8Quantizer.quantize(layers, calibration, "TinyJ sine model (seed " + seed + ")");

        double[] sweep = SineData.sweep(SWEEP);
        double floatMae = Evaluator.floatMae(net, sweep, StrictMath::sin);
        Int8Simulator sim;
        try {
            sim = new Int8Simulator(spec);
        } catch (PrepareException e) {
            throw new IllegalStateException("TinyJ's prepare rejected the quantized sine model: " + e.getMessage(), e);
        }
        double int8Mae = Evaluator.int8Mae(sim, sweep, StrictMath::sin);
        return new Result(seed, spec, floatMae, int8Mae, history, layers);
    }
}
