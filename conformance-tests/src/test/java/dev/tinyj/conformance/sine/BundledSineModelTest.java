package dev.tinyj.conformance.sine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tinyj.emulator.run.ModelBuild;
import dev.tinyj.emulator.toolchain.compile.CompiledTensor;
import dev.tinyj.emulator.toolchain.image.HostLink;
import dev.tinyj.emulator.toolchain.image.ResolverGenerator;
import dev.tinyj.emulator.toolchain.tflite.TfliteModel;
import dev.tinyj.emulator.toolchain.tflite.TfliteReader;
import dev.tinyj.emulator.toolchain.tflite.TfliteWriter;
import dev.tinyj.emulator.toolchain.train.SineModel;
import java.io.InputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The sine model TinyJ ships (emulator resource {@code dev/tinyj/emulator/models/sine_int8.tflite}):
 * regenerated from its seed it is the same bytes; it is a valid TFLite model with
 * hello_world_int8's structure; through TinyJ's compiler and runtime its int8 error against
 * sin(x) stays within 0.05.
 */
class BundledSineModelTest {
    static byte[] resource(String path) throws Exception {
        try (InputStream in = BundledSineModelTest.class.getResourceAsStream(path)) {
            return in.readAllBytes();
        }
    }

    @Test
    void sameSeedSameBytesAsTheShippedFile() throws Exception {
        byte[] shipped = resource("/dev/tinyj/emulator/models/sine_int8.tflite");
        byte[] regenerated = TfliteWriter.write(SineModel.build(SineModel.DEFAULT_SEED).spec());
        assertArrayEquals(shipped, regenerated, "tinyj train sine reproduces the bundled model byte for byte");
    }

    @Test
    void hasHelloWorldsStructure() throws Exception {
        TfliteModel sine = TfliteReader.read(resource("/dev/tinyj/emulator/models/sine_int8.tflite"), "sine");
        TfliteModel hello = TfliteReader.read(resource("/tflite/hello_world_int8.tflite"), "hello");
        assertEquals(3, sine.version());
        assertEquals(hello.main().operators().size(), sine.main().operators().size());
        for (int i = 0; i < hello.main().operators().size(); i++) {
            assertEquals(hello.opName(hello.main().operators().get(i)), sine.opName(sine.main().operators().get(i)));
            assertEquals(hello.main().operators().get(i).options().toString(),
                    sine.main().operators().get(i).options().toString(), "options of operator " + i);
            assertArrayEquals(hello.main().operators().get(i).inputs(), sine.main().operators().get(i).inputs());
        }
        assertEquals(hello.main().tensors().size(), sine.main().tensors().size());
        for (int t = 0; t < hello.main().tensors().size(); t++) {
            var h = hello.main().tensors().get(t);
            var s = sine.main().tensors().get(t);
            assertEquals(h.name(), s.name(), "tensor " + t);
            assertEquals(h.type(), s.type(), "tensor " + t);
            assertArrayEquals(h.shape(), s.shape(), "tensor " + t);
        }
        // the weights are per-channel (the spec), one scale per output unit
        assertEquals(16, sine.tensorInfo(6).quantization().scale().length);
        assertEquals(0, sine.tensorInfo(6).quantization().quantizedDimension());
    }

    @Test
    void int8ErrorThroughTheRuntimeIsWithin005() throws Exception {
        ModelBuild build = ModelBuild.of(resource("/dev/tinyj/emulator/models/sine_int8.tflite"), "sine_int8");
        CompiledTensor in = build.model().tensors().get(build.model().inputs()[0]);
        CompiledTensor out = build.model().tensors().get(build.model().outputs()[0]);
        float inScale = in.quantization().scale0();
        int inZero = in.quantization().zeroPoint0();
        double sum = 0;
        int n = 1000;
        byte[] arena = new byte[build.model().arenaBytes()];
        HostLink runtime = HostLink.of(ResolverGenerator.opCodes(build.model()), "sine_int8");
        for (int k = 0; k < n; k++) {
            double x = 2 * Math.PI * k / n;
            long q = Math.max(-128, Math.min(127, Math.round(x / inScale) + inZero));
            Arrays.fill(arena, (byte) 0);
            arena[in.arenaOffset()] = (byte) q;
            runtime.invoke(build.image(), arena);
            double y = out.quantization().scale0() * (arena[out.arenaOffset()] - out.quantization().zeroPoint0());
            sum += Math.abs(y - Math.sin(x));
        }
        double mae = sum / n;
        assertTrue(mae <= 0.05, "int8 mean |error| " + mae);
    }
}
