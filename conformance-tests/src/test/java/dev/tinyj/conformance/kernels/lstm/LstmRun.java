package dev.tinyj.conformance.kernels.lstm;

import dev.tinyj.emulator.toolchain.graph.TensorInfo;
import dev.tinyj.runtime.kernels.UnidirectionalSequenceLstm;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Calls {@link UnidirectionalSequenceLstm#eval} directly, every operand (and the parameter block)
 * in its own array behind {@code pad} bytes, so the kernel must honour every offset.
 */
final class LstmRun {
    /** TFLite positions of the operands the kernel takes, in its parameter order. */
    private static final int[] OPERANDS = {1, 2, 3, 4, 5, 6, 7, 8, 12, 13, 14, 15};

    private LstmRun() {
    }

    /** Runs the case's operator with parameter block {@code params}; the states it leaves and the output. */
    static LstmReference.Result run(LstmPropertyTest.LstmCase c, byte[] params, int pad) {
        byte[][] w = new byte[OPERANDS.length][];
        for (int k = 0; k < OPERANDS.length; k++) {
            TensorInfo t = c.context().input(OPERANDS[k]);
            w[k] = padded(t.data(), pad + k);
        }
        byte[] p = padded(params, pad);
        byte[] input = padded(c.input(), pad);
        byte[] hidden = padded(c.hidden(), pad + 1);
        ByteBuffer cellBytes = ByteBuffer.allocate(2 * c.cell().length).order(ByteOrder.LITTLE_ENDIAN);
        for (short s : c.cell()) {
            cellBytes.putShort(s);
        }
        byte[] cell = padded(cellBytes.array(), pad + 2);
        int outBytes = c.context().output().flatSize();
        byte[] out = new byte[pad + 3 + outBytes];
        UnidirectionalSequenceLstm.eval(p, pad, input, pad, w[0], pad, w[1], pad + 1, w[2], pad + 2, w[3], pad + 3,
                w[4], pad + 4, w[5], pad + 5, w[6], pad + 6, w[7], pad + 7, w[8], pad + 8, w[9], pad + 9, w[10],
                pad + 10, w[11], pad + 11, hidden, pad + 1, cell, pad + 2, out, pad + 3);
        short[] cellAfter = new short[c.cell().length];
        ByteBuffer.wrap(cell, pad + 2, 2 * cellAfter.length).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer()
                .get(cellAfter);
        return new LstmReference.Result(Arrays.copyOfRange(out, pad + 3, out.length),
                Arrays.copyOfRange(hidden, pad + 1, pad + 1 + c.hidden().length), cellAfter);
    }

    /** {@code data} behind {@code pad} bytes of 0x5A, with 3 more after. */
    private static byte[] padded(byte[] data, int pad) {
        byte[] b = new byte[pad + data.length + 3];
        Arrays.fill(b, (byte) 0x5A);
        System.arraycopy(data, 0, b, pad, data.length);
        return b;
    }
}
