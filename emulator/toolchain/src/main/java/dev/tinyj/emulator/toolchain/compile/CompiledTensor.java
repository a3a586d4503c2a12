package dev.tinyj.emulator.toolchain.compile;

import dev.tinyj.emulator.toolchain.graph.DType;
import dev.tinyj.emulator.toolchain.graph.Quantization;

/**
 * One tensor after compilation.
 *
 * @param index tensor index in the subgraph
 * @param name tensor name
 * @param type element type
 * @param shape dimensions (NHWC for 4-D activations)
 * @param quantization quantization, or null
 * @param placement arena, flash or absent
 * @param arenaOffset byte offset in the arena (ARENA), else -1
 * @param bytes size in bytes
 * @param data constant bytes as the kernels read them (FLASH), else null
 * @param firstUse index of the first operator that writes or reads it (-1 for a model input: alive from the start;
 *     -1 for an ABSENT tensor)
 * @param lastUse index of the last operator that reads it ({@code ops.size()} for a model output: alive to the end;
 *     the writer when nobody reads it; -1 for an ABSENT tensor)
 * @param aliasOf the root of the group of tensors sharing this one's arena bytes (see {@code InPlaceRules}:
 *     RESHAPE and element-wise in place at the same offset, a windowed operator's output overlapping
 *     its input at a lower offset), or -1 when it is itself a root or not in the arena
 */
public record CompiledTensor(int index, String name, DType type, int[] shape, Quantization quantization,
        Placement placement, int arenaOffset, int bytes, byte[] data, int firstUse, int lastUse, int aliasOf) {
}
