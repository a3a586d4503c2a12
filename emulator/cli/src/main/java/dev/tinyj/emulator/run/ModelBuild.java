package dev.tinyj.emulator.run;

import dev.tinyj.emulator.toolchain.compile.CompileException;
import dev.tinyj.emulator.toolchain.compile.CompiledModel;
import dev.tinyj.emulator.toolchain.compile.ModelCompiler;
import dev.tinyj.emulator.toolchain.image.ImageWriter;
import dev.tinyj.emulator.toolchain.image.ResolverGenerator;
import dev.tinyj.emulator.toolchain.tflite.TfliteException;
import dev.tinyj.emulator.toolchain.tflite.TfliteModel;
import dev.tinyj.emulator.toolchain.tflite.TfliteReader;
import java.util.Map;

/**
 * A model made ready for a board: read, compiled (prepare + arena plan), written as a model image
 * for flash segment 0, with the per-model op resolver class that links only its kernels.
 *
 * @param tflite the model as read
 * @param model the compiled model
 * @param image the model image (flash segment 0)
 * @param resolver generated classes (internal name → bytes): the per-model {@code OpResolver} and the
 *     {@code OpBridges} it calls
 * @param tfliteBytes size of the .tflite file, bytes
 */
public record ModelBuild(TfliteModel tflite, CompiledModel model, byte[] image, Map<String, byte[]> resolver,
        long tfliteBytes) {

    /**
     * Reads, compiles and packs {@code bytes} (a .tflite file named {@code name}).
     *
     * @throws TfliteException for a malformed file (byte offset and what was expected)
     * @throws CompileException listing every unsupported operator, type or failed prepare step
     */
    public static ModelBuild of(byte[] bytes, String name) throws TfliteException, CompileException {
        TfliteModel tflite = TfliteReader.read(bytes, name);
        CompiledModel model = ModelCompiler.compile(tflite, name);
        byte[] image = ImageWriter.write(model);
        Map<String, byte[]> linked = ResolverGenerator.link(ResolverGenerator.opCodes(model), name);
        return new ModelBuild(tflite, model, image, linked, bytes.length);
    }
}
