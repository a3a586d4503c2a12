package dev.tinyj.emulator.toolchain.tflite;

import dev.tinyj.emulator.toolchain.graph.DType;
import dev.tinyj.emulator.toolchain.graph.Quantization;
import dev.tinyj.emulator.toolchain.prepare.OpOptions;
import java.util.List;

/**
 * A model to write as a {@code .tflite} file (one subgraph): what the trainer and quantizer
 * produce and the writer lays out as TFLite's converter does.
 *
 * @param description the model's description string (the converter writes e.g. {@code MLIR Converted.})
 * @param subgraphName subgraph name ({@code main} for the converter)
 * @param tensors tensors by index
 * @param operators operators in execution order
 * @param inputs subgraph input tensor indices
 * @param outputs subgraph output tensor indices
 */
public record TfliteSpec(String description, String subgraphName, List<Tensor> tensors, List<Operator> operators,
        int[] inputs, int[] outputs) {

    /**
     * One tensor.
     *
     * @param name tensor name
     * @param type element type
     * @param shape dimensions
     * @param data constant little-endian bytes, or null for an activation
     * @param quantization quantization (per-channel when more than one scale), or null
     */
    public record Tensor(String name, DType type, int[] shape, byte[] data, Quantization quantization) {
    }

    /**
     * One operator.
     *
     * @param builtinName TFLite builtin operator name, e.g. {@code FULLY_CONNECTED}
     * @param inputs input tensor indices (-1 for an absent optional operand)
     * @param outputs output tensor indices
     * @param options builtin options by schema field name
     */
    public record Operator(String builtinName, int[] inputs, int[] outputs, OpOptions options) {
    }
}
