package dev.tinyj.conformance.image;

import dev.tinyj.testkit.SharedData;
import dev.tinyj.emulator.toolchain.compile.CompileException;
import dev.tinyj.emulator.toolchain.compile.CompiledModel;
import dev.tinyj.emulator.toolchain.compile.ModelCompiler;
import dev.tinyj.emulator.toolchain.compile.CompiledOp;
import dev.tinyj.emulator.toolchain.compile.CompiledTensor;
import dev.tinyj.emulator.toolchain.compile.Placement;
import dev.tinyj.emulator.toolchain.graph.TensorInfo;
import dev.tinyj.emulator.toolchain.ops.OpTable;
import dev.tinyj.emulator.toolchain.prepare.OpContext;
import dev.tinyj.emulator.toolchain.prepare.PrepareException;
import dev.tinyj.emulator.toolchain.prepare.PreparedOp;
import dev.tinyj.emulator.toolchain.tflite.TfliteException;
import dev.tinyj.emulator.toolchain.tflite.TfliteModel;
import dev.tinyj.emulator.toolchain.tflite.TfliteReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Test support: compiling a .tflite model with the real compiler, where
 * {@code ../shared/kernel_models} is, and its index.
 */
final class TestModels {
    private TestModels() {
    }

    /** A kernel model row of index.csv with status ok. */
    record Case(String op, String id, Path dir) {
        Path file(String suffix) {
            return dir.resolve(op).resolve(id + suffix);
        }

        String where() {
            return op + "/" + id;
        }
    }

    /** {@code ../shared/kernel_models}, skipping the test when absent. */
    static Path kernelModels() {
        return SharedData.require("kernel_models", "kernel model images not checked");
    }

    /** Every ok row of index.csv. */
    static List<Case> kernelCases() throws IOException {
        Path dir = kernelModels();
        List<String> rows = Files.readAllLines(dir.resolve("index.csv"));
        List<Case> out = new ArrayList<>();
        for (String row : rows.subList(1, rows.size())) {
            String[] c = row.split(",", 11);
            if (c[9].equals("ok")) {
                out.add(new Case(c[0], c[1], dir));
            }
        }
        return out;
    }

    /** The bundled hello_world_int8.tflite. */
    static byte[] helloWorld() {
        try (InputStream in = TestModels.class.getResourceAsStream("/tflite/hello_world_int8.tflite")) {
            if (in == null) {
                throw new IllegalStateException("test resource /tflite/hello_world_int8.tflite is missing");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Compiles {@code model} with the real compiler (prepare, arena plan, in-place rules). */
    static CompiledModel compile(TfliteModel model) throws CompileException {
        return ModelCompiler.compile(model, model.name());
    }

    /** Reads and compiles a .tflite file. */
    static CompiledModel compile(Path file) throws IOException, TfliteException, CompileException {
        return compile(TfliteReader.read(file));
    }
}
