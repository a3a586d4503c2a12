package dev.tinyj.emulator.toolchain.train;

import dev.tinyj.emulator.toolchain.quantize.Int8Simulator;
import java.util.function.DoubleUnaryOperator;

/**
 * Mean absolute error of a one-in, one-out model against a reference function over a sweep of
 * inputs, summed in sweep order: for the float network and for the int8 model run as TFLM runs it
 * ({@link Int8Simulator}: input quantized, int8 kernels, output dequantized).
 */
public final class Evaluator {
    private Evaluator() {
    }

    /** Mean |net(x) − f(x)| over {@code xs}. */
    public static double floatMae(Mlp net, double[] xs, DoubleUnaryOperator f) {
        double sum = 0.0;
        for (double x : xs) {
            sum += Math.abs(net.predict(x)[0] - f.applyAsDouble(x));
        }
        return sum / xs.length;
    }

    /** Mean |dequantize(int8 model(quantize(x))) − f(x)| over {@code xs}. */
    public static double int8Mae(Int8Simulator model, double[] xs, DoubleUnaryOperator f) {
        double sum = 0.0;
        for (double x : xs) {
            sum += Math.abs(model.predict(x)[0] - f.applyAsDouble(x));
        }
        return sum / xs.length;
    }
}
