package fw.kernels.conv;

import dev.tinyj.runtime.kernels.Conv2D;
import dev.tinyj.runtime.kernels.DepthwiseConv2D;
import dev.tinyj.runtime.kernels.FullyConnected;

/**
 * Firmware wrapper for the emulator-vs-host test of the convolution family: each entry point runs
 * one kernel on operands the test allocated in guest SRAM.
 */
public final class ConvFamilyFirmware {
    private ConvFamilyFirmware() {
    }

    public static void setup() {
    }

    public static void loop() {
    }

    public static void conv2d(byte[] params, int p, byte[] input, int inputOff, byte[] filter, int filterOff,
            byte[] bias, int biasOff, byte[] output, int outputOff) {
        Conv2D.eval(params, p, input, inputOff, filter, filterOff, bias, biasOff, output, outputOff);
    }

    public static void depthwiseConv2d(byte[] params, int p, byte[] input, int inputOff, byte[] filter,
            int filterOff, byte[] bias, int biasOff, byte[] output, int outputOff) {
        DepthwiseConv2D.eval(params, p, input, inputOff, filter, filterOff, bias, biasOff, output, outputOff);
    }

    public static void fullyConnected(byte[] params, int p, byte[] input, int inputOff, byte[] filter,
            int filterOff, byte[] bias, int biasOff, byte[] output, int outputOff) {
        FullyConnected.eval(params, p, input, inputOff, filter, filterOff, bias, biasOff, output, outputOff);
    }
}
