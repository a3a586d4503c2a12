package dev.tinyj.emulator.toolchain.compile;

/**
 * One operator after compilation: its runtime op code, the prepared parameter block, and its
 * operands by tensor index.
 *
 * @param index operator index in execution order
 * @param opCode runtime op code ({@link dev.tinyj.emulator.toolchain.ops.OpTable})
 * @param name TFLite builtin name
 * @param params parameter block (layout: the kernel's {@code P_*} constants)
 * @param inputs input tensor indices in TFLite operand order; -1 for an absent optional operand
 * @param output output tensor index
 * @param inPlace true when the kernel is skipped because the output aliases the input (RESHAPE);
 *     element-wise and windowed operators that write over their input still run (their output's
 *     {@link CompiledTensor#aliasOf()} says so)
 */
public record CompiledOp(int index, int opCode, String name, byte[] params, int[] inputs, int output,
        boolean inPlace) {
}
