package fw.kernels.pooling;

import dev.tinyj.runtime.kernels.AveragePool2D;
import dev.tinyj.runtime.kernels.MaxPool2D;

/** Firmware wrapper: the pooling kernels as entry points for the host-vs-emulator tests. */
public class PoolingKernels {
    public static void setup() {
    }

    public static void loop() {
    }

    public static void averagePool(byte[] params, int p, byte[] in, int inOff, byte[] out, int outOff) {
        AveragePool2D.eval(params, p, in, inOff, out, outOff);
    }

    public static void maxPool(byte[] params, int p, byte[] in, int inOff, byte[] out, int outOff) {
        MaxPool2D.eval(params, p, in, inOff, out, outOff);
    }
}
