package dev.tinyj.conformance.compile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tinyj.emulator.toolchain.compile.CompileException;
import dev.tinyj.emulator.toolchain.compile.ModelCompiler;
import dev.tinyj.emulator.toolchain.tflite.TfliteModel;
import dev.tinyj.emulator.toolchain.tflite.TfliteReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * End to end: every compiled model run on one arena laid out as planned ({@link ArenaRunner})
 * gives TFLM's golden bytes, so neither the plan nor an in-place rule clobbers a live value.
 */
class CompiledRunTest {
    @Test
    void everySupportedModelGivesTheGoldenOutputsOnItsPlannedArena() throws Exception {
        Path dir = SharedModels.requireShared("models");
        for (String name : CompileSharedModelsTest.SUPPORTED) {
            ModelCompiler.Compilation c = CompileSharedModelsTest.compile(dir.resolve(name + ".tflite"));
            SharedModels.assertValidPlan(c);
            Path golden = dir.resolve("golden").resolve(name);
            List<Path> cases;
            try (Stream<Path> s = Files.list(golden)) {
                cases = s.filter(p -> p.toString().endsWith(".input.bin")).sorted().toList();
            }
            assertTrue(cases.size() >= 4, name + ": golden cases missing");
            for (Path in : cases) {
                Path out = Path.of(in.toString().replace(".input.bin", ".output.bin"));
                assertArrayEquals(Files.readAllBytes(out), ArenaRunner.run(c.model(), Files.readAllBytes(in)),
                        name + " " + in.getFileName());
            }
        }
    }

    @Test
    void everyKernelModelCompilesAndRunsOrIsRefusedForItsType() throws Exception {
        Path dir = SharedModels.requireShared("kernel_models");
        List<Path> files = SharedModels.models(dir);
        assertEquals(85, files.size());
        List<String> refused = new ArrayList<>();
        for (Path f : files) {
            String name = SharedModels.stem(f);
            TfliteModel m = TfliteReader.read(f);
            ModelCompiler.Compilation c;
            try {
                c = ModelCompiler.compileDetailed(m, name);
            } catch (CompileException e) {
                for (String p : e.problems()) {
                    assertTrue(p.contains("unsupported type"), name + ": " + p);
                }
                refused.add(name);
                continue;
            }
            SharedModels.assertValidPlan(c);
            assertEquals(m.main().operators().size(), c.model().ops().size(), name);
            Path in = Path.of(f.toString().replace(".tflite", ".input.bin"));
            Path out = Path.of(f.toString().replace(".tflite", ".output.bin"));
            assertArrayEquals(Files.readAllBytes(out), ArenaRunner.run(c.model(), Files.readAllBytes(in)), name);
        }
        System.out.println("kernel models: " + (files.size() - refused.size()) + " compiled and ran, "
                + refused.size() + " refused for their types: " + refused);
        assertEquals(12, refused.size(), refused.toString());
    }
}
