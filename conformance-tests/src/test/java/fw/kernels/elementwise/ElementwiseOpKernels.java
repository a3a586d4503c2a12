package fw.kernels.elementwise;

import dev.tinyj.runtime.kernels.Abs;
import dev.tinyj.runtime.kernels.MaximumMinimum;
import dev.tinyj.runtime.kernels.Neg;
import dev.tinyj.runtime.kernels.Prelu;
import dev.tinyj.runtime.kernels.SquaredDifference;
import dev.tinyj.runtime.kernels.Sub;

/**
 * Firmware wrapper: the element-wise kernels added after ADD and MUL (SUB, MAXIMUM, MINIMUM, ABS, NEG, SQUARED_DIFFERENCE, PRELU) as entry
 * points for the host-vs-emulator tests.
 */
public class ElementwiseOpKernels {
    public static void setup() {
    }

    public static void loop() {
    }

    public static void sub(byte[] params, int p, byte[] a, int aOff, byte[] b, int bOff, byte[] out, int outOff) {
        Sub.eval(params, p, a, aOff, b, bOff, out, outOff);
    }

    public static void maximum(byte[] params, int p, byte[] a, int aOff, byte[] b, int bOff, byte[] out, int outOff) {
        MaximumMinimum.maximum(params, p, a, aOff, b, bOff, out, outOff);
    }

    public static void minimum(byte[] params, int p, byte[] a, int aOff, byte[] b, int bOff, byte[] out, int outOff) {
        MaximumMinimum.minimum(params, p, a, aOff, b, bOff, out, outOff);
    }

    public static void abs(byte[] params, int p, byte[] in, int inOff, byte[] out, int outOff) {
        Abs.eval(params, p, in, inOff, out, outOff);
    }

    public static void neg(byte[] params, int p, byte[] in, int inOff, byte[] out, int outOff) {
        Neg.eval(params, p, in, inOff, out, outOff);
    }

    public static void squaredDifference(byte[] params, int p, byte[] a, int aOff, byte[] b, int bOff, byte[] out,
            int outOff) {
        SquaredDifference.eval(params, p, a, aOff, b, bOff, out, outOff);
    }

    public static void prelu(byte[] params, int p, byte[] in, int inOff, byte[] alpha, int alphaOff, byte[] out,
            int outOff) {
        Prelu.eval(params, p, in, inOff, alpha, alphaOff, out, outOff);
    }
}
