package fw.kernels.shape;

import dev.tinyj.runtime.kernels.Concatenation;
import dev.tinyj.runtime.kernels.Mean;
import dev.tinyj.runtime.kernels.Pad;
import dev.tinyj.runtime.kernels.Reshape;
import dev.tinyj.runtime.kernels.StridedSlice;

/**
 * Firmware wrapper for the shape-family kernels: each entry point forwards its (array, offset)
 * operands to one kernel, so a test can call it in the emulator and on the host JVM alike.
 * Building it also runs the subset verifier over the kernels.
 */
public final class ShapeFirmware {
    private ShapeFirmware() {
    }

    public static void setup() {
    }

    public static void loop() {
    }

    public static void reshape(byte[] params, int p, byte[] input, int inputOff, byte[] output, int outputOff) {
        Reshape.eval(params, p, input, inputOff, output, outputOff);
    }

    public static void concatenation(byte[] params, int p, byte[] input0, int input0Off, byte[] input1,
            int input1Off, byte[] output, int outputOff) {
        Concatenation.eval(params, p, input0, input0Off, input1, input1Off, output, outputOff);
    }

    public static void concatenationOne(byte[] params, int p, int inputIndex, byte[] input, int inputOff,
            byte[] output, int outputOff) {
        Concatenation.evalOne(params, p, inputIndex, input, inputOff, output, outputOff);
    }

    public static void pad(byte[] params, int p, byte[] input, int inputOff, byte[] padValue, int padValueOff,
            byte[] output, int outputOff) {
        Pad.eval(params, p, input, inputOff, padValue, padValueOff, output, outputOff);
    }

    public static void mean(byte[] params, int p, byte[] input, int inputOff, byte[] output, int outputOff) {
        Mean.eval(params, p, input, inputOff, output, outputOff);
    }

    public static void stridedSlice(byte[] params, int p, byte[] input, int inputOff, byte[] output,
            int outputOff) {
        StridedSlice.eval(params, p, input, inputOff, output, outputOff);
    }
}
