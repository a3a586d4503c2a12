package dev.tinyj.emulator.toolchain.train;

/**
 * A dense layer's activation, applied element-wise after {@code W·x + b}. The names are the
 * TFLite {@code fused_activation_function} values the quantizer writes.
 */
public enum Activation {
    /** Identity. */
    NONE,
    /** {@code max(0, z)}; its derivative is taken as 0 at z = 0 (as TensorFlow does). */
    RELU;

    /** f(z). */
    double apply(double z) {
        return this == RELU ? (z > 0 ? z : 0.0) : z;
    }

    /** f'(z), from the pre-activation z. */
    double derivative(double z) {
        return this == RELU ? (z > 0 ? 1.0 : 0.0) : 1.0;
    }
}
