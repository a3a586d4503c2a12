package dev.tinyj.emulator.toolchain.prepare;

import dev.tinyj.emulator.toolchain.graph.TensorInfo;
import java.util.List;

/**
 * What a prepare step sees of one operator: its TFLite name, input tensors in operand order
 * (constants carry their data), the output tensor, and the builtin options.
 *
 * @param op TFLite builtin operator name, e.g. {@code CONV_2D}
 * @param index operator index in the subgraph (for messages)
 * @param inputs input tensors in TFLite operand order
 * @param output the output tensor (its shape is what the model declares)
 * @param options builtin options by schema field name
 */
public record OpContext(String op, int index, List<TensorInfo> inputs, TensorInfo output, OpOptions options) {
    /** Input {@code k}. */
    public TensorInfo input(int k) {
        return inputs.get(k);
    }

    /** {@code operator 3 (CONV_2D)} for messages. */
    public String where() {
        return "operator " + index + " (" + op + ")";
    }
}
