package dev.tinyj.emulator.toolchain.prepare;

/**
 * The result of a prepare step: the kernel's parameter block (layout given by the kernel's
 * {@code P_*} constants) and the output shape TFLite's shape inference gives.
 *
 * @param params little-endian parameter block
 * @param outputShape inferred output dimensions
 * @param scratchBytes scratch buffer the kernel needs in the arena, bytes (0 for none)
 */
public record PreparedOp(byte[] params, int[] outputShape, int scratchBytes) {
}
