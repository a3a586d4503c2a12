package fw.kernels.quantize;

import dev.tinyj.runtime.kernels.Dequantize;
import dev.tinyj.runtime.kernels.Quantize;

/** Firmware wrapper: QUANTIZE and DEQUANTIZE as entry points for the host-vs-emulator tests. */
public class QuantizeKernels {
    public static void setup() {
    }

    public static void loop() {
    }

    public static void quantize(byte[] params, int p, byte[] in, int inOff, byte[] out, int outOff) {
        Quantize.eval(params, p, in, inOff, out, outOff);
    }

    public static void dequantize(byte[] params, int p, byte[] in, int inOff, byte[] out, int outOff) {
        Dequantize.eval(params, p, in, inOff, out, outOff);
    }
}
