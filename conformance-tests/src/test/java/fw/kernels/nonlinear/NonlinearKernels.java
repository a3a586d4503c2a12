package fw.kernels.nonlinear;

import dev.tinyj.runtime.kernels.Logistic;
import dev.tinyj.runtime.kernels.Softmax;
import dev.tinyj.runtime.kernels.Tanh;

/**
 * Firmware wrapper for the emulator-vs-host tests of the int8 SOFTMAX, LOGISTIC and TANH kernels:
 * each entry point forwards its (array, offset) operands to the kernel. setup/loop do nothing; the
 * test calls the entry points directly.
 */
public final class NonlinearKernels {
    private NonlinearKernels() {
    }

    public static void setup() {
    }

    public static void loop() {
    }

    public static void softmax(byte[] params, int p, byte[] input, int inputOff, byte[] output, int outputOff) {
        Softmax.eval(params, p, input, inputOff, output, outputOff);
    }

    public static void logistic(byte[] params, int p, byte[] input, int inputOff, byte[] output, int outputOff) {
        Logistic.eval(params, p, input, inputOff, output, outputOff);
    }

    public static void tanh(byte[] params, int p, byte[] input, int inputOff, byte[] output, int outputOff) {
        Tanh.eval(params, p, input, inputOff, output, outputOff);
    }
}
