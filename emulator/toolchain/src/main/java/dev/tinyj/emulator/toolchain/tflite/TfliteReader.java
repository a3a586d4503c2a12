package dev.tinyj.emulator.toolchain.tflite;

import dev.tinyj.emulator.toolchain.graph.DType;
import dev.tinyj.emulator.toolchain.graph.Quantization;
import dev.tinyj.emulator.toolchain.ops.OpTable;
import dev.tinyj.emulator.toolchain.prepare.OpOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a TFLite model ({@code schema.fbs} version 3) from its flatbuffer, validating as it goes:
 *
 * <ol>
 *   <li>the file identifier {@code TFL3} at bytes 4..7 (every converter output carries it) and
 *       {@code Model.version} = 3;</li>
 *   <li>{@code operator_codes}: effective builtin code = max(deprecated_builtin_code,
 *       builtin_code), as TFLite's {@code GetBuiltinCode} computes it;</li>
 *   <li>{@code buffers}: bytes from {@code data}, or from {@code offset}/{@code size} (relative to
 *       the file's start) when the converter wrote them outside the flatbuffer;</li>
 *   <li>every subgraph (at least one): tensors (shape, type, buffer index in range, name,
 *       quantization with as many zero points as scales, is_variable; a constant's buffer holds exactly shape × element size bytes), inputs,
 *       outputs (tensor indices in range), operators (opcode index in range, operands in range or
 *       -1, builtin options decoded by {@link OptionsDecoder} for the operators of {@link OpTable}).</li>
 * </ol>
 *
 * Every problem is a {@link TfliteException} with the byte offset where it was found; the
 * flatbuffer layer ({@link FlatBuffer}) makes sure nothing else is thrown for any input bytes.
 * Not read: quantization {@code min}/{@code max} and {@code details} (custom quantization),
 * sparsity, {@code shape_signature}, custom options, {@code builtin_options_2}, metadata and
 * signature defs.
 */
public final class TfliteReader {
    /** The schema version TinyJ reads. */
    public static final int SCHEMA_VERSION = 3;
    /** The file identifier of TFLite flatbuffers. */
    public static final String IDENTIFIER = "TFL3";

    private final FlatBuffer fb;

    private TfliteReader(FlatBuffer fb) {
        this.fb = fb;
    }

    /** Reads the model in {@code file}; messages name the file as given. */
    public static TfliteModel read(Path file) throws IOException, TfliteException {
        long size = Files.size(file);
        if (size > Integer.MAX_VALUE - 16) {
            throw new TfliteException(file.toString(), 0, "expected a model under 2 GiB, got " + size + " bytes");
        }
        return read(Files.readAllBytes(file), file.toString());
    }

    /** Reads the model in {@code bytes} (not modified; not kept: buffers are copied). */
    public static TfliteModel read(byte[] bytes, String name) throws TfliteException {
        return new TfliteReader(new FlatBuffer(bytes, name)).model();
    }

    private TfliteModel model() throws TfliteException {
        if (fb.size() >= 8 && !fb.identifier().equals(IDENTIFIER)) {
            throw fb.error(4, "expected the TFLite file identifier \"" + IDENTIFIER + "\" at bytes 4..7, got "
                    + printable(fb.identifier()) + ": not a TFLite model");
        }
        FbTable root = fb.root("Model");
        long version = root.uint32(0, "version", 0);
        if (version != SCHEMA_VERSION) {
            int at = root.field(0, 4, "version");
            throw fb.error(at < 0 ? root.position() : at, "expected TFLite schema version " + SCHEMA_VERSION
                    + ", got " + version + (at < 0 ? " (field absent)" : ""));
        }
        List<TfliteModel.OperatorCode> codes = new ArrayList<>();
        FbVector codeVec = root.vector(1, "operator_codes", 4, "OperatorCode offsets");
        for (int i = 0; codeVec != null && i < codeVec.length(); i++) {
            codes.add(operatorCode(codeVec.table(i)));
        }
        List<TfliteModel.Buffer> buffers = new ArrayList<>();
        FbVector bufVec = root.vector(4, "buffers", 4, "Buffer offsets");
        for (int i = 0; bufVec != null && i < bufVec.length(); i++) {
            buffers.add(buffer(i, bufVec.table(i)));
        }
        FbVector sgVec = root.vector(2, "subgraphs", 4, "SubGraph offsets");
        if (sgVec == null || sgVec.length() == 0) {
            throw fb.error(root.position(), "expected Model.subgraphs to hold at least one subgraph, got none");
        }
        List<TfliteModel.Subgraph> subgraphs = new ArrayList<>();
        for (int i = 0; i < sgVec.length(); i++) {
            subgraphs.add(subgraph(sgVec.table(i), codes, buffers));
        }
        String description = root.string(3, "description");
        return new TfliteModel(fb.name(), version, description == null ? "" : description, List.copyOf(codes),
                List.copyOf(subgraphs), List.copyOf(buffers));
    }

    private static String printable(String id) {
        StringBuilder hex = new StringBuilder();
        for (char c : id.toCharArray()) {
            hex.append(String.format(" %02x", (int) c));
        }
        return "bytes" + hex;
    }

    private TfliteModel.OperatorCode operatorCode(FbTable t) throws TfliteException {
        int deprecated = t.int8(0, "deprecated_builtin_code", 0);
        String custom = t.string(1, "custom_code");
        int version = t.int32(2, "version", 1);
        int builtin = t.int32(3, "builtin_code", 0);
        return new TfliteModel.OperatorCode(Math.max(deprecated, builtin), deprecated, builtin, custom, version);
    }

    private TfliteModel.Buffer buffer(int index, FbTable t) throws TfliteException {
        FbVector data = t.vector(0, "data", 1, "bytes");
        if (data != null && data.length() > 0) {
            return new TfliteModel.Buffer(index, data.bytes(), data.start());
        }
        long offset = t.int64(1, "offset", 0);
        long size = t.int64(2, "size", 0);
        if (Long.compareUnsigned(offset, 1) > 0) {
            int at = t.field(1, 8, "offset");
            if (size < 0 || size > fb.size()) {
                throw fb.error(at, "expected " + t.path() + ".size to fit in the file (size " + fb.size() + "), got "
                        + Long.toUnsignedString(size));
            }
            fb.require(offset, size, t.path() + " data (offset " + offset + ", size " + size + ")");
            return new TfliteModel.Buffer(index, fb.copy(offset, (int) size, t.path()), (int) offset);
        }
        return new TfliteModel.Buffer(index, new byte[0], t.position());
    }

    private TfliteModel.Subgraph subgraph(FbTable t, List<TfliteModel.OperatorCode> codes,
            List<TfliteModel.Buffer> buffers) throws TfliteException {
        List<TfliteModel.Tensor> tensors = new ArrayList<>();
        FbVector tv = t.vector(0, "tensors", 4, "Tensor offsets");
        for (int i = 0; tv != null && i < tv.length(); i++) {
            tensors.add(tensor(i, tv.table(i), buffers));
        }
        int[] inputs = indices(t.vector(1, "inputs", 4, "int32"), tensors.size(), false);
        int[] outputs = indices(t.vector(2, "outputs", 4, "int32"), tensors.size(), false);
        List<TfliteModel.Operator> ops = new ArrayList<>();
        FbVector ov = t.vector(3, "operators", 4, "Operator offsets");
        for (int i = 0; ov != null && i < ov.length(); i++) {
            ops.add(operator(i, ov.table(i), codes, tensors.size()));
        }
        String name = t.string(4, "name");
        return new TfliteModel.Subgraph(name == null ? "" : name, List.copyOf(tensors), inputs, outputs,
                List.copyOf(ops));
    }

    /** Tensor indices of {@code v}, each in [0, count), or -1 when {@code optional}. */
    private int[] indices(FbVector v, int count, boolean optional) throws TfliteException {
        if (v == null) {
            return new int[0];
        }
        int[] out = v.int32s();
        for (int i = 0; i < out.length; i++) {
            if (out[i] >= count || out[i] < (optional ? -1 : 0)) {
                throw fb.error(v.at(i), "expected " + v.path() + "[" + i + "] to be a tensor index in 0.."
                        + (count - 1) + (optional ? " or -1" : "") + ", got " + out[i]);
            }
        }
        return out;
    }

    private TfliteModel.Tensor tensor(int index, FbTable t, List<TfliteModel.Buffer> buffers)
            throws TfliteException {
        FbVector sv = t.vector(0, "shape", 4, "int32");
        int[] shape = sv == null ? new int[0] : sv.int32s();
        long elements = 1;
        for (int i = 0; i < shape.length; i++) {
            if (shape[i] < 0) {
                throw fb.error(sv.at(i), "expected " + sv.path() + "[" + i + "] to be a dimension >= 0, got "
                        + shape[i]);
            }
            elements = Math.min(elements * shape[i], Long.MAX_VALUE / 64);
        }
        int typeCode = t.int8(1, "type", 0);
        DType type = DType.ofSchemaCode(typeCode);
        long buffer = t.uint32(2, "buffer", 0);
        if (buffer >= Math.max(1, buffers.size())) {
            throw fb.error(fieldOr(t, 2), "expected " + t.path() + ".buffer to be a buffer index in 0.."
                    + (buffers.size() - 1) + ", got " + buffer);
        }
        String name = t.string(3, "name");
        Quantization q = quantization(t.table(4, "quantization"));
        boolean variable = t.bool(5, "is_variable", false);
        if (!buffers.isEmpty() && type != null && type.bytes() > 0) {
            TfliteModel.Buffer b = buffers.get((int) buffer);
            if (!b.isEmpty() && b.data().length != elements * type.bytes()) {
                throw fb.error(b.position(), "expected buffer " + buffer + " of " + t.path() + " to hold " + elements
                        + " " + type.label() + " (" + elements * type.bytes() + " bytes), got " + b.data().length
                        + " bytes");
            }
        }
        return new TfliteModel.Tensor(index, name == null ? "" : name, typeCode, type, shape, (int) buffer, q, variable,
                t.position());
    }

    private int fieldOr(FbTable t, int id) throws TfliteException {
        int p = t.field(id, 1, "field " + id);
        return p < 0 ? t.position() : p;
    }

    /**
     * The tensor's affine quantization, or null when it has no scales. quantized_dimension is
     * recorded, not checked against the shape: converters write per-channel biases of rank 1 with
     * the filter's dimension 3 (person_detect.tflite), which TFLM accepts.
     */
    private Quantization quantization(FbTable q) throws TfliteException {
        if (q == null) {
            return null;
        }
        FbVector sv = q.vector(2, "scale", 4, "float32");
        if (sv == null || sv.length() == 0) {
            return null;
        }
        FbVector zv = q.vector(3, "zero_point", 8, "int64");
        if (zv == null || zv.length() != sv.length()) {
            throw fb.error(q.position(), "expected " + q.path() + " to have as many zero points as scales ("
                    + sv.length() + "), got " + (zv == null ? "none" : Integer.toString(zv.length())));
        }
        int dim = q.int32(6, "quantized_dimension", 0);
        return new Quantization(sv.float32s(), zv.int64s(), dim);
    }

    private TfliteModel.Operator operator(int index, FbTable t, List<TfliteModel.OperatorCode> codes, int tensors)
            throws TfliteException {
        long opcode = t.uint32(0, "opcode_index", 0);
        if (opcode >= codes.size()) {
            throw fb.error(fieldOr(t, 0), "expected " + t.path() + ".opcode_index to be in 0.." + (codes.size() - 1)
                    + ", got " + opcode);
        }
        TfliteModel.OperatorCode code = codes.get((int) opcode);
        int[] inputs = indices(t.vector(1, "inputs", 4, "int32"), tensors, true);
        int[] outputs = indices(t.vector(2, "outputs", 4, "int32"), tensors, true);
        int optionsType = t.uint8(3, "builtin_options_type", 0);
        OpOptions options = OpOptions.none();
        if (!code.isCustom() && (OpTable.supports(code.builtinCode())
                || OptionsDecoder.tableOf(code.name()) != null)) { // PACK: folded at compile time
            String where = "operator " + index + " (" + code.name() + ")";
            FbTable table = optionsType == 0 ? null : t.table(4, "builtin_options");
            options = OptionsDecoder.decode(fb, where, code.name(), optionsType, fieldOr(t, 3), table);
        }
        return new TfliteModel.Operator(index, (int) opcode, inputs, outputs, optionsType, options, t.position());
    }
}
