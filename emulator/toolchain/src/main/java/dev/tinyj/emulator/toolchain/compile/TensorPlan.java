package dev.tinyj.emulator.toolchain.compile;

import dev.tinyj.emulator.toolchain.graph.DType;

/**
 * One tensor as {@link ModelCompiler} hands it to {@link Layout}: its final shape and size, where it
 * lives and when it is alive (steps 3 and 4). Layout adds the arena offset and the group; the
 * compiler then makes the {@link CompiledTensor}.
 *
 * @param index tensor index in the subgraph
 * @param type element type, or null when the model's type is not supported
 * @param shape dimensions: the prepared output shape for a tensor an operator writes, else the declared shape
 * @param elements element count (the product of the dimensions, a negative one counted as 0)
 * @param bytes size in bytes ({@code elements} × the type's size; 0 without a type)
 * @param placement arena, flash or absent
 * @param data constant bytes as the kernels read them (FLASH), else null
 * @param firstUse first operator index at which it is alive (-1 for a model input; -1 when ABSENT)
 * @param lastUse last operator index at which it is alive ({@code ops} for a model output; -1 when ABSENT)
 * @param modelInput whether it is a model input
 */
record TensorPlan(int index, DType type, int[] shape, long elements, int bytes, Placement placement, byte[] data,
        int firstUse, int lastUse, boolean modelInput) {

    /** Whether it is placed in the arena. */
    boolean inArena() {
        return placement == Placement.ARENA;
    }
}
