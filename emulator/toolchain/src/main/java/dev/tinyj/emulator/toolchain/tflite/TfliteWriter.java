package dev.tinyj.emulator.toolchain.tflite;

import dev.tinyj.emulator.toolchain.graph.DType;
import dev.tinyj.emulator.toolchain.graph.Quantization;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes a {@link TfliteSpec} as a TFLite model (schema version 3, file identifier {@code TFL3}),
 * laid out as TFLite's MLIR converter lays out its output ({@code hello_world_int8.tflite}):
 *
 * <ol>
 *   <li>objects are created in the converter's order, so they appear back to front in the file:
 *       operator codes (in order of first use; {@code deprecated_builtin_code} = min(code, 127) and
 *       {@code builtin_code} = code, version from {@link Extras#opVersions()}, default 1); then each
 *       tensor (shape, name, quantization scale and zero point vectors and table, shape signature,
 *       tensor table with {@code has_rank} = true; an unquantized tensor gets an empty
 *       quantization table, except a float one, which gets none, as in the converter's outputs in
 *       {@code shared/models}: int32 {@code model/flatten/Const}, float32 {@code input_1}); the
 *       tensor, input and output vectors; each operator (inputs, outputs, builtin options,
 *       operator table); the operator vector, subgraph name, subgraph and subgraph vector; the
 *       description; the buffers; metadata; signature defs; the model;</li>
 *   <li>buffers: buffer 0 is empty; tensor {@code i} owns buffer {@code i + 1}, holding its data
 *       (aligned to 16 bytes), or empty (no data vector) for an activation or a constant of no
 *       bytes (with {@link Extras#sharedEmptyBuffer()}, activations use buffer 0 and constants own
 *       buffers 1, 2, ...); then one buffer per metadata entry;</li>
 *   <li>fields equal to their schema default are left out; identical vtables are shared.</li>
 * </ol>
 *
 * The spec carries no operator versions, shape signatures, is_variable flags, metadata or
 * signature defs; the converter writes them (TFLM needs only is_variable, for stateful operators
 * TinyJ does not run), and {@link Extras} supplies them when a file must match a converter's
 * output exactly. Builtin options are written for the operators whose options the reader decodes
 * ({@link OptionsEncoder}); other operators get none, and custom operators are rejected (a spec has
 * no {@code custom_code}).
 */
public final class TfliteWriter {
    /** Alignment of buffer data, as the converter writes it. */
    public static final int BUFFER_ALIGNMENT = 16;

    /**
     * What a converter writes that a {@link TfliteSpec} does not say. Start from {@link #NONE} and
     * add with the {@code with...} methods.
     *
     * @param opVersions {@code OperatorCode.version} by builtin name (absent = 1)
     * @param shapeSignatures {@code Tensor.shape_signature} by tensor index (absent = none)
     * @param metadata {@code Model.metadata}, each entry's bytes in a buffer after the tensors' buffers
     * @param signatureDefs {@code Model.signature_defs} (empty = none: a signature-free model)
     * @param sharedEmptyBuffer whether activations all use empty buffer 0 (as some writers do) instead
     *     of each owning an empty buffer (as the converter does); constants then take buffers 1, 2, ...
     * @param variableTensors indices of the tensors with {@code is_variable} = true (e.g. LSTM state)
     */
    public record Extras(Map<String, Integer> opVersions, Map<Integer, int[]> shapeSignatures, List<Metadata> metadata,
            List<SignatureDef> signatureDefs, boolean sharedEmptyBuffer, Set<Integer> variableTensors) {
        /** Nothing extra. */
        public static final Extras NONE = new Extras(Map.of(), Map.of(), List.of(), List.of(), false, Set.of());

        /** These extras with operator versions {@code v}. */
        public Extras withOpVersions(Map<String, Integer> v) {
            return new Extras(Map.copyOf(v), shapeSignatures, metadata, signatureDefs, sharedEmptyBuffer,
                    variableTensors);
        }

        /** These extras with shape signatures {@code v}. */
        public Extras withShapeSignatures(Map<Integer, int[]> v) {
            return new Extras(opVersions, Map.copyOf(v), metadata, signatureDefs, sharedEmptyBuffer, variableTensors);
        }

        /** These extras with metadata {@code v}. */
        public Extras withMetadata(List<Metadata> v) {
            return new Extras(opVersions, shapeSignatures, List.copyOf(v), signatureDefs, sharedEmptyBuffer,
                    variableTensors);
        }

        /** These extras with signature defs {@code v}. */
        public Extras withSignatureDefs(List<SignatureDef> v) {
            return new Extras(opVersions, shapeSignatures, metadata, List.copyOf(v), sharedEmptyBuffer,
                    variableTensors);
        }

        /** These extras with activations sharing buffer 0 or not. */
        public Extras withSharedEmptyBuffer(boolean v) {
            return new Extras(opVersions, shapeSignatures, metadata, signatureDefs, v, variableTensors);
        }

        /** These extras with variable tensors {@code v}. */
        public Extras withVariableTensors(Set<Integer> v) {
            return new Extras(opVersions, shapeSignatures, metadata, signatureDefs, sharedEmptyBuffer, Set.copyOf(v));
        }
    }

    /** One {@code Metadata} entry: its name and the bytes of its buffer. */
    public record Metadata(String name, byte[] data) {
    }

    /** One {@code SignatureDef} of subgraph 0. */
    public record SignatureDef(String key, List<TensorMap> inputs, List<TensorMap> outputs) {
    }

    /** One {@code TensorMap}: a signature's name for a tensor. */
    public record TensorMap(String name, int tensorIndex) {
    }

    private final FlatBufferBuilder b = new FlatBufferBuilder(4096);
    private final TfliteSpec spec;
    private final Extras extras;

    private TfliteWriter(TfliteSpec spec, Extras extras) {
        this.spec = spec;
        this.extras = extras;
    }

    /** The {@code .tflite} bytes of {@code spec}. */
    public static byte[] write(TfliteSpec spec) {
        return write(spec, Extras.NONE);
    }

    /**
     * The {@code .tflite} bytes of {@code spec} with {@code extras}.
     *
     * @throws IllegalArgumentException when the spec is inconsistent (an index out of range, an
     *     unknown operator, constant data of the wrong size, scales and zero points of different
     *     lengths, an option value of the wrong kind)
     */
    public static byte[] write(TfliteSpec spec, Extras extras) {
        return new TfliteWriter(spec, extras).model();
    }

    /** The {@code BuiltinOperator} value of {@code name}, e.g. 9 for {@code FULLY_CONNECTED}. */
    public static int builtinCode(String name) {
        for (int code = 0; code < BuiltinNames.operatorCount(); code++) {
            if (BuiltinNames.operator(code).equals(name)) {
                return code;
            }
        }
        if (name.equals(BuiltinNames.operator(225))) {
            return 225;
        }
        throw new IllegalArgumentException("expected a TFLite builtin operator name, got '" + name + "'");
    }

    private byte[] model() {
        check();
        Map<String, Integer> opcodeIndex = new LinkedHashMap<>();
        for (TfliteSpec.Operator op : spec.operators()) {
            opcodeIndex.putIfAbsent(op.builtinName(), opcodeIndex.size());
        }
        int[] codes = new int[opcodeIndex.size()];
        for (String name : opcodeIndex.keySet()) {
            codes[opcodeIndex.get(name)] = operatorCode(name);
        }
        int codesVec = b.createOffsetVector(codes);

        List<byte[]> bufferData = new ArrayList<>();
        bufferData.add(null);
        int[] tensors = new int[spec.tensors().size()];
        for (int i = 0; i < tensors.length; i++) {
            TfliteSpec.Tensor t = spec.tensors().get(i);
            int buffer = 0;
            if (t.data() != null || !extras.sharedEmptyBuffer()) {
                buffer = bufferData.size();
                bufferData.add(t.data());
            }
            tensors[i] = tensor(i, t, buffer);
        }
        int tensorsVec = b.createOffsetVector(tensors);
        int inputsVec = b.createIntVector(spec.inputs());
        int outputsVec = b.createIntVector(spec.outputs());
        int[] ops = new int[spec.operators().size()];
        for (int i = 0; i < ops.length; i++) {
            TfliteSpec.Operator op = spec.operators().get(i);
            ops[i] = operator(op, opcodeIndex.get(op.builtinName()));
        }
        int opsVec = b.createOffsetVector(ops);
        int sgName = spec.subgraphName() == null ? 0 : b.createString(spec.subgraphName());
        b.startTable();
        b.addOffset(4, sgName);
        b.addOffset(3, opsVec);
        b.addOffset(2, outputsVec);
        b.addOffset(1, inputsVec);
        b.addOffset(0, tensorsVec);
        int subgraphsVec = b.createOffsetVector(new int[] {b.endTable()});
        int description = spec.description() == null ? 0 : b.createString(spec.description());

        int metadataBase = bufferData.size();
        for (Metadata m : extras.metadata()) {
            bufferData.add(m.data());
        }
        int[] buffers = new int[bufferData.size()];
        for (int i = 0; i < buffers.length; i++) {
            buffers[i] = buffer(bufferData.get(i));
        }
        int buffersVec = b.createOffsetVector(buffers);
        int metadataVec = metadata(metadataBase);
        int signaturesVec = signatureDefs();

        b.startTable();
        b.addOffset(7, signaturesVec);
        b.addOffset(6, metadataVec);
        b.addOffset(4, buffersVec);
        b.addOffset(3, description);
        b.addOffset(2, subgraphsVec);
        b.addOffset(1, codesVec);
        b.addInt(0, TfliteReader.SCHEMA_VERSION, 0);
        return b.finish(b.endTable(), TfliteReader.IDENTIFIER);
    }

    private int operatorCode(String name) {
        int code = builtinCode(name);
        b.startTable();
        b.addInt(3, code, 0);
        b.addInt(2, extras.opVersions().getOrDefault(name, 1), 1);
        b.addByte(0, Math.min(code, 127), 0);
        return b.endTable();
    }

    private int tensor(int index, TfliteSpec.Tensor t, int buffer) {
        int shape = b.createIntVector(t.shape());
        int name = t.name() == null ? 0 : b.createString(t.name());
        int quant = quantization(t.quantization(), t.type());
        int[] sig = extras.shapeSignatures().get(index);
        int signature = sig == null ? 0 : b.createIntVector(sig);
        b.startTable();
        b.addOffset(7, signature);
        b.addOffset(4, quant);
        b.addOffset(3, name);
        b.addInt(2, buffer, 0);
        b.addOffset(0, shape);
        b.addBool(8, true, false);
        b.addBool(5, extras.variableTensors().contains(index), false);
        b.addByte(1, t.type().schemaCode(), 0);
        return b.endTable();
    }

    private int quantization(Quantization q, DType type) {
        if (q == null && (type == DType.FLOAT32 || type == DType.FLOAT16 || type == DType.FLOAT64)) {
            return 0;
        }
        if (q == null) {
            b.startTable();
            return b.endTable();
        }
        int scale = b.createFloatVector(q.scale());
        int zeroPoint = b.createLongVector(q.zeroPoint());
        b.startTable();
        b.addInt(6, q.quantizedDimension(), 0);
        b.addOffset(3, zeroPoint);
        b.addOffset(2, scale);
        return b.endTable();
    }

    private int operator(TfliteSpec.Operator op, int opcodeIndex) {
        int inputs = b.createIntVector(op.inputs());
        int outputs = b.createIntVector(op.outputs());
        int[] options = OptionsEncoder.write(b, op.builtinName(), op.options());
        b.startTable();
        b.addOffset(4, options == null ? 0 : options[1]);
        b.addOffset(2, outputs);
        b.addOffset(1, inputs);
        b.addInt(0, opcodeIndex, 0);
        b.addByte(3, options == null ? 0 : options[0], 0);
        return b.endTable();
    }

    private int buffer(byte[] data) {
        int vec = data == null || data.length == 0 ? 0 : b.createByteVector(data, BUFFER_ALIGNMENT);
        b.startTable();
        b.addOffset(0, vec);
        return b.endTable();
    }

    private int metadata(int firstBuffer) {
        if (extras.metadata().isEmpty()) {
            return 0;
        }
        int[] entries = new int[extras.metadata().size()];
        for (int i = 0; i < entries.length; i++) {
            int name = b.createString(extras.metadata().get(i).name());
            b.startTable();
            b.addInt(1, firstBuffer + i, 0);
            b.addOffset(0, name);
            entries[i] = b.endTable();
        }
        return b.createOffsetVector(entries);
    }

    private int signatureDefs() {
        if (extras.signatureDefs().isEmpty()) {
            return 0;
        }
        int[] defs = new int[extras.signatureDefs().size()];
        for (int i = 0; i < defs.length; i++) {
            SignatureDef d = extras.signatureDefs().get(i);
            int inputs = tensorMaps(d.inputs());
            int outputs = tensorMaps(d.outputs());
            int key = b.createString(d.key());
            b.startTable();
            b.addOffset(2, key);
            b.addOffset(1, outputs);
            b.addOffset(0, inputs);
            defs[i] = b.endTable();
        }
        return b.createOffsetVector(defs);
    }

    private int tensorMaps(List<TensorMap> maps) {
        int[] out = new int[maps.size()];
        for (int i = 0; i < out.length; i++) {
            int name = b.createString(maps.get(i).name());
            b.startTable();
            b.addInt(1, maps.get(i).tensorIndex(), 0);
            b.addOffset(0, name);
            out[i] = b.endTable();
        }
        return b.createOffsetVector(out);
    }

    /** Checks the spec's indices, data sizes and quantization before anything is written. */
    private void check() {
        int n = spec.tensors().size();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < n; i++) {
            TfliteSpec.Tensor t = spec.tensors().get(i);
            String what = "tensor " + i + " '" + t.name() + "'";
            if (t.type() == null || t.shape() == null) {
                throw new IllegalArgumentException(what + ": expected a type and a shape");
            }
            long elements = 1;
            for (int d : t.shape()) {
                if (d < 0) {
                    throw new IllegalArgumentException(what + ": expected dimensions >= 0, got " + d);
                }
                elements *= d;
            }
            DType type = t.type();
            if (t.data() != null && type.bytes() > 0 && t.data().length != elements * type.bytes()) {
                throw new IllegalArgumentException(what + ": expected " + elements * type.bytes() + " bytes of "
                        + type.label() + " data, got " + t.data().length);
            }
            Quantization q = t.quantization();
            if (q != null && q.scale().length != q.zeroPoint().length) {
                throw new IllegalArgumentException(what + ": expected as many zero points as scales ("
                        + q.scale().length + "), got " + q.zeroPoint().length);
            }
        }
        indices("subgraph inputs", spec.inputs(), n, false);
        indices("subgraph outputs", spec.outputs(), n, false);
        for (int i = 0; i < spec.operators().size(); i++) {
            TfliteSpec.Operator op = spec.operators().get(i);
            if (seen.computeIfAbsent(op.builtinName(), TfliteWriter::builtinCode) == TfliteModel.CUSTOM) {
                throw new IllegalArgumentException("operator " + i + ": expected a builtin operator, got CUSTOM "
                        + "(a TfliteSpec carries no custom_code)");
            }
            indices("operator " + i + " inputs", op.inputs(), n, true);
            indices("operator " + i + " outputs", op.outputs(), n, false);
        }
        for (SignatureDef d : extras.signatureDefs()) {
            for (TensorMap m : d.inputs()) {
                indices("signature " + d.key() + " input " + m.name(), new int[] {m.tensorIndex()}, n, false);
            }
            for (TensorMap m : d.outputs()) {
                indices("signature " + d.key() + " output " + m.name(), new int[] {m.tensorIndex()}, n, false);
            }
        }
    }

    private static void indices(String what, int[] v, int n, boolean optional) {
        for (int x : v) {
            if (x >= n || x < (optional ? -1 : 0)) {
                throw new IllegalArgumentException(what + ": expected tensor indices in 0.." + (n - 1)
                        + (optional ? " or -1" : "") + ", got " + x);
            }
        }
    }
}
