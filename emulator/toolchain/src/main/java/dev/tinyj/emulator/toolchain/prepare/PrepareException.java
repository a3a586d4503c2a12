package dev.tinyj.emulator.toolchain.prepare;

/**
 * An operator cannot be prepared: an unsupported tensor type (e.g. int16 activations), a shape or
 * quantization constraint TFLM's prepare step would also reject. A user error (exit code 2); the
 * message names the operator and the tensor.
 */
public final class PrepareException extends Exception {
    private static final long serialVersionUID = 1L;

    public PrepareException(String message) {
        super(message);
    }

    /** {@code ADD: unsupported type int16 for tensor 0 (input1); TinyJ runs int8 ...}. */
    public static PrepareException unsupportedType(String op, dev.tinyj.emulator.toolchain.graph.TensorInfo t,
            String role, String supported) {
        return new PrepareException(op + ": unsupported type " + t.type().label() + " for " + t.describe() + " ("
                + role + "); supported: " + supported);
    }
}
