package dev.tinyj.emulator.toolchain.tflite;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tinyj.emulator.toolchain.compile.ModelCompiler;
import dev.tinyj.emulator.toolchain.image.ImageWriter;
import dev.tinyj.testkit.SharedData;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code hello_world_int8.tflite} (2,704 bytes, TFLite's MLIR converter) read, turned into a
 * {@link TfliteSpec} and written again.
 *
 * <p>What is identical: given what the spec does not carry ({@link TfliteWriter.Extras}: the
 * operator version 4, the shape signatures [-1,1] of the 4 activation tensors, the 2 metadata
 * entries min_runtime_version and CONVERSION_METADATA with their buffers 11 and 12, and the
 * serving_default signature def), the rewrite equals the original byte for byte: same creation
 * order (operator codes, tensors, operators, subgraph, description, buffers, metadata, signature
 * defs, model), same padding, 16-byte aligned buffer data, the same shared vtables, the same
 * default fields left out (has_rank written as true, empty quantization tables for unquantized
 * tensors, one buffer per tensor, empty for activations).
 *
 * <p>From the spec alone, the file is 2,208 bytes: 496 bytes less, all of it the four extras (see
 * {@link #whatTheSpecLeavesOutCostsTheseBytes}); everything else is laid out the same way.
 */
class HelloWorldWriterTest {
    private static byte[] original;
    private static TfliteModel model;
    private static TfliteSpec spec;

    @BeforeAll
    static void read() throws Exception {
        original = Files.readAllBytes(SharedData.require("models/hello_world_int8.tflite", "writer not checked against it"));
        model = TfliteReader.read(original, "hello_world_int8.tflite");
        spec = Specs.of(model);
    }

    @Test
    void roundTripKeepsEveryFieldTheReaderReads() throws Exception {
        byte[] out = TfliteWriter.write(spec);
        TfliteModel back = TfliteReader.read(out, "rewritten");
        Specs.assertSameModel(model, back, false);
        assertEquals(1, back.operatorCodes().get(0).version(), "no version in the spec: 1");
        assertEquals(4, model.operatorCodes().get(0).version());
        for (TfliteModel.Tensor t : model.main().tensors()) {
            assertEquals(t.buffer(), back.main().tensors().get(t.index()).buffer(), "tensor i owns buffer i + 1");
        }
        assertEquals(11, back.buffers().size(), "buffer 0 and one per tensor");
        assertArrayEquals(out, TfliteWriter.write(Specs.of(back)), "writing is a fixpoint");
    }

    @Test
    void withTheConvertersExtrasTheRewriteIsByteForByteTheOriginal() throws Exception {
        byte[] out = TfliteWriter.write(spec, Specs.extras(original, model));
        assertEquals(2704, out.length);
        assertArrayEquals(original, out);
    }

    @Test
    void whatTheSpecLeavesOutCostsTheseBytes() throws Exception {
        TfliteWriter.Extras all = Specs.extras(original, model);
        int plain = TfliteWriter.write(spec).length;
        assertEquals(2208, plain);
        TfliteWriter.Extras none = TfliteWriter.Extras.NONE;
        int versions = TfliteWriter.write(spec, none.withOpVersions(all.opVersions())).length;
        int signatures = TfliteWriter.write(spec, none.withShapeSignatures(all.shapeSignatures())).length;
        int metadata = TfliteWriter.write(spec, none.withMetadata(all.metadata())).length;
        int defs = TfliteWriter.write(spec, none.withSignatureDefs(all.signatureDefs())).length;
        // Each alone, rounded to the file's 16-byte alignment, so they add up to 528, not 496: opcode version
        // 4 (16), 4 shape signatures (96), 2 metadata entries and their buffers (272), the signature def (144).
        assertEquals(List.of(16, 96, 272, 144), List.of(versions - plain, signatures - plain, metadata - plain,
                defs - plain));
    }

    @Test
    void layoutIsTheConverters() throws Exception {
        byte[] out = TfliteWriter.write(spec);
        assertEquals("TFL3", new String(out, 4, 4, java.nio.charset.StandardCharsets.ISO_8859_1));
        assertEquals(0, out.length % 16, "the whole file is padded to the 16-byte buffer alignment");
        TfliteModel back = TfliteReader.read(out, "rewritten");
        int lastBuffer = 0;
        for (TfliteModel.Buffer b : back.buffers()) {
            if (!b.isEmpty()) {
                assertEquals(0, b.position() % 16, "buffer " + b.index() + " data is 16-byte aligned");
                lastBuffer = Math.max(lastBuffer, b.position());
            }
        }
        for (TfliteModel.Tensor t : back.main().tensors()) {
            assertTrue(t.position() > lastBuffer, "buffers come before the subgraph in the file (written after it)");
        }
    }

    @Test
    void compilesToTheSameImageAsTheOriginal() throws Exception {
        byte[] image = ImageWriter.write(ModelCompiler.compile(model, "hello_world"));
        for (byte[] out : List.of(TfliteWriter.write(spec), TfliteWriter.write(spec, Specs.extras(original, model)))) {
            TfliteModel back = TfliteReader.read(out, "rewritten");
            assertArrayEquals(image, ImageWriter.write(ModelCompiler.compile(back, "hello_world")));
        }
    }
}
