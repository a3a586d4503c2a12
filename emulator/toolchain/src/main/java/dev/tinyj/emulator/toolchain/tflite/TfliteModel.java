package dev.tinyj.emulator.toolchain.tflite;

import dev.tinyj.emulator.toolchain.graph.DType;
import dev.tinyj.emulator.toolchain.graph.Quantization;
import dev.tinyj.emulator.toolchain.graph.TensorInfo;
import dev.tinyj.emulator.toolchain.prepare.OpContext;
import dev.tinyj.emulator.toolchain.prepare.OpOptions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A TFLite model (schema version 3) as {@link TfliteReader} read it: the schema's {@code Model},
 * {@code OperatorCode}, {@code Buffer}, {@code SubGraph}, {@code Tensor} and {@code Operator}
 * tables, every index already checked to be in range. Only subgraph 0 runs; the others are read
 * and validated but nothing calls them. Arrays in these records are the reader's own copies.
 *
 * @param name file name as given
 * @param version schema version (always 3)
 * @param description the model's description, "" when absent
 * @param operatorCodes the operator codes operators index
 * @param subgraphs every subgraph, at least one
 * @param buffers every buffer (buffer 0 is the empty sentinel by convention)
 */
public record TfliteModel(String name, long version, String description, List<OperatorCode> operatorCodes,
        List<Subgraph> subgraphs, List<Buffer> buffers) {

    /**
     * One {@code OperatorCode}.
     *
     * @param builtinCode the effective builtin code: max(deprecated_builtin_code, builtin_code), as
     *     TFLite's {@code GetBuiltinCode} takes it
     * @param deprecatedBuiltinCode field 0 ({@code byte})
     * @param extendedBuiltinCode field 3 ({@code builtin_code}, int32)
     * @param customCode field 1, or null
     * @param version field 2 (default 1)
     */
    public record OperatorCode(int builtinCode, int deprecatedBuiltinCode, int extendedBuiltinCode, String customCode,
            int version) {
        /** Whether this is a custom operator ({@code CUSTOM}, 32). */
        public boolean isCustom() {
            return builtinCode == CUSTOM;
        }

        /** {@code FULLY_CONNECTED}, or {@code CUSTOM 'name'} for a custom operator. */
        public String name() {
            String n = BuiltinNames.operator(builtinCode);
            return isCustom() ? n + " '" + (customCode == null ? "" : customCode) + "'" : n;
        }
    }

    /** The {@code BuiltinOperator} value of custom operators. */
    public static final int CUSTOM = 32;

    /**
     * One {@code Buffer}: its bytes, from the {@code data} vector or, in the form the converter
     * uses for models over 2 GB, from {@code offset}/{@code size} relative to the file's start.
     *
     * @param index buffer index
     * @param data the bytes (empty when none)
     * @param position file offset of the bytes (for messages)
     */
    public record Buffer(int index, byte[] data, int position) {
        /** Whether the buffer holds no bytes. */
        public boolean isEmpty() {
            return data.length == 0;
        }
    }

    /**
     * One {@code Tensor}.
     *
     * @param index tensor index in its subgraph
     * @param name name ("" when absent)
     * @param typeCode the schema's {@code TensorType} value
     * @param type that type, or null when this TinyJ does not know the code
     * @param shape dimensions (empty for a scalar)
     * @param buffer buffer index (0 = none)
     * @param quantization affine quantization, or null
     * @param isVariable the schema's {@code is_variable}
     * @param position file offset of the tensor table (for messages)
     */
    public record Tensor(int index, String name, int typeCode, DType type, int[] shape, int buffer,
            Quantization quantization, boolean isVariable, int position) {
        /** {@code tensor 3 'output' int8[2,3]}. */
        public String describe() {
            return "tensor " + index + (name.isEmpty() ? "" : " '" + name + "'") + " " + typeLabel()
                    + Arrays.toString(shape).replace(" ", "");
        }

        /** {@code int8}, or {@code type#42} for an unknown type code. */
        public String typeLabel() {
            return type == null ? "type#" + typeCode : type.label();
        }
    }

    /**
     * One {@code Operator}.
     *
     * @param index operator index in execution order
     * @param opcodeIndex index into {@link TfliteModel#operatorCodes()}
     * @param inputs input tensor indices (-1 = optional operand absent)
     * @param outputs output tensor indices
     * @param optionsType the {@code builtin_options_type} union value (0 = NONE)
     * @param options decoded builtin options with schema defaults filled in for operators TinyJ
     *     supports ({@link OptionsDecoder}); empty for the others
     * @param position file offset of the operator table (for messages)
     */
    public record Operator(int index, int opcodeIndex, int[] inputs, int[] outputs, int optionsType,
            OpOptions options, int position) {
    }

    /**
     * One {@code SubGraph}.
     *
     * @param name name ("" when absent)
     * @param tensors every tensor
     * @param inputs input tensor indices
     * @param outputs output tensor indices
     * @param operators operators in execution order
     */
    public record Subgraph(String name, List<Tensor> tensors, int[] inputs, int[] outputs, List<Operator> operators) {
    }

    /** Subgraph 0, the one that runs. */
    public Subgraph main() {
        return subgraphs.get(0);
    }

    /** The operator code of operator {@code op} of subgraph 0. */
    public OperatorCode code(Operator op) {
        return operatorCodes.get(op.opcodeIndex());
    }

    /** The name of operator {@code op}: {@code CONV_2D}, {@code CUSTOM 'x'}. */
    public String opName(Operator op) {
        return code(op).name();
    }

    /**
     * The toolchain's view of tensor {@code index} of subgraph 0: its constant data is the bytes of
     * its buffer when that buffer is not empty (shared with other tensors of the same buffer; do
     * not modify). A variable tensor ({@code is_variable}) is never a constant: TFLM gives it a
     * persistent buffer and resets it, whatever its buffer holds.
     *
     * @throws TfliteException when the tensor's type code is unknown to TinyJ
     */
    public TensorInfo tensorInfo(int index) throws TfliteException {
        Tensor t = main().tensors().get(index);
        if (t.type() == null) {
            throw new TfliteException(name, t.position(), "expected a known TensorType in " + t.describe()
                    + ", got " + t.typeCode());
        }
        Buffer b = buffers.isEmpty() || t.isVariable() ? null : buffers.get(t.buffer());
        byte[] data = b == null || b.isEmpty() ? null : b.data();
        return new TensorInfo(t.index(), t.name(), t.type(), t.shape().clone(), t.quantization(), data);
    }

    /**
     * What a prepare step sees of the operator at position {@code index} of subgraph 0 (its
     * {@link OpContext#index()} is the operator's own {@link Operator#index()}: its index in the
     * file, also after constant folding removed operators before it). An absent optional input
     * (-1) is a null element of {@link OpContext#inputs()}; the output is the first output.
     */
    public OpContext context(int index) throws TfliteException {
        Operator op = main().operators().get(index);
        List<TensorInfo> in = new ArrayList<>();
        for (int i : op.inputs()) {
            in.add(i < 0 ? null : tensorInfo(i));
        }
        if (op.outputs().length == 0 || op.outputs()[0] < 0) {
            throw new TfliteException(name, op.position(), "expected operator " + op.index() + " (" + opName(op)
                    + ") to have an output");
        }
        return new OpContext(opName(op), op.index(), in, tensorInfo(op.outputs()[0]), op.options());
    }

    /**
     * One line for every operator of subgraph 0 that TinyJ does not support and every tensor of a
     * supported operator whose type it does not support, in operator order; empty when the model
     * is fully supported. See {@link Support}.
     */
    public List<String> unsupported() {
        return Support.unsupported(this);
    }
}
