package dev.tinyj.conformance.kernels.int16;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tinyj.emulator.toolchain.compile.ArenaPlanCheck;
import dev.tinyj.emulator.toolchain.compile.CompiledModel;
import dev.tinyj.emulator.toolchain.compile.CompiledOp;
import dev.tinyj.emulator.toolchain.compile.CompiledTensor;
import dev.tinyj.emulator.toolchain.compile.ModelCompiler;
import dev.tinyj.emulator.toolchain.image.HostLink;
import dev.tinyj.emulator.toolchain.image.ImageWriter;
import dev.tinyj.emulator.toolchain.ops.OpTable;
import dev.tinyj.emulator.toolchain.tflite.TfliteModel;
import dev.tinyj.emulator.toolchain.tflite.TfliteReader;
import dev.tinyj.testkit.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The goal model of the int16 variants, ML-zoo's DS-CNN small with int16 activations (16x8:
 * RESHAPE, CONV_2D, DEPTHWISE_CONV_2D, AVERAGE_POOL_2D, FULLY_CONNECTED, SOFTMAX, int64 biases),
 * through the whole host pipeline (read, compile, image, device runtime on the host JVM): both
 * corpus golden cases byte-identical to TFLM, every int16 operator run by its int16 variant, a
 * valid arena plan no larger than TFLM's ({@code arena_head_i386} 32000 in the corpus index; TinyJ
 * overlaps the windowed layers' outputs with their inputs, 20,564 bytes, and keeps SOFTMAX's
 * tables in flash where TFLM's arena holds them).
 */
class Int16ModelTest {
    private static final String NAME = "mlzoo_ds_cnn_s_int16";

    @Test
    void dsCnnInt16RunsByteIdenticalToTflm() throws Exception {
        Path corpus = SharedData.require("models/corpus", "the int16 corpus model not checked");
        TfliteModel tflite = TfliteReader.read(corpus.resolve("models").resolve(NAME + ".tflite"));
        assertEquals(List.of(), tflite.unsupported(), "int64 biases of int16 variants are supported");
        CompiledModel model = ModelCompiler.compile(tflite, NAME);
        for (CompiledOp op : model.ops()) {
            String key = OpTable.byCode(op.opCode()).orElseThrow().key();
            assertTrue(key.equals("RESHAPE") || key.endsWith("_INT16"), op.name() + " runs " + key);
        }
        assertEquals(List.of(), ArenaPlanCheck.violations(model));
        assertTrue(model.arenaBytes() <= 32000, "arena " + model.arenaBytes());
        byte[] image = ImageWriter.write(model);
        for (int c : new int[] {2, 3}) {
            Path golden = corpus.resolve("golden");
            byte[] input = Files.readAllBytes(golden.resolve(NAME + ".case" + c + ".input.bin"));
            byte[] expected = Files.readAllBytes(golden.resolve(NAME + ".case" + c + ".output.bin"));
            byte[] arena = new byte[model.arenaBytes()];
            CompiledTensor in = model.tensors().get(model.inputs()[0]);
            CompiledTensor out = model.tensors().get(model.outputs()[0]);
            assertEquals(in.bytes(), input.length);
            System.arraycopy(input, 0, arena, in.arenaOffset(), input.length);
            HostLink.all().invoke(image, arena);
            byte[] actual = new byte[out.bytes()];
            System.arraycopy(arena, out.arenaOffset(), actual, 0, actual.length);
            assertArrayEquals(expected, actual, "case " + c);
        }
    }
}
