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
}
