package dev.tinyj.emulator.toolchain.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tinyj.emulator.toolchain.tflite.TfliteReader;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Graphs that parse but cannot run (found by a fresh-user fuzzing session): each is refused with a
 * problem line naming the operator, never an internal error. Byte offsets are those of the bundled
 * hello_world_int8.tflite (operator 0's input vector at 1320, operator 2's output vector at 1168).
 */
class MalformedGraphTest {
    private static byte[] helloWorld() throws Exception {
        try (InputStream in = MalformedGraphTest.class.getResourceAsStream("/tflite/hello_world_int8.tflite")) {
            return in.readAllBytes();
        }
    }

    private static List<String> problems(int offset, int value) throws Exception {
        byte[] b = helloWorld();
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(offset, value);
        CompileException e = assertThrows(CompileException.class,
                () -> ModelCompiler.compile(TfliteReader.read(b, "mutated"), "mutated"));
        return e.problems();
    }

    @Test
    void absentRequiredInputIsNamed() throws Exception {
        assertEquals(List.of("operator 0 (FULLY_CONNECTED): input 0 is required but absent (-1)"), problems(1320, -1));
        assertEquals(List.of("operator 0 (FULLY_CONNECTED): input 1 is required but absent (-1)"), problems(1324, -1));
    }

    @Test
    void readBeforeWriteIsNamed() throws Exception {
        assertEquals(List.of("operator 0 (FULLY_CONNECTED): reads tensor 9 'StatefulPartitionedCall:0' int8[1,1]"
                + " before any operator writes it"), problems(1320, 9).subList(0, 1));
    }

    @Test
    void writingAModelInputIsNamed() throws Exception {
        List<String> p = problems(1168, 0);
        assertEquals("operator 2 (FULLY_CONNECTED): writes tensor 0 'serving_default_dense_input:0' int8[1,1], which is"
                + " already a model input", p.get(0));
    }

    /** A one-op FULLY_CONNECTED model whose output has the given quantization. */
    private static List<String> problemsWithOutputQuant(float scale, long zeroPoint) throws Exception {
        var i8 = dev.tinyj.emulator.toolchain.graph.DType.INT8;
        var good = dev.tinyj.emulator.toolchain.graph.Quantization.perTensor(0.5f, 0);
        var spec = new dev.tinyj.emulator.toolchain.tflite.TfliteSpec("q", "main", List.of(
                new dev.tinyj.emulator.toolchain.tflite.TfliteSpec.Tensor("in", i8, new int[] {1, 4}, null, good),
                new dev.tinyj.emulator.toolchain.tflite.TfliteSpec.Tensor("w", i8, new int[] {2, 4}, new byte[8], good),
                new dev.tinyj.emulator.toolchain.tflite.TfliteSpec.Tensor("out", i8, new int[] {1, 2}, null,
                        dev.tinyj.emulator.toolchain.graph.Quantization.perTensor(scale, zeroPoint))),
                List.of(new dev.tinyj.emulator.toolchain.tflite.TfliteSpec.Operator("FULLY_CONNECTED",
                        new int[] {0, 1, -1}, new int[] {2}, dev.tinyj.emulator.toolchain.prepare.OpOptions.none())),
                new int[] {0}, new int[] {2});
        byte[] bytes = dev.tinyj.emulator.toolchain.tflite.TfliteWriter.write(spec);
        CompileException e = assertThrows(CompileException.class,
                () -> ModelCompiler.compile(TfliteReader.read(bytes, "q"), "q"));
        return e.problems();
    }

    @Test
    void insaneQuantizationIsRefused() throws Exception {
        assertEquals(List.of("operator 0 (FULLY_CONNECTED): tensor 2 'out' int8[1,2] has zero point 200, outside int8's"
                + " [-128, 127]"), problemsWithOutputQuant(0.5f, 200));
        assertEquals(List.of("operator 0 (FULLY_CONNECTED): tensor 2 'out' int8[1,2] has quantization scale Infinity"
                + " (an activation needs a finite positive scale)"), problemsWithOutputQuant(Float.POSITIVE_INFINITY, 0));
        assertEquals(1, problemsWithOutputQuant(-0.5f, 0).size());
    }
}
