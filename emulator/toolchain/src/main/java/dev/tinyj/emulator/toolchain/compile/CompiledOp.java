package dev.tinyj.emulator.toolchain.compile;

/**
 * One operator after compilation: its runtime op code, the prepared parameter block, and its
 * operands by tensor index.
 *
 * @param index operator index in execution order (in the image; the device's panics name it)
 * @param opCode runtime op code ({@link dev.tinyj.emulator.toolchain.ops.OpTable})
 * @param name TFLite builtin name
 * @param params parameter block (layout: the kernel's {@code P_*} constants)
 * @param inputs input tensor indices in TFLite operand order; -1 for an absent optional operand
 * @param output output tensor index
 * @param inPlace true when the kernel is skipped because the output aliases the input (RESHAPE);
 *     element-wise and windowed operators that write over their input still run (their output's
 *     {@link CompiledTensor#aliasOf()} says so)
 * @param sourceIndex its operator index in the {@code .tflite} file (differs from {@code index}
 *     when constant folding removed operators before it: what Netron and TFLM call it)
 */
public record CompiledOp(int index, int opCode, String name, byte[] params, int[] inputs, int output,
        boolean inPlace, int sourceIndex) {
    /** An operator whose file index is its execution index (no operator folded before it). */
    public CompiledOp(int index, int opCode, String name, byte[] params, int[] inputs, int output, boolean inPlace) {
        this(index, opCode, name, params, inputs, output, inPlace, index);
    }
}
