package dev.tinyj.conformance.kernels.floats;

import java.util.Arrays;

/**
 * Runs a float32 kernel on the host JVM with its params and every operand at byte offset
 * {@link #LEAD} (not a multiple of 4) inside a larger array, padding bytes around each, and checks
 * the kernel wrote nothing outside its output.
 */
final class FloatHost {
    /** Bytes before each operand. */
    static final int LEAD = 3;
    /** Bytes after each operand. */
    static final int TAIL = 5;
    private static final byte FILL = (byte) 0x5A;

    private FloatHost() {
    }

    /** A kernel call on embedded arrays (null for an absent operand), each at {@link #LEAD}. */
    @FunctionalInterface
    interface Kernel {
        void run(byte[] params, byte[] in0, byte[] in1, byte[] in2, byte[] out);
    }

    static byte[] embed(byte[] b) {
        if (b == null) {
            return null;
        }
        byte[] a = new byte[LEAD + b.length + TAIL];
        Arrays.fill(a, FILL);
        System.arraycopy(b, 0, a, LEAD, b.length);
        return a;
    }

    /** The {@code outLen} output bytes of {@code kernel}. */
    static byte[] run(byte[] params, byte[] in0, byte[] in1, byte[] in2, int outLen, Kernel kernel) {
        byte[] out = embed(new byte[outLen]);
        kernel.run(embed(params), embed(in0), embed(in1), embed(in2), out);
        for (int k = 0; k < LEAD; k++) {
            if (out[k] != FILL) {
                throw new AssertionError("the kernel wrote before its output");
            }
        }
        for (int k = 0; k < TAIL; k++) {
            if (out[out.length - 1 - k] != FILL) {
                throw new AssertionError("the kernel wrote after its output");
            }
        }
        return Arrays.copyOfRange(out, LEAD, LEAD + outLen);
    }
}
