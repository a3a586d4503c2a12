package dev.tinyj.runtime.kernels;

import dev.tinyj.hal.Flash;

/**
 * RESHAPE (int8, int16): the output holds the input's bytes unchanged; only the shape differs, and the
 * shape lives on the host (the model image's tensor table). Follows tflite-micro
 * 90b983c2b3f1480642e040bbd2ddb37b998f3424 {@code tensorflow/lite/micro/kernels/reshape.cc}
 * {@code EvalReshapeReference}: nothing to do when input and output are the same buffer, else a
 * byte copy. In a model image the planner normally lets the output alias the input, so the copy
 * runs only when it could not.
 *
 * <p>The {@code shape} operand (int32, optional) is not passed: its only use is shape inference,
 * done by the host prepare step.
 *
 * <p>Parameter block (little-endian int32 at {@code p}):
 * <table>
 * <caption>RESHAPE parameters</caption>
 * <tr><th>offset</th><th>field</th></tr>
 * <tr><td>{@link #P_BYTES}</td><td>bytes to copy (element count × element size)</td></tr>
 * </table>
 * Trusts prepare: no bounds checks beyond the array accesses themselves.
 *
 * <p>EXPAND_DIMS and SQUEEZE run this kernel too: TFLM's {@code micro/kernels/expand_dims.cc}
 * {@code ExpandDimsEval} and {@code squeeze.cc} {@code SqueezeEval} copy the bytes unchanged, and
 * EXPAND_DIMS' {@code axis} operand and SQUEEZE's {@code squeeze_dims}, like the shape, only shape
 * the output on the host.
 */
public final class Reshape {
    /** Bytes to copy. */
    public static final int P_BYTES = 0;
    /** Size of the parameter block. */
    public static final int P_SIZE = 4;

    private Reshape() {
    }

    /** Copies the input bytes to the output unless both are the same place. */
    public static void eval(byte[] params, int p, byte[] input, int inputOff, byte[] output, int outputOff) {
        int n = Flash.readInt(params, p + P_BYTES);
        if (input == output && inputOff == outputOff) {
            return;
        }
        System.arraycopy(input, inputOff, output, outputOff, n);
    }
}
