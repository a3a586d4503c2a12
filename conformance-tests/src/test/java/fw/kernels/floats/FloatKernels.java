package fw.kernels.floats;

import dev.tinyj.runtime.kernels.Conv2DFloat;
import dev.tinyj.runtime.kernels.DepthwiseConv2DFloat;
import dev.tinyj.runtime.kernels.FullyConnectedFloat;
import dev.tinyj.runtime.kernels.MaxPool2DFloat;
import dev.tinyj.runtime.kernels.SoftmaxFloat;

/** Firmware wrapper: the float32 type-variant kernels as entry points for the host-vs-emulator tests. */
public class FloatKernels {
    public static void setup() {
    }

    public static void loop() {
    }

    public static void conv2d(byte[] params, int p, byte[] in, int inOff, byte[] f, int fOff, byte[] b, int bOff,
            byte[] out, int outOff) {
        Conv2DFloat.eval(params, p, in, inOff, f, fOff, b, bOff, out, outOff);
    }

    public static void depthwiseConv2d(byte[] params, int p, byte[] in, int inOff, byte[] f, int fOff, byte[] b,
            int bOff, byte[] out, int outOff) {
        DepthwiseConv2DFloat.eval(params, p, in, inOff, f, fOff, b, bOff, out, outOff);
    }

    public static void fullyConnected(byte[] params, int p, byte[] in, int inOff, byte[] f, int fOff, byte[] b,
            int bOff, byte[] out, int outOff) {
        FullyConnectedFloat.eval(params, p, in, inOff, f, fOff, b, bOff, out, outOff);
    }

    public static void maxPool(byte[] params, int p, byte[] in, int inOff, byte[] out, int outOff) {
        MaxPool2DFloat.eval(params, p, in, inOff, out, outOff);
    }

    public static void softmax(byte[] params, int p, byte[] in, int inOff, byte[] out, int outOff) {
        SoftmaxFloat.eval(params, p, in, inOff, out, outOff);
    }
}
