package dev.tinyj.conformance.kernels.int16;

import dev.tinyj.emulator.toolchain.graph.TensorInfo;
import dev.tinyj.emulator.toolchain.prepare.OpContext;
import java.util.Arrays;

/**
 * Runs an int16 kernel on the host JVM with the parameter block and every operand at an odd
 * offset inside a larger, filled array, and checks the kernel wrote nothing outside its output.
 */
final class Int16Host {
    /** Bytes before each operand (odd: int16 and int64 reads are unaligned). */
    static final int LEAD = 3;
    /** Bytes after each operand. */
    static final int TAIL = 5;
    private static final byte FILL = (byte) 0xA5;

    private Int16Host() {
    }

    /** A kernel taking input, filter and optional bias ({@code Conv2DInt16.eval} and its kin). */
    @FunctionalInterface
    interface Layer {
        void eval(byte[] params, int p, byte[] in, int inOff, byte[] filter, int filterOff, byte[] bias, int biasOff,
                byte[] out, int outOff);
    }

    /** A kernel taking one input ({@code AveragePool2DInt16.eval}, {@code SoftmaxInt16.eval}, ...). */
    @FunctionalInterface
    interface Unary {
        void eval(byte[] params, int p, byte[] in, int inOff, byte[] out, int outOff);
    }

    /**
     * The {@code outBytes} output bytes of {@code kernel} on input bytes {@code in} and the constant
     * filter and optional bias of {@code ctx}.
     */
    static byte[] layer(Layer kernel, byte[] params, byte[] in, OpContext ctx, int outBytes) {
        TensorInfo bias = ctx.inputs().size() > 2 ? ctx.input(2) : null;
        byte[] out = embed(new byte[outBytes]);
        kernel.eval(embed(params), LEAD, embed(in), LEAD, embed(ctx.input(1).data()), LEAD,
                bias == null ? null : embed(bias.data()), LEAD, out, LEAD);
        return output(out, outBytes);
    }

    /** The {@code outBytes} output bytes of {@code kernel} on input bytes {@code in}. */
    static byte[] unary(Unary kernel, byte[] params, byte[] in, int outBytes) {
        byte[] out = embed(new byte[outBytes]);
        kernel.eval(embed(params), LEAD, embed(in), LEAD, out, LEAD);
        return output(out, outBytes);
    }

    private static byte[] embed(byte[] b) {
        byte[] a = new byte[LEAD + b.length + TAIL];
        Arrays.fill(a, FILL);
        System.arraycopy(b, 0, a, LEAD, b.length);
        return a;
    }

    private static byte[] output(byte[] out, int outBytes) {
        for (int k = 0; k < LEAD; k++) {
            if (out[k] != FILL) {
                throw new AssertionError("the kernel wrote before its output");
            }
        }
        for (int k = LEAD + outBytes; k < out.length; k++) {
            if (out[k] != FILL) {
                throw new AssertionError("the kernel wrote after its output");
            }
        }
        return Arrays.copyOfRange(out, LEAD, LEAD + outBytes);
    }
}
