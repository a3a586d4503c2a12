package fw.kernels.int16;

import dev.tinyj.runtime.kernels.AveragePool2DInt16;
import dev.tinyj.runtime.kernels.Conv2DInt16;
import dev.tinyj.runtime.kernels.DepthwiseConv2DInt16;
import dev.tinyj.runtime.kernels.FullyConnectedInt16;
import dev.tinyj.runtime.kernels.MaxPool2DInt16;
import dev.tinyj.runtime.kernels.QuantizeInt16;
import dev.tinyj.runtime.kernels.SoftmaxInt16;

/** Firmware wrapper: the int16 (16x8) kernels as entry points for the host-vs-emulator tests. */
public class Int16Kernels {
    public static void setup() {
    }

    public static void loop() {
    }

    public static void conv(byte[] params, int p, byte[] in, int inOff, byte[] filter, int filterOff, byte[] bias,
            int biasOff, byte[] out, int outOff) {
        Conv2DInt16.eval(params, p, in, inOff, filter, filterOff, bias, biasOff, out, outOff);
    }

    public static void convNoBias(byte[] params, int p, byte[] in, int inOff, byte[] filter, int filterOff,
            byte[] out, int outOff) {
        Conv2DInt16.eval(params, p, in, inOff, filter, filterOff, null, 0, out, outOff);
    }

    public static void depthwise(byte[] params, int p, byte[] in, int inOff, byte[] filter, int filterOff,
            byte[] bias, int biasOff, byte[] out, int outOff) {
        DepthwiseConv2DInt16.eval(params, p, in, inOff, filter, filterOff, bias, biasOff, out, outOff);
    }

    public static void depthwiseNoBias(byte[] params, int p, byte[] in, int inOff, byte[] filter, int filterOff,
            byte[] out, int outOff) {
        DepthwiseConv2DInt16.eval(params, p, in, inOff, filter, filterOff, null, 0, out, outOff);
    }

    public static void fullyConnected(byte[] params, int p, byte[] in, int inOff, byte[] filter, int filterOff,
            byte[] bias, int biasOff, byte[] out, int outOff) {
        FullyConnectedInt16.eval(params, p, in, inOff, filter, filterOff, bias, biasOff, out, outOff);
    }

    public static void fullyConnectedNoBias(byte[] params, int p, byte[] in, int inOff, byte[] filter, int filterOff,
            byte[] out, int outOff) {
        FullyConnectedInt16.eval(params, p, in, inOff, filter, filterOff, null, 0, out, outOff);
    }

    public static void averagePool(byte[] params, int p, byte[] in, int inOff, byte[] out, int outOff) {
        AveragePool2DInt16.eval(params, p, in, inOff, out, outOff);
    }

    public static void maxPool(byte[] params, int p, byte[] in, int inOff, byte[] out, int outOff) {
        MaxPool2DInt16.eval(params, p, in, inOff, out, outOff);
    }

    public static void quantize(byte[] params, int p, byte[] in, int inOff, byte[] out, int outOff) {
        QuantizeInt16.eval(params, p, in, inOff, out, outOff);
    }

    public static void softmax(byte[] params, int p, byte[] in, int inOff, byte[] out, int outOff) {
        SoftmaxInt16.eval(params, p, in, inOff, out, outOff);
    }
}
