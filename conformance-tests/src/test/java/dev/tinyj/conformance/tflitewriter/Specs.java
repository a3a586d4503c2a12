package dev.tinyj.conformance.tflitewriter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tinyj.conformance.support.SharedData;
import dev.tinyj.emulator.toolchain.tflite.FbTable;
import dev.tinyj.emulator.toolchain.tflite.FbVector;
import dev.tinyj.emulator.toolchain.tflite.FlatBuffer;
import dev.tinyj.emulator.toolchain.tflite.TfliteException;
import dev.tinyj.emulator.toolchain.tflite.TfliteModel;
import dev.tinyj.emulator.toolchain.tflite.TfliteSpec;
import dev.tinyj.emulator.toolchain.tflite.TfliteWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/** Test helpers: a read model as a {@link TfliteSpec}, what the spec leaves out, field-by-field comparison. */
final class Specs {
    private Specs() {
    }

    /** {@code ../shared/<sub>}, skipping the test when absent ({@link SharedData}). */
    static Path shared(String sub) {
        return SharedData.require(sub, "writer not checked against it");
    }

    /** Every {@code .tflite} under {@code dir}, sorted. */
    static List<Path> models(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(".tflite")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The spec of subgraph 0 of {@code m}: constants carry their buffer's bytes, activations null. */
    static TfliteSpec of(TfliteModel m) {
        TfliteModel.Subgraph g = m.main();
        List<TfliteSpec.Tensor> tensors = new ArrayList<>();
        for (TfliteModel.Tensor t : g.tensors()) {
            TfliteModel.Buffer b = m.buffers().isEmpty() ? null : m.buffers().get(t.buffer());
            byte[] data = b == null || b.isEmpty() ? null : b.data().clone();
            tensors.add(new TfliteSpec.Tensor(t.name(), t.type(), t.shape().clone(), data, t.quantization()));
        }
        List<TfliteSpec.Operator> ops = new ArrayList<>();
        for (TfliteModel.Operator op : g.operators()) {
            ops.add(new TfliteSpec.Operator(m.opName(op), op.inputs().clone(), op.outputs().clone(), op.options()));
        }
        return new TfliteSpec(m.description(), g.name(), tensors, ops, g.inputs().clone(), g.outputs().clone());
    }

    /**
     * What a converter wrote that the spec does not carry: operator versions, shape signatures,
     * metadata (with its buffers) and signature defs, read from {@code bytes} directly.
     */
    static TfliteWriter.Extras extras(byte[] bytes, TfliteModel m) throws TfliteException {
        Map<String, Integer> versions = new HashMap<>();
        for (TfliteModel.OperatorCode c : m.operatorCodes()) {
            versions.put(c.name(), c.version());
        }
        FlatBuffer fb = new FlatBuffer(bytes, m.name());
        FbTable root = fb.root("Model");
        FbTable sg = root.vector(2, "subgraphs", 4, "SubGraph").table(0);
        FbVector tv = sg.vector(0, "tensors", 4, "Tensor");
        Map<Integer, int[]> signatures = new HashMap<>();
        Set<Integer> variables = new HashSet<>();
        for (TfliteModel.Tensor t : m.main().tensors()) {
            if (t.isVariable()) {
                variables.add(t.index());
            }
        }
        for (int i = 0; i < tv.length(); i++) {
            FbVector sig = tv.table(i).vector(7, "shape_signature", 4, "int32");
            if (sig != null) {
                signatures.put(i, sig.int32s());
            }
        }
        List<TfliteWriter.Metadata> metadata = new ArrayList<>();
        FbVector mv = root.vector(6, "metadata", 4, "Metadata");
        for (int i = 0; mv != null && i < mv.length(); i++) {
            FbTable t = mv.table(i);
            metadata.add(new TfliteWriter.Metadata(t.string(0, "name"),
                    m.buffers().get((int) t.uint32(1, "buffer", 0)).data()));
        }
        List<TfliteWriter.SignatureDef> defs = new ArrayList<>();
        FbVector sv = root.vector(7, "signature_defs", 4, "SignatureDef");
        for (int i = 0; sv != null && i < sv.length(); i++) {
            FbTable t = sv.table(i);
            defs.add(new TfliteWriter.SignatureDef(t.string(2, "signature_key"), maps(t.vector(0, "inputs", 4, "")),
                    maps(t.vector(1, "outputs", 4, ""))));
        }
        return TfliteWriter.Extras.NONE.withOpVersions(versions).withShapeSignatures(signatures).withMetadata(metadata)
                .withSignatureDefs(defs).withVariableTensors(variables);
    }

    private static List<TfliteWriter.TensorMap> maps(FbVector v) throws TfliteException {
        List<TfliteWriter.TensorMap> out = new ArrayList<>();
        for (int i = 0; v != null && i < v.length(); i++) {
            FbTable t = v.table(i);
            out.add(new TfliteWriter.TensorMap(t.string(0, "name"), (int) t.uint32(1, "tensor_index", 0)));
        }
        return out;
    }

    /**
     * Asserts that {@code b} (the rewrite) holds the same model as {@code a}: description, operator
     * codes (builtin code, both code fields, custom code; versions when {@code versions}), and
     * subgraph 0's name, inputs, outputs, tensors (name, type code, shape, quantization bit for bit,
     * is_variable, constant bytes through their buffers) and operators (opcode, operands, options
     * type, decoded options). Buffer indices are not compared: the writer gives every tensor its
     * own buffer as the converter does, other writers share buffer 0 between activations.
     */
    static void assertSameModel(TfliteModel a, TfliteModel b, boolean versions) {
        assertSameGraph(a, b, versions);
        String at = a.name();
        assertEquals(a.operatorCodes().size(), b.operatorCodes().size(), at + " opcodes");
        for (int i = 0; i < a.operatorCodes().size(); i++) {
            TfliteModel.OperatorCode x = a.operatorCodes().get(i);
            TfliteModel.OperatorCode y = b.operatorCodes().get(i);
            String w = at + " opcode " + i;
            assertEquals(x.builtinCode(), y.builtinCode(), w);
            assertEquals(x.deprecatedBuiltinCode(), y.deprecatedBuiltinCode(), w);
            assertEquals(x.extendedBuiltinCode(), y.extendedBuiltinCode(), w);
            assertEquals(x.customCode(), y.customCode(), w);
            if (versions) {
                assertEquals(x.version(), y.version(), w);
            }
        }
        for (int i = 0; i < a.main().operators().size(); i++) {
            assertEquals(a.main().operators().get(i).opcodeIndex(), b.main().operators().get(i).opcodeIndex(), at);
        }
    }

    /**
     * As {@link #assertSameModel} but operators are compared by their effective builtin code (and
     * version when {@code versions}), not by operator code table: a spec keeps no unused operator
     * codes, no code order and no choice between {@code deprecated_builtin_code} and
     * {@code builtin_code}, which files written by other tools differ in.
     */
    static void assertSameGraph(TfliteModel a, TfliteModel b, boolean versions) {
        String at = a.name();
        assertEquals(a.version(), b.version(), at);
        assertEquals(a.description(), b.description(), at);
        TfliteModel.Subgraph g = a.main();
        TfliteModel.Subgraph h = b.main();
        assertEquals(g.name(), h.name(), at);
        assertArrayEquals(g.inputs(), h.inputs(), at + " inputs");
        assertArrayEquals(g.outputs(), h.outputs(), at + " outputs");
        assertEquals(g.tensors().size(), h.tensors().size(), at + " tensors");
        for (int i = 0; i < g.tensors().size(); i++) {
            TfliteModel.Tensor x = g.tensors().get(i);
            TfliteModel.Tensor y = h.tensors().get(i);
            String w = at + " " + x.describe();
            assertEquals(x.name(), y.name(), w);
            assertEquals(x.typeCode(), y.typeCode(), w);
            assertArrayEquals(x.shape(), y.shape(), w);
            assertEquals(x.isVariable(), y.isVariable(), w);
            assertEquals(x.quantization() == null, y.quantization() == null, w + " quantization");
            if (x.quantization() != null) {
                float[] s = x.quantization().scale();
                float[] t = y.quantization().scale();
                assertEquals(s.length, t.length, w);
                for (int k = 0; k < s.length; k++) {
                    assertEquals(Float.floatToRawIntBits(s[k]), Float.floatToRawIntBits(t[k]), w + " scale " + k);
                }
                assertArrayEquals(x.quantization().zeroPoint(), y.quantization().zeroPoint(), w);
                assertEquals(x.quantization().quantizedDimension(), y.quantization().quantizedDimension(), w);
            }
            assertArrayEquals(data(a, x), data(b, y), w + " data");
        }
        assertEquals(g.operators().size(), h.operators().size(), at + " operators");
        for (int i = 0; i < g.operators().size(); i++) {
            TfliteModel.Operator x = g.operators().get(i);
            TfliteModel.Operator y = h.operators().get(i);
            String w = at + " operator " + i + " " + a.opName(x);
            assertEquals(a.code(x).builtinCode(), b.code(y).builtinCode(), w);
            if (versions) {
                assertEquals(a.code(x).version(), b.code(y).version(), w + " version");
            }
            assertArrayEquals(x.inputs(), y.inputs(), w);
            assertArrayEquals(x.outputs(), y.outputs(), w);
            if (!(x.options().toString().equals("{}") && y.optionsType() == 0)) {
                // Options the reader does not decode (operators TinyJ does not run, e.g. SVDF, LSTM;
                // option tables without fields, e.g. PadOptions) are not in a spec: written as none.
                assertEquals(x.optionsType(), y.optionsType(), w + " options type");
            }
            assertEquals(x.options().toString(), y.options().toString(), w + " options");
        }
    }

    private static byte[] data(TfliteModel m, TfliteModel.Tensor t) {
        TfliteModel.Buffer b = m.buffers().isEmpty() ? null : m.buffers().get(t.buffer());
        return b == null ? new byte[0] : b.data();
    }
}
