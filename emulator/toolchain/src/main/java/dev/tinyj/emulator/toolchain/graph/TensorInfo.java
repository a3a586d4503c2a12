package dev.tinyj.emulator.toolchain.graph;

import java.util.Arrays;

/**
 * What the host toolchain knows of one tensor: index, name, type, shape (NHWC for 4-D
 * activations), quantization, and its constant data when it is a constant (weights, bias,
 * paddings, axes: little-endian bytes as the flatbuffer buffer holds them).
 *
 * @param index tensor index in the subgraph
 * @param name tensor name ("" when none)
 * @param type element type
 * @param shape dimensions (empty for a scalar)
 * @param quantization quantization parameters, or null when not quantized
 * @param data constant bytes, or null for an activation
 */
public record TensorInfo(int index, String name, DType type, int[] shape, Quantization quantization, byte[] data) {
    /** Number of elements. */
    public int flatSize() {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        return n;
    }

    /** Size in bytes. */
    public int bytes() {
        return flatSize() * type.bytes();
    }

    /** Whether the tensor is a constant. */
    public boolean isConstant() {
        return data != null;
    }

    /** Dimension {@code k}; negative counts from the end. */
    public int dim(int k) {
        return shape[k < 0 ? shape.length + k : k];
    }

    /** Constant data as little-endian int32 values. */
    public int[] int32Data() {
        int[] v = new int[data.length / 4];
        java.nio.ByteBuffer.wrap(data).order(java.nio.ByteOrder.LITTLE_ENDIAN).asIntBuffer().get(v);
        return v;
    }

    /** {@code tensor 3 'output' int8[2,3]} for messages. */
    public String describe() {
        return "tensor " + index + (name.isEmpty() ? "" : " '" + name + "'") + " " + type.label()
                + Arrays.toString(shape).replace(" ", "");
    }
}
