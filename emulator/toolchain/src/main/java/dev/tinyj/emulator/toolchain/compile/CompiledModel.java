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
 * @param arenaBytes arena size in bytes: the planned (reused) region, the high-water of all ARENA
 *     tensors and scratch buffers, then the persistent region of the VARIABLE tensors
 *     ({@link #persistentBytes()})
 * @param folding what {@link ConstantFolder} evaluated at compile time; {@link #ops} and its
 *     indices are those of {@code folding.model()}, the model without the folded operators
 */
public record CompiledModel(String name, List<CompiledTensor> tensors, List<CompiledOp> ops, int[] inputs,
        int[] outputs, int arenaBytes, ConstantFolder.Result folding) {

    /**
     * Size of the arena's persistent region in bytes: the VARIABLE tensors (operators' state), each
     * rounded up to {@link ArenaPlanner#ALIGNMENT}, at {@code [plannedBytes(), arenaBytes)}; 0 for
     * a model without state.
     */
    public int persistentBytes() {
        return VariableTensors.regionBytes(tensors);
    }

    /** Size of the planned (reused) region in bytes, at the start of the arena: {@code arenaBytes − persistentBytes()}. */
    public int plannedBytes() {
        return arenaBytes - persistentBytes();
    }

    /** A model nothing was folded in (its {@code folding} has no model). */
    public CompiledModel(String name, List<CompiledTensor> tensors, List<CompiledOp> ops, int[] inputs,
            int[] outputs, int arenaBytes) {
        this(name, tensors, ops, inputs, outputs, arenaBytes, new ConstantFolder.Result(null, List.of()));
    }
}
