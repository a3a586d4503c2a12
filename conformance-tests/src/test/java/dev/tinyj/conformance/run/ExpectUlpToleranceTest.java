package dev.tinyj.conformance.run;

import static dev.tinyj.conformance.support.Cli.tinyj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tinyj.conformance.support.Cli.Outcome;
import dev.tinyj.emulator.run.Inference;
import dev.tinyj.emulator.run.ModelBuild;
import dev.tinyj.emulator.run.TensorFiles;
import dev.tinyj.emulator.toolchain.graph.DType;
import dev.tinyj.emulator.toolchain.image.HostLink;
import dev.tinyj.emulator.toolchain.prepare.OpOptions;
import dev.tinyj.emulator.toolchain.tflite.TfliteSpec;
import dev.tinyj.emulator.toolchain.tflite.TfliteWriter;
import dev.tinyj.runtime.kernels.SoftmaxFloat;
import dev.tinyj.runtime.model.ModelImage;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code tinyj run --expect} on a float model with two outputs: a FULLY_CONNECTED output (compared
 * byte for byte) and the SOFTMAX of it (each element within {@link SoftmaxFloat#ULPS_FROM_TFLM}
 * ULP, the bound docs/kernels.md documents, and not one more); the report says how it compared
 * and the largest difference it saw.
 */
class ExpectUlpToleranceTest {
    static Path model;
    static Path input;
    /** The run's output bytes: FULLY_CONNECTED's [1,6], then SOFTMAX's [1,6]. */
    static byte[] outputs;

    @BeforeAll
    static void floatModel() throws Exception {
        DType f32 = DType.FLOAT32;
        float[] w = new float[6 * 4];
        for (int k = 0; k < w.length; k++) {
            w[k] = (k * 7 % 11 - 5) * 0.37f;
        }
        TfliteSpec spec = new TfliteSpec("float softmax", "main", List.of(
                new TfliteSpec.Tensor("in", f32, new int[] {1, 4}, null, null),
                new TfliteSpec.Tensor("w", f32, new int[] {6, 4}, floats(w), null),
                new TfliteSpec.Tensor("logits", f32, new int[] {1, 6}, null, null),
                new TfliteSpec.Tensor("probs", f32, new int[] {1, 6}, null, null)),
                List.of(new TfliteSpec.Operator("FULLY_CONNECTED", new int[] {0, 1, -1}, new int[] {2},
                                new OpOptions(Map.of("fused_activation_function", "NONE"))),
                        new TfliteSpec.Operator("SOFTMAX", new int[] {2}, new int[] {3},
                                new OpOptions(Map.of("beta", "1.0")))),
                new int[] {0}, new int[] {2, 3});
        byte[] tflite = TfliteWriter.write(spec);
        model = Files.createTempFile("float_softmax", ".tflite");
        Files.write(model, tflite);
        byte[] in = floats(0.5f, -1.25f, 2f, 0.75f);
        input = Files.createTempFile("float_softmax_in", ".bin");
        Files.write(input, in);
        // the runtime on the host JVM gives the emulator's bytes (the kernel tests hold both equal)
        byte[] image = ModelBuild.of(tflite, "float_softmax").image();
        byte[] ram = new byte[ModelImage.arenaBytes(image)];
        System.arraycopy(in, 0, ram, ModelImage.inputOffset(image, 0), in.length);
        HostLink.all().invoke(image, ram);
        outputs = new byte[48];
        System.arraycopy(ram, ModelImage.outputOffset(image, 0), outputs, 0, 24);
        System.arraycopy(ram, ModelImage.outputOffset(image, 1), outputs, 24, 24);
    }

    @Test
    void theSoftmaxOutputHasTheDocumentedToleranceAndNothingElse() throws Exception {
        ModelBuild build = ModelBuild.of(Files.readAllBytes(model), "float_softmax");
        assertEquals(List.of(0, SoftmaxFloat.ULPS_FROM_TFLM),
                Arrays.stream(Inference.outputUlps(build)).boxed().toList(), "FULLY_CONNECTED exact, SOFTMAX not");
        Outcome same = expect(outputs);
        assertEquals(0, same.code(), same.out() + same.err());
        assertTrue(same.out().contains("float SOFTMAX and LOG_SOFTMAX outputs compared within " + SoftmaxFloat.ULPS_FROM_TFLM
                + " ULP per element, largest difference 0 ULP; other outputs byte for byte"), same.out());
        Outcome within = expect(nudged(outputs, 24 + 8, SoftmaxFloat.ULPS_FROM_TFLM));
        assertEquals(0, within.code(), within.out() + within.err());
        assertTrue(within.out().contains("largest difference " + SoftmaxFloat.ULPS_FROM_TFLM + " ULP"), within.out());
        Outcome beyond = expect(nudged(outputs, 24 + 8, SoftmaxFloat.ULPS_FROM_TFLM + 1));
        assertEquals(1, beyond.code(), beyond.out());
        assertTrue(beyond.out().contains("expect: MISMATCH: 1 of 12 output elements differ"), beyond.out());
        assertTrue(beyond.out().contains("output 1 'probs' element 2 [0,2]") && beyond.out().contains(
                (SoftmaxFloat.ULPS_FROM_TFLM + 1) + " ULP apart; " + SoftmaxFloat.ULPS_FROM_TFLM + " ULP accepted"),
                beyond.out());
        Outcome exact = expect(nudged(outputs, 8, 1));
        assertEquals(1, exact.code(), "FULLY_CONNECTED's output is compared byte for byte: " + exact.out());
        assertTrue(exact.out().contains("output 0 'logits' element 2 [0,2]"), exact.out());
        Outcome json = tinyj("run", "--model", model.toString(), "--board", "nucleo-l4r5zi", "--input",
                input.toString(), "--expect", file(nudged(outputs, 24, 2)).toString(), "--format", "json");
        assertEquals(0, json.code(), json.err());
        assertTrue(json.out().contains("\"ulp_tolerance\": " + SoftmaxFloat.ULPS_FROM_TFLM + ",")
                && json.out().contains("\"max_ulps\": 2"), json.out());
    }

    @Test
    void ulpDistanceCountsFloatsBetween() {
        int one = Float.floatToRawIntBits(1f);
        assertEquals(0, TensorFiles.ulpDistance(one, one));
        assertEquals(1, TensorFiles.ulpDistance(one, one + 1));
        assertEquals(1, TensorFiles.ulpDistance(one, Float.floatToRawIntBits(Math.nextDown(1f))));
        assertEquals(0, TensorFiles.ulpDistance(Float.floatToRawIntBits(0f), Float.floatToRawIntBits(-0f)));
        assertEquals(2, TensorFiles.ulpDistance(Float.floatToRawIntBits(Float.MIN_VALUE),
                Float.floatToRawIntBits(-Float.MIN_VALUE)));
        assertEquals(Long.MAX_VALUE, TensorFiles.ulpDistance(one, Float.floatToRawIntBits(Float.NaN)));
        assertEquals(0, TensorFiles.ulpDistance(Float.floatToRawIntBits(Float.NaN), Float.floatToRawIntBits(Float.NaN)));
    }

    private static Outcome expect(byte[] want) throws Exception {
        return tinyj("run", "--model", model.toString(), "--board", "nucleo-l4r5zi", "--input", input.toString(),
                "--expect", file(want).toString());
    }

    /** {@code b} with the float at byte {@code off} moved {@code ulps} floats up. */
    private static byte[] nudged(byte[] b, int off, int ulps) {
        byte[] c = b.clone();
        ByteBuffer bb = ByteBuffer.wrap(c).order(ByteOrder.LITTLE_ENDIAN);
        float v = bb.getFloat(off);
        for (int k = 0; k < ulps; k++) {
            v = Math.nextUp(v);
        }
        bb.putFloat(off, v);
        return c;
    }

    private static Path file(byte[] content) throws Exception {
        Path f = Files.createTempFile("expect", ".bin");
        Files.write(f, content);
        return f;
    }

    private static byte[] floats(float... v) {
        ByteBuffer b = ByteBuffer.allocate(4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float x : v) {
            b.putFloat(x);
        }
        return b.array();
    }
}
