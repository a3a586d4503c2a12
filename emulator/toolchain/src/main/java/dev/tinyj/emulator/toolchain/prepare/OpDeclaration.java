package dev.tinyj.emulator.toolchain.prepare;

import dev.tinyj.emulator.toolchain.ops.OpSpec;

/**
 * An operator's host side: its prepare step and its declaration ({@link OpSpec}: builtin code and
 * name, options schema, operand rules, in-place kind, MAC count, kernel panics, bridge). One
 * {@link dev.tinyj.emulator.toolchain.ops.OpTable} line gives it a runtime op code; everything
 * else the host and the device need about the op is derived from the two.
 */
public interface OpDeclaration extends OpPrepare {
    /** The declaration. */
    OpSpec spec();

    /**
     * How many ULPs a float32 output element of this operator's kernel may be from TFLM's output
     * (its x86-64 build, where the golden data come from): 0, the default, for a bit-exact kernel;
     * more only where TFLM calls the C library (float SOFTMAX's {@code std::exp}), with the
     * documented, measured bound. {@code tinyj run --expect} accepts that much for a model output
     * this operator writes, and the kernel harness checks the operator's vectors within it.
     */
    default int outputUlpsFromTflm() {
        return 0;
    }
}
