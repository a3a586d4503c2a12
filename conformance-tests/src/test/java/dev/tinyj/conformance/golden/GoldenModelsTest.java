package dev.tinyj.conformance.golden;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tinyj.testkit.SharedData;
import dev.tinyj.emulator.run.HostInference;
import dev.tinyj.emulator.toolchain.compile.CompiledModel;
import dev.tinyj.emulator.toolchain.compile.ModelCompiler;
import dev.tinyj.emulator.toolchain.image.ImageWriter;
import dev.tinyj.emulator.toolchain.tflite.TfliteReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every case of {@code ../shared/models/golden/<model>/} (inputs and outputs TFLM's reference
 * kernels produced) through TinyJ's whole host pipeline: read the .tflite, compile (prepare + arena
 * plan), write the model image, run the device runtime on the host JVM — output bytes identical.
 */
class GoldenModelsTest {
    /** The models whose every op TinyJ supports (the list). */
    static final List<String> MODELS = List.of("hello_world_int8", "micro_speech_quantized", "person_detect",
            "kws_ref_model", "vww_96_int8", "pretrainedResnet_quant", "model_ToyCar_quant_fullint_micro",
            "model_ToyCar_quant_fullint_micro_intio", "str_ww_ref_model", "strm_ww_int8", "keyword_scrambled",
            "keyword_scrambled_8bit", "trained_lstm_int8", "dtln_noise_suppression");

    @TestFactory
    Stream<DynamicTest> everyGoldenCaseIsByteIdentical() throws Exception {
        Path models = SharedData.require("models/golden", "golden models not checked").getParent();
        List<DynamicTest> tests = new ArrayList<>();
        for (String name : MODELS) {
            CompiledModel model = ModelCompiler.compile(TfliteReader.read(models.resolve(name + ".tflite")), name);
            byte[] image = ImageWriter.write(model);
            Path dir = models.resolve("golden").resolve(name);
            List<String> cases;
            try (Stream<Path> files = Files.list(dir)) {
                cases = files.map(p -> p.getFileName().toString()).filter(f -> f.endsWith(".input.bin"))
                        .map(f -> f.substring(0, f.length() - ".input.bin".length())).sorted().toList();
            }
            assertTrue(cases.size() >= 4, name + " has golden cases");
            for (String c : cases) {
                tests.add(DynamicTest.dynamicTest(name + "/" + c, () -> runCase(model, image, dir, c)));
            }
        }
        return tests.stream();
    }

    private static void runCase(CompiledModel model, byte[] image, Path dir, String c) throws IOException {
        byte[] input = Files.readAllBytes(dir.resolve(c + ".input.bin"));
        byte[] expected = Files.readAllBytes(dir.resolve(c + ".output.bin"));
        assertArrayEquals(expected, HostInference.outputs(model, image, input), model.name() + " " + c);
    }
}
