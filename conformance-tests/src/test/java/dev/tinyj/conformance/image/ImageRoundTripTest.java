package dev.tinyj.conformance.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tinyj.emulator.toolchain.compile.CompiledModel;
import dev.tinyj.emulator.toolchain.compile.CompiledOp;
import dev.tinyj.emulator.toolchain.compile.CompiledTensor;
import dev.tinyj.emulator.toolchain.compile.Placement;
import dev.tinyj.emulator.toolchain.image.ImageReader;
import dev.tinyj.emulator.toolchain.image.ImageWriter;
import dev.tinyj.emulator.toolchain.ops.OpTable;
import dev.tinyj.emulator.toolchain.prepare.PrepareException;
import dev.tinyj.emulator.toolchain.tflite.TfliteReader;
import dev.tinyj.runtime.model.ModelImage;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.Adler32;
import org.junit.jupiter.api.Test;

/**
 * Compiled model → {@link ImageWriter} → {@link ModelImage#validate} → {@code ModelRunner.invoke}
 * on the host JVM: every in-scope kernel model of {@code ../shared/kernel_models} gives its golden
 * output byte for byte; the decoded tables equal the compiled model; hello_world approximates sin.
 */
class ImageRoundTripTest {
    /**
     * Of the 85 kernel models, 7 have a uint8/int16/int32 tensor that prepare refuses (the two
     * uint8 → int8 QUANTIZE models run, and so do the two int16 → int8 QUANTIZE models and the
     * int8 → int16 SOFTMAX model).
     */
    private static final int EXPECTED_IN_SCOPE = 78;
    private static final int EXPECTED_REFUSED = 7;

    @Test
    void everyInScopeKernelModelGivesItsGoldenOutput() throws Exception {
        List<String> failures = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        int matched = 0;
        for (TestModels.Case c : TestModels.kernelCases()) {
            CompiledModel model;
            try {
                model = TestModels.compile(c.file(".tflite"));
            } catch (dev.tinyj.emulator.toolchain.compile.CompileException e) {
                refused.add(c.where() + ": " + e.getMessage());
                continue;
            }
            byte[] image = ImageWriter.write(model);
            byte[] got = HostRun.run(image, Files.readAllBytes(c.file(".input.bin")));
            byte[] want = Files.readAllBytes(c.file(".output.bin"));
            if (java.util.Arrays.equals(got, want)) {
                matched++;
            } else {
                failures.add(c.where());
            }
        }
        assertEquals(List.of(), failures, "kernel models whose image gives other bytes");
        assertEquals(EXPECTED_IN_SCOPE, matched, "in-scope kernel models; refused: " + String.join("\n", refused));
        assertEquals(EXPECTED_REFUSED, refused.size(), String.join("\n", refused));
        assertTrue(refused.stream().allMatch(r -> r.contains("unsupported type")), String.join("\n", refused));
    }

    @Test
    void decodedTablesEqualTheCompiledModel() throws Exception {
        for (TestModels.Case c : TestModels.kernelCases()) {
            CompiledModel model;
            try {
                model = TestModels.compile(c.file(".tflite"));
            } catch (dev.tinyj.emulator.toolchain.compile.CompileException e) {
                continue;
            }
            byte[] image = ImageWriter.write(model);
            assertArrayEquals(image, ImageWriter.write(model), "deterministic: " + c.where());
            checkDecoded(model, image, c.where());
        }
    }

    static void checkDecoded(CompiledModel model, byte[] image, String where) {
        ImageReader.Image m = ImageReader.read(image);
        assertEquals(image.length, m.totalSize(), where);
        assertEquals(0, image.length % 4, where);
        assertEquals(model.arenaBytes(), m.arenaBytes(), where);
        assertArrayEquals(model.inputs(), m.inputs(), where);
        assertArrayEquals(model.outputs(), m.outputs(), where);
        assertEquals(model.tensors().size(), m.tensors().size(), where);
        for (CompiledTensor t : model.tensors()) {
            ImageReader.Tensor d = m.tensors().get(t.index());
            String w = where + " tensor " + t.index();
            assertArrayEquals(t.shape(), d.shape(), w);
            assertEquals(t.type().schemaCode(), d.dtype(), w);
            if (t.placement() == Placement.ARENA) {
                assertEquals(ModelImage.ARENA, d.placement(), w);
                assertEquals(t.arenaOffset(), d.offset(), w);
                assertEquals(t.bytes(), d.bytes(), w);
            } else if (t.placement() == Placement.FLASH) {
                assertEquals(ModelImage.FLASH, d.placement(), w);
                assertEquals(0, d.offset() % 4, w);
                assertArrayEquals(t.data(), java.util.Arrays.copyOfRange(image, d.offset(), d.offset() + d.bytes()), w);
            } else {
                assertEquals(ModelImage.ABSENT, d.placement(), w);
            }
            if (t.quantization() != null && t.quantization().scale().length > 0) {
                assertEquals(t.quantization().zeroPoint0(), d.zeroPoint(), w);
                assertEquals(Float.floatToRawIntBits(t.quantization().scale0()), Float.floatToRawIntBits(d.scale()), w);
            }
        }
        for (int i = 0; i < model.ops().size(); i++) {
            ImageReader.Op d = m.ops().get(i);
            assertEquals(model.ops().get(i).opCode(), d.opCode(), where);
            assertEquals(0, d.paramsOffset() % 4, where);
            assertArrayEquals(model.ops().get(i).params(), d.params(), where);
            CompiledOp op = model.ops().get(i);
            assertArrayEquals(OpTable.spec(op.opCode()).operands().inImage(op.inputs()), d.operands(), where);
            assertEquals(model.ops().get(i).output(), d.output(), where);
        }
    }

    @Test
    void deviceAdlerEqualsJavaUtilZip() {
        java.util.Random r = new java.util.Random(7);
        for (int n : new int[] {0, 1, 2, 3799, 3800, 3801, 7600, 20000, 65536}) {
            byte[] b = new byte[n];
            r.nextBytes(b);
            if (n == 20000) {
                java.util.Arrays.fill(b, (byte) 0xFF); // largest sums
            }
            Adler32 a = new Adler32();
            a.update(b);
            assertEquals((int) a.getValue(), ModelImage.adler32(1, b, 0, n), "n = " + n);
        }
    }

    @Test
    void helloWorldApproximatesSine() throws Exception {
        CompiledModel model = TestModels.compile(TfliteReader.read(TestModels.helloWorld(), "hello_world_int8"));
        byte[] image = ImageWriter.write(model);
        checkDecoded(model, image, "hello_world");
        CompiledTensor in = model.tensors().get(model.inputs()[0]);
        CompiledTensor out = model.tensors().get(model.outputs()[0]);
        double worst = 0;
        for (int k = 0; k <= 20; k++) {
            double x = 2 * Math.PI * k / 20;
            int q = (int) Math.round(x / in.quantization().scale0()) + in.quantization().zeroPoint0();
            byte[] y = HostRun.run(image, new byte[] {(byte) Math.max(-128, Math.min(127, q))});
            double yf = (y[0] - out.quantization().zeroPoint0()) * out.quantization().scale0();
            worst = Math.max(worst, Math.abs(yf - Math.sin(x)));
        }
        assertTrue(worst < 0.15, "hello_world |y - sin x| up to " + worst);
    }
}
