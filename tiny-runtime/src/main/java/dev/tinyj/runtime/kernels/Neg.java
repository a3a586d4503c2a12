package dev.tinyj.runtime.kernels;

import dev.tinyj.hal.Flash;

/**
 * NEG, float32: TFLM's {@code reference_ops::Negate}
 * ({@code tensorflow/lite/kernels/internal/reference/neg.h}, run by
 * {@code tensorflow/lite/micro/kernels/neg.cc} {@code NegEval}, tflite-micro
 * 90b983c2b3f1480642e040bbd2ddb37b998f3424), {@code output[i] = -input[i]}. IEEE negation flips the
 * sign bit and nothing else (0 becomes −0, a NaN keeps its payload; x86-64 compiles it to an
 * {@code xorps} with the sign mask), so the kernel copies each little-endian float32 and flips bit 7
 * of its last byte: no float arithmetic. NEG has no int8 kernel in TFLM at that commit
 * ({@code NegEval}: "TODO(wangtz): handle for kTfLiteInt8"), so neither has TinyJ.
 *
 * <p>Element i's bytes are read just before they are written, in increasing order, so the output
 * may overwrite the input.
 *
 * <p>Parameter block (int32 fields, byte offsets): {@link #P_COUNT} (elements). Size
 * {@link #P_SIZE}.
 */
public final class Neg {
    private Neg() {
    }

    public static final int P_COUNT = 0;
    public static final int P_SIZE = 4;

    /** {@code output[i] = -input[i]} for the block's element count, float32 to float32. */
    public static void eval(byte[] params, int p, byte[] input, int inputOff, byte[] output, int outputOff) {
        int bytes = 4 * Flash.readInt(params, p + P_COUNT);
        for (int i = 0; i < bytes; i += 4) {
            output[outputOff + i] = input[inputOff + i];
            output[outputOff + i + 1] = input[inputOff + i + 1];
            output[outputOff + i + 2] = input[inputOff + i + 2];
            output[outputOff + i + 3] = (byte) (input[inputOff + i + 3] ^ 0x80);
        }
    }
}
