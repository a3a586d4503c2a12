package dev.tinyj.emulator.toolchain.tflite;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tinyj.emulator.toolchain.compile.CompileException;
import dev.tinyj.emulator.toolchain.compile.ModelCompiler;
import dev.tinyj.emulator.toolchain.image.ImageWriter;
import dev.tinyj.testkit.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The real models of {@code shared/models} (all single-subgraph) rewritten from their spec and
 * extras: the same graph ({@link Specs#assertSameGraph}: tensors, constants, quantization,
 * is_variable, operators by builtin code and version, options) and the same compiled image, or the
 * same compile error. Only {@code hello_world_int8.tflite} is straight converter output that the
 * writer reproduces byte for byte; the others were written by other TFLite versions or tools (TOCO,
 * re-serialized files with fields in another order, constant buffers shared between tensors,
 * unused operator codes), so they differ in layout and size.
 */
class RealModelsWriterTest {
    static Stream<Path> models() {
        return SharedData.tfliteFiles(SharedData.require("models", "writer not checked against it")).stream().filter(p -> p.getParent().getFileName().toString()
                .equals("models"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void sameGraphAndSameImage(Path file) throws Exception {
        byte[] original = Files.readAllBytes(file);
        TfliteModel model = TfliteReader.read(original, file.getFileName().toString());
        assertEquals(1, model.subgraphs().size(), "a spec holds one subgraph");
        byte[] out = TfliteWriter.write(Specs.of(model), Specs.extras(original, model));
        TfliteModel back = TfliteReader.read(out, model.name());
        Specs.assertSameGraph(model, back, true);
        assertEquals(model.unsupported(), back.unsupported());
        byte[] image;
        try {
            image = ImageWriter.write(ModelCompiler.compile(model, "m"));
        } catch (CompileException e) {
            CompileException again = Assertions.assertThrows(CompileException.class,
                    () -> ModelCompiler.compile(back, "m"));
            assertEquals(e.getMessage(), again.getMessage());
            return;
        }
        assertArrayEquals(image, ImageWriter.write(ModelCompiler.compile(back, "m")));
    }
}
