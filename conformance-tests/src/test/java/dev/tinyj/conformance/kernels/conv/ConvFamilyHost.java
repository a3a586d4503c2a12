package dev.tinyj.conformance.kernels.conv;

import dev.tinyj.runtime.kernels.Conv2D;
import dev.tinyj.runtime.kernels.DepthwiseConv2D;
import dev.tinyj.runtime.kernels.FullyConnected;
import java.util.Arrays;

/**
 * Runs CONV_2D, DEPTHWISE_CONV_2D or FULLY_CONNECTED on the host JVM with every operand (and the
 * params block) placed at a non-zero offset inside a larger array, padding bytes around it, and
 * checks the kernel wrote nothing outside its output.
 */
final class ConvFamilyHost {
    /** Bytes placed before each operand. */
    static final int LEAD = 3;
    /** Bytes placed after each operand. */
    static final int TAIL = 5;
    private static final byte FILL = (byte) 0x5A;

    private ConvFamilyHost() {
    }

    /** Operand bytes inside a larger array at {@link #LEAD}; null stays null. */
    static byte[] embed(byte[] b) {
        if (b == null) {
            return null;
        }
        byte[] a = new byte[LEAD + b.length + TAIL];
        Arrays.fill(a, FILL);
        System.arraycopy(b, 0, a, LEAD, b.length);
        return a;
    }

    /** The output of {@code op} ({@code outLen} bytes). */
    static byte[] run(String op, byte[] params, byte[] input, byte[] filter, byte[] bias, int outLen) {
        byte[] p = embed(params);
        byte[] in = embed(input);
        byte[] f = embed(filter);
        byte[] b = embed(bias);
        byte[] out = embed(new byte[outLen]);
        switch (op) {
            case "CONV_2D" -> Conv2D.eval(p, LEAD, in, LEAD, f, LEAD, b, LEAD, out, LEAD);
            case "DEPTHWISE_CONV_2D" -> DepthwiseConv2D.eval(p, LEAD, in, LEAD, f, LEAD, b, LEAD, out, LEAD);
            case "FULLY_CONNECTED" -> FullyConnected.eval(p, LEAD, in, LEAD, f, LEAD, b, LEAD, out, LEAD);
            default -> throw new IllegalArgumentException(op);
        }
        for (int k = 0; k < LEAD; k++) {
            if (out[k] != FILL || out[out.length - 1 - k] != FILL) {
                throw new AssertionError(op + " wrote outside its output");
            }
        }
        return Arrays.copyOfRange(out, LEAD, LEAD + outLen);
    }
}
