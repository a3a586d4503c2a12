package dev.tinyj.emulator.toolchain.compile;

import java.util.List;

/**
 * A model compiled for the TinyJ runtime: every operator prepared, every tensor placed (arena
 * offset or flash data), the arena planned. Written to a model image by the image writer.
 *
 * @param name model name (file name without extension)
 * @param tensors every tensor of subgraph 0, by index
 * @param ops operators in execution order
 * @param inputs model input tensor indices
 * @param outputs model output tensor indices
 * @param arenaBytes arena size in bytes (the planned high-water of all ARENA tensors)
 * @param folding what {@link ConstantFolder} evaluated at compile time; {@link #ops} and its
 *     indices are those of {@code folding.model()}, the model without the folded operators
 */
public record CompiledModel(String name, List<CompiledTensor> tensors, List<CompiledOp> ops, int[] inputs,
        int[] outputs, int arenaBytes, ConstantFolder.Result folding) {

    /** A model nothing was folded in (its {@code folding} has no model). */
    public CompiledModel(String name, List<CompiledTensor> tensors, List<CompiledOp> ops, int[] inputs,
            int[] outputs, int arenaBytes) {
        this(name, tensors, ops, inputs, outputs, arenaBytes, new ConstantFolder.Result(null, List.of()));
    }
}
