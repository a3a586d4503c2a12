package dev.tinyj.conformance.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tinyj.emulator.toolchain.compile.CompiledModel;
import dev.tinyj.emulator.toolchain.image.ImageWriter;
import dev.tinyj.emulator.toolchain.tflite.TfliteModel;
import dev.tinyj.emulator.toolchain.tflite.TfliteReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Whole models through the image: every fully supported model of {@code ../shared/models} that
 * has golden I/O ({@code golden/<model>/*.input.bin|output.bin}, TFLM reference kernels) is
 * compiled by {@link TestModels}, written, validated and run on the host JVM; every case's output
 * must be byte-identical. hello_world and micro_speech also run in the emulator
 * ({@link ImageEmulatorTest#emulate}).
 */
class RealModelImageTest {
    private static final List<String> IN_EMULATOR = List.of("hello_world_int8", "micro_speech_quantized");

    static Path models() {
        for (String up : List.of("../shared/", "../../shared/", "../../../shared/")) {
            Path p = Path.of(up + "models");
            if (Files.isDirectory(p.resolve("golden"))) {
                return p;
            }
        }
        Assumptions.assumeTrue(false, "../shared/models is absent: whole-model images not checked");
        return null;
    }

    @Test
    void everySupportedModelMatchesItsGoldenOutputs() throws Exception {
        Path dir = models();
        List<String> checked = new ArrayList<>();
        int cases = 0;
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".tflite")).sorted().toList()) {
                String name = file.getFileName().toString().replace(".tflite", "");
                TfliteModel tflite = TfliteReader.read(file);
                Path golden = dir.resolve("golden").resolve(name);
                if (!tflite.unsupported().isEmpty() || !Files.isDirectory(golden)) {
                    continue;
                }
                CompiledModel model = TestModels.compile(tflite);
                byte[] image = ImageWriter.write(model);
                ImageRoundTripTest.checkDecoded(model, image, name);
                try (Stream<Path> g = Files.list(golden)) {
                    for (Path in : g.filter(f -> f.toString().endsWith(".input.bin")).sorted().toList()) {
                        String id = in.getFileName().toString().replace(".input.bin", "");
                        byte[] input = Files.readAllBytes(in);
                        byte[] want = Files.readAllBytes(golden.resolve(id + ".output.bin"));
                        byte[] got = HostRun.run(image, input);
                        assertArrayEquals(want, got, name + " " + id);
                        if (IN_EMULATOR.contains(name) && id.startsWith("case")) {
                            assertArrayEquals(want, ImageEmulatorTest.emulate(image, input), name + " " + id
                                    + " in the emulator");
                        }
                        cases++;
                    }
                }
                checked.add(name);
            }
        }
        assertTrue(checked.containsAll(IN_EMULATOR), checked.toString());
        assertTrue(checked.size() >= 8, "models checked: " + checked);
        assertTrue(cases >= 80, "golden cases: " + cases);
        System.out.println("[image] whole models through the image: " + checked + ", " + cases + " golden cases");
    }
}
