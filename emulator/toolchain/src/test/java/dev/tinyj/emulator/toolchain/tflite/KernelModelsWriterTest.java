package dev.tinyj.emulator.toolchain.tflite;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tinyj.emulator.toolchain.compile.CompileException;
import dev.tinyj.emulator.toolchain.compile.ModelCompiler;
import dev.tinyj.emulator.toolchain.graph.DType;
import dev.tinyj.emulator.toolchain.image.ImageWriter;
import dev.tinyj.testkit.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every model of {@code shared/kernel_models} read, turned into a {@link TfliteSpec}, written
 * (with the original's operator versions) and read again: every field the reader reads is equal,
 * buffer indices aside (those files share empty buffer 0 between activations; the writer gives
 * each tensor its own buffer as TFLite's converter does). The rewrite compiles to the same image
 * as the original.
 *
 * <p>Those files come from another flatbuffer writer, which shares empty buffer 0 between
 * activations and writes no quantization table for unquantized tensors. Told to share buffer 0
 * ({@link TfliteWriter.Extras#sharedEmptyBuffer()}), the writer reproduces 74 of the 85 byte for byte;
 * the other 11 (MEAN, PAD, PADV2, RESHAPE, STRIDED_SLICE) each have unquantized int32 constants,
 * for which the writer adds an empty quantization table as TFLite's converter does (8 to 16
 * bytes more per file, the rest identical in order and layout).
 */
class KernelModelsWriterTest {
    static Stream<Path> models() {
        return SharedData.tfliteFiles(SharedData.require("kernel_models", "writer not checked against it")).stream();
    }

    @Test
    void all85ModelsAreThere() {
        assertEquals(85, SharedData.tfliteFiles(SharedData.require("kernel_models", "writer not checked against it")).size());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void roundTrip(Path file) throws Exception {
        byte[] original = Files.readAllBytes(file);
        TfliteModel model = TfliteReader.read(original, file.getFileName().toString());
        TfliteSpec spec = Specs.of(model);
        byte[] out = TfliteWriter.write(spec, Specs.extras(original, model));
        TfliteModel back = TfliteReader.read(out, model.name());
        Specs.assertSameModel(model, back, true);
        assertEquals(spec.tensors().size() + 1, back.buffers().size(), "buffer 0 and one per tensor");
        for (TfliteModel.Buffer b : back.buffers()) {
            assertTrue(b.isEmpty() || b.position() % 16 == 0, "buffer " + b.index() + " data 16-byte aligned");
        }
        assertArrayEquals(out, TfliteWriter.write(Specs.of(back), Specs.extras(out, back)), "a fixpoint");
        assertEquals(List.of(), back.unsupported(), "supported as the original is");
    }

    private static boolean hasUnquantizedInt(TfliteModel m) {
        return m.main().tensors().stream().anyMatch(t -> t.quantization() == null && t.type() != DType.FLOAT32);
    }

    @Test
    void sharingBufferZeroReproducesTheirWriterByteForByteSaveEmptyQuantizationTables() throws Exception {
        List<String> identical = new ArrayList<>();
        for (Path file : SharedData.tfliteFiles(SharedData.require("kernel_models", "writer not checked against it"))) {
            byte[] original = Files.readAllBytes(file);
            TfliteModel model = TfliteReader.read(original, file.getFileName().toString());
            byte[] out = TfliteWriter.write(Specs.of(model), Specs.extras(original, model).withSharedEmptyBuffer(true));
            if (hasUnquantizedInt(model)) {
                assertTrue(out.length >= original.length && out.length <= original.length + 16, model.name());
                Specs.assertSameModel(model, TfliteReader.read(out, model.name()), true);
                for (TfliteModel.Tensor t : TfliteReader.read(out, model.name()).main().tensors()) {
                    assertEquals(model.main().tensors().get(t.index()).buffer(), t.buffer(), "same buffer indices");
                }
            } else {
                assertArrayEquals(original, out, model.name());
                identical.add(model.name());
            }
        }
        assertEquals(74, identical.size());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void compilesToTheSameImage(Path file) throws Exception {
        TfliteModel model = TfliteReader.read(file);
        TfliteModel back = TfliteReader.read(TfliteWriter.write(Specs.of(model)), model.name());
        byte[] image;
        try {
            image = ImageWriter.write(ModelCompiler.compile(model, "m"));
        } catch (CompileException e) {
            String original = e.getMessage();
            CompileException again = org.junit.jupiter.api.Assertions.assertThrows(CompileException.class,
                    () -> ModelCompiler.compile(back, "m"));
            assertEquals(original, again.getMessage());
            return;
        }
        assertArrayEquals(image, ImageWriter.write(ModelCompiler.compile(back, "m")));
    }
}
