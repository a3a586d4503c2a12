package dev.tinyj.conformance.golden;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tinyj.emulator.run.CsvTable;
import dev.tinyj.emulator.toolchain.compile.CompileException;
import dev.tinyj.emulator.run.HostInference;
import dev.tinyj.emulator.toolchain.compile.CompiledModel;
import dev.tinyj.emulator.toolchain.compile.ModelCompiler;
import dev.tinyj.emulator.toolchain.image.ImageWriter;
import dev.tinyj.emulator.toolchain.tflite.TfliteReader;
import dev.tinyj.testkit.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The 52 real microcontroller models of {@code ../shared/models/corpus} (ARM, TFLM, ST, Silicon
 * Labs, MIT, Ambiq; {@code index.csv} says where each comes from and what TFLM made of it), through
 * TinyJ's whole host pipeline as {@link GoldenModelsTest} does:
 *
 * <ul>
 *   <li>every model TFLM runs ({@code tflm_status} {@code ok}) compiles, its arena is no larger than
 *       TFLM's non-persistent plan on a 32-bit build ({@code arena_head_i386}), and every golden case
 *       present ({@code golden/<model>.case<k>.{input,output}.bin}: TFLM's reference-kernel
 *       outputs) is byte-identical — except the models of {@link #NOT_YET}, which must still be
 *       refused for the reason given there (so a model that starts running fails here until it is
 *       taken off the list and checked);</li>
 *   <li>every model TFLM refuses is refused by TinyJ too.</li>
 * </ul>
 */
class CorpusGoldenTest {
    /** Models TFLM runs that TinyJ does not yet: model → a phrase its refusal contains. */
    static final Map<String, String> NOT_YET = Map.of();

    @TestFactory
    Stream<DynamicNode> everyCorpusModel() throws IOException {
        Path corpus = SharedData.require("models/corpus/index.csv", "corpus models not checked").getParent();
        List<Map<String, String>> rows = CsvTable.read(corpus.resolve("index.csv"));
        assertEquals(52, rows.size(), "corpus models in index.csv");
        List<DynamicNode> nodes = new ArrayList<>();
        for (Map<String, String> row : rows) {
            String name = row.get("name");
            Path model = corpus.resolve(row.get("file"));
            if (!row.get("tflm_status").equals("ok")) {
                nodes.add(DynamicTest.dynamicTest(name + ": refused, as TFLM refuses it", () -> refused(model, name, "")));
            } else if (NOT_YET.containsKey(name)) {
                nodes.add(DynamicTest.dynamicTest(name + ": not yet supported",
                        () -> refused(model, name, NOT_YET.get(name))));
            } else {
                nodes.add(DynamicContainer.dynamicContainer(name, cases(corpus, model, name,
                        Integer.parseInt(row.get("arena_head_i386")))));
            }
        }
        return nodes.stream();
    }

    private static Stream<DynamicNode> cases(Path corpus, Path file, String name, int tflmArena) throws IOException {
        TreeSet<String> cases = new TreeSet<>();
        try (Stream<Path> files = Files.list(corpus.resolve("golden"))) {
            files.map(p -> p.getFileName().toString()).filter(f -> f.startsWith(name + ".case") && f.endsWith(".input.bin"))
                    .forEach(f -> cases.add(f.substring(name.length() + 1, f.length() - ".input.bin".length())));
        }
        assertTrue(cases.size() >= 2, name + " has golden cases");
        CompiledModel[] model = new CompiledModel[1];
        byte[][] image = new byte[1][];
        List<DynamicNode> tests = new ArrayList<>();
        tests.add(DynamicTest.dynamicTest("compiles, arena <= TFLM's " + tflmArena + " B", () -> {
            model[0] = ModelCompiler.compile(TfliteReader.read(file), name);
            image[0] = ImageWriter.write(model[0]);
            assertTrue(model[0].arenaBytes() <= tflmArena,
                    name + ": arena " + model[0].arenaBytes() + " B > TFLM's " + tflmArena + " B");
        }));
        for (String c : cases) {
            tests.add(DynamicTest.dynamicTest(c, () -> {
                byte[] input = Files.readAllBytes(corpus.resolve("golden").resolve(name + "." + c + ".input.bin"));
                byte[] expected = Files.readAllBytes(corpus.resolve("golden").resolve(name + "." + c + ".output.bin"));
                assertTrue(model[0] != null, "compiled");
                assertArrayEquals(expected, HostInference.outputs(model[0], image[0], input), name + " " + c);
            }));
        }
        return tests.stream();
    }

    private static void refused(Path model, String name, String reason) {
        CompileException e = assertThrows(CompileException.class,
                () -> ModelCompiler.compile(TfliteReader.read(model), name));
        assertTrue(e.problems().stream().anyMatch(p -> p.contains(reason)),
                name + " refused for: " + String.join("; ", e.problems()));
    }
}
