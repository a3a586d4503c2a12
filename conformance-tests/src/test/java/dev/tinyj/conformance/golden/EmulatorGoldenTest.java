package dev.tinyj.conformance.golden;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.tinyj.boards.Board;
import dev.tinyj.boards.Boards;
import dev.tinyj.testkit.SharedData;
import dev.tinyj.emulator.run.Inference;
import dev.tinyj.emulator.run.ModelBuild;
import dev.tinyj.emulator.toolchain.compile.CompileException;
import dev.tinyj.emulator.vm.decode.Program;
import dev.tinyj.emulator.vm.exec.MachineOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The main job's conformance (issue 6 item 9): every case of {@code ../shared/models/golden} and
 * every in-scope model of {@code ../shared/kernel_models}, run INSIDE the emulator on a Cortex-M4
 * board (nucleo-l4r5zi) through the inference firmware with the per-model resolver — exactly what
 * {@code tinyj run --expect} does — gives TFLM's output bytes; hello_world_int8 also on
 * arduino-uno.
 */
class EmulatorGoldenTest {
    private static final String M4 = "nucleo-l4r5zi";

    @TestFactory
    Stream<DynamicTest> goldenModelsInTheEmulator() throws Exception {
        Path models = SharedData.require("models/golden", "golden models not run in the emulator").getParent();
        List<DynamicTest> tests = new ArrayList<>();
        for (String name : GoldenModelsTest.MODELS) {
            ModelBuild build = ModelBuild.of(Files.readAllBytes(models.resolve(name + ".tflite")), name);
            Path dir = models.resolve("golden").resolve(name);
            List<String> cases;
            try (Stream<Path> files = Files.list(dir)) {
                cases = files.map(p -> p.getFileName().toString()).filter(f -> f.endsWith(".input.bin"))
                        .map(f -> f.substring(0, f.length() - ".input.bin".length())).sorted().toList();
            }
            List<String> boards = name.equals("hello_world_int8") ? List.of(M4, "arduino-uno") : List.of(M4);
            for (String boardId : boards) {
                Board board = Boards.load(boardId);
                Program program = Inference.firmware(build, board);
                for (String c : cases) {
                    tests.add(DynamicTest.dynamicTest(name + "/" + c + " on " + boardId, () -> assertArrayEquals(
                            Files.readAllBytes(dir.resolve(c + ".output.bin")),
                            Inference.run(build, program, board, Files.readAllBytes(dir.resolve(c + ".input.bin")),
                                    MachineOptions.DEFAULT_WATCHDOG_CYCLES, 0).output())));
                }
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> kernelModelsInTheEmulator() throws Exception {
        Path root = SharedData.require("kernel_models", "kernel models not run in the emulator");
        Board board = Boards.load(M4);
        List<DynamicTest> tests = new ArrayList<>();
        List<String> rows = Files.readAllLines(root.resolve("index.csv"));
        for (String row : rows.subList(1, rows.size())) {
            String[] f = row.split(",");
            if (f.length < 2 || !row.contains(",ok")) {
                continue;
            }
            Path base = root.resolve(f[0]).resolve(f[1]);
            SharedData.present(Files.isRegularFile(base.resolveSibling(f[1] + ".tflite")),
                    "../shared/kernel_models/" + f[0] + "/" + f[1] + ".tflite is absent: kernel models not run");
            ModelBuild build;
            try {
                build = ModelBuild.of(Files.readAllBytes(base.resolveSibling(f[1] + ".tflite")), f[1]);
            } catch (CompileException e) {
                continue; // out of scope (uint8/int16/int32 activations): refusal is asserted by ImageRoundTripTest
            }
            Program program = Inference.firmware(build, board);
            tests.add(DynamicTest.dynamicTest(f[0] + "/" + f[1], () -> assertArrayEquals(
                    Files.readAllBytes(base.resolveSibling(f[1] + ".output.bin")),
                    Inference.run(build, program, board, Files.readAllBytes(base.resolveSibling(f[1] + ".input.bin")),
                            MachineOptions.DEFAULT_WATCHDOG_CYCLES, 0).output())));
        }
        SharedData.present(!tests.isEmpty(), "no kernel models found in ../shared/kernel_models");
        return tests.stream();
    }
}
