package dev.tinyj.emulator.toolchain.quantize;

import dev.tinyj.emulator.toolchain.graph.DType;
import dev.tinyj.emulator.toolchain.graph.Quantization;
import dev.tinyj.emulator.toolchain.prepare.OpOptions;
import dev.tinyj.emulator.toolchain.tflite.TfliteSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Post-training full-integer quantization of a dense stack into a {@link TfliteSpec} laid out as
 * TFLite's converter lays out a Keras {@code Sequential} of {@code Dense} layers (compare
 * {@code hello_world_int8.tflite}): one FULLY_CONNECTED per layer, int8 input and output of shape
 * [1, features], no QUANTIZE/DEQUANTIZE ops.
 *
 * <p>Tensor order and names for L layers named {@code dense}, {@code dense_1}, ...:
 *
 * <ol>
 * <li>0: the input, {@code serving_default_dense_input:0}, int8 [1, in];</li>
 * <li>then, from the last layer down to the first: its bias
 *     {@code sequential/<layer>/BiasAdd/ReadVariableOp} int32 [units] and its weights
 *     {@code sequential/<layer>/MatMul} int8 [units, in];</li>
 * <li>then the hidden activations in layer order, e.g.
 *     {@code sequential/dense/MatMul;sequential/dense/Relu;sequential/dense/BiasAdd} int8 [1, units];</li>
 * <li>last: the output, {@code StatefulPartitionedCall:0}, int8 [1, out].</li>
 * </ol>
 *
 * Quantization follows {@link AffineQuant}: activations per tensor asymmetric from the
 * {@link Calibrator} ranges, weights per channel symmetric on dimension 0, bias int32 with
 * input scale × weight scale. A ReLU layer's fused activation is {@code RELU}, the others {@code NONE}.
 */
public final class Int8Quantizer {
    /** The converter's subgraph name. */
    public static final String SUBGRAPH = "main";
    /** The converter's input tensor name. */
    public static final String INPUT_NAME = "serving_default_dense_input:0";
    /** The converter's output tensor name. */
    public static final String OUTPUT_NAME = "StatefulPartitionedCall:0";

    private Int8Quantizer() {
    }

    /**
     * Quantizes {@code layers}.
     *
     * @param layers the float network, first to last
     * @param representative calibration inputs [n, layers[0].inputs()] row-major
     * @param description the model description to record
     * @return the int8 model
     */
    public static TfliteSpec quantize(List<FloatDense> layers, double[] representative, String description) {
        int count = layers.size();
        List<Range> ranges = Calibrator.calibrate(layers, representative);
        Quantization[] act = new Quantization[count + 1];
        for (int i = 0; i <= count; i++) {
            act[i] = AffineQuant.asymmetric(ranges.get(i));
        }
        // Tensor indices: input 0; layer l's bias at 1 + 2(L−1−l), weights next; activations after.
        int firstActivation = 1 + 2 * count;
        int[] activationIndex = new int[count + 1];
        activationIndex[0] = 0;
        for (int l = 0; l < count; l++) {
            activationIndex[l + 1] = firstActivation + l;
        }
        TfliteSpec.Tensor[] tensors = new TfliteSpec.Tensor[firstActivation + count];
        tensors[0] = new TfliteSpec.Tensor(INPUT_NAME, DType.INT8, new int[] {1, layers.getFirst().inputs()}, null,
                act[0]);
        List<TfliteSpec.Operator> ops = new ArrayList<>();
        for (int l = 0; l < count; l++) {
            FloatDense layer = layers.get(l);
            String name = layerName(l);
            AffineQuant.Weights w = AffineQuant.symmetricPerChannel(layer.weights(), layer.units());
            AffineQuant.Bias b = AffineQuant.bias(layer.bias(), act[l].scale0(), w.quantization().scale());
            int biasIndex = 1 + 2 * (count - 1 - l);
            tensors[biasIndex] = new TfliteSpec.Tensor("sequential/" + name + "/BiasAdd/ReadVariableOp", DType.INT32,
                    new int[] {layer.units()}, b.bytes(), b.quantization());
            tensors[biasIndex + 1] = new TfliteSpec.Tensor("sequential/" + name + "/MatMul", DType.INT8,
                    new int[] {layer.units(), layer.inputs()}, w.values(), w.quantization());
            boolean last = l == count - 1;
            String outName = last ? OUTPUT_NAME : activationName(name, layer.relu());
            tensors[activationIndex[l + 1]] = new TfliteSpec.Tensor(outName, DType.INT8,
                    new int[] {1, layer.units()}, null, act[l + 1]);
            ops.add(new TfliteSpec.Operator("FULLY_CONNECTED",
                    new int[] {activationIndex[l], biasIndex + 1, biasIndex}, new int[] {activationIndex[l + 1]},
                    options(layer.relu())));
        }
        return new TfliteSpec(description, SUBGRAPH, List.of(tensors), List.copyOf(ops), new int[] {0},
                new int[] {activationIndex[count]});
    }

    /** Keras' default layer names: {@code dense}, {@code dense_1}, {@code dense_2}, ... */
    public static String layerName(int l) {
        return l == 0 ? "dense" : "dense_" + l;
    }

    private static String activationName(String layer, boolean relu) {
        String p = "sequential/" + layer;
        return relu ? p + "/MatMul;" + p + "/Relu;" + p + "/BiasAdd" : p + "/MatMul;" + p + "/BiasAdd";
    }

    /** FULLY_CONNECTED options as the converter writes them (and TinyJ's reader decodes them). */
    private static OpOptions options(boolean relu) {
        return new OpOptions(Map.of(
                "fused_activation_function", relu ? "RELU" : "NONE",
                "weights_format", "DEFAULT",
                "keep_num_dims", "false",
                "asymmetric_quantize_inputs", "false"));
    }
}
