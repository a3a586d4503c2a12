package dev.tinyj.emulator.toolchain.prepare;

/**
 * The host-side prepare step of one operator, as TFLM's {@code Prepare} does it: check types,
 * shapes and quantization, infer the output shape, and precompute every parameter the integer
 * kernel needs (multipliers and shifts from double scales, activation range, padding).
 */
@FunctionalInterface
public interface OpPrepare {
    /**
     * @throws PrepareException for an unsupported type or a constraint TFLM would reject; the
     *     message names the operator ({@link OpContext#where()}) and the tensor
     */
    PreparedOp prepare(OpContext ctx) throws PrepareException;
}
