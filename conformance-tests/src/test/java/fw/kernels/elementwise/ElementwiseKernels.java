package fw.kernels.elementwise;

import dev.tinyj.runtime.kernels.Add;
import dev.tinyj.runtime.kernels.Mul;

/** Firmware wrapper: ADD and MUL as entry points for the host-vs-emulator tests. */
public class ElementwiseKernels {
    public static void setup() {
    }

    public static void loop() {
    }

    public static void add(byte[] params, int p, byte[] a, int aOff, byte[] b, int bOff, byte[] out, int outOff) {
        Add.eval(params, p, a, aOff, b, bOff, out, outOff);
    }

    public static void mul(byte[] params, int p, byte[] a, int aOff, byte[] b, int bOff, byte[] out, int outOff) {
        Mul.eval(params, p, a, aOff, b, bOff, out, outOff);
    }
}
