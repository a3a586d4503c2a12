package dev.tinyj.conformance.compile;

import dev.tinyj.conformance.support.SharedData;
import dev.tinyj.emulator.toolchain.compile.ArenaPlanCheck;
import dev.tinyj.emulator.toolchain.compile.ModelCompiler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Where the compiler tests find {@code ../shared} (skipped with a message when absent), and shared checks. */
final class SharedModels {
    private SharedModels() {
    }

    /** {@code <shared>/<sub>}, skipping the test with a message when it is absent ({@link SharedData}). */
    static Path requireShared(String sub) {
        return SharedData.require(sub, "compiler not checked on shared models");
    }

    /** Every {@code .tflite} file under {@code dir}, sorted. */
    static List<Path> models(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(".tflite")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file name without {@code .tflite}. */
    static String stem(Path p) {
        String f = p.getFileName().toString();
        return f.substring(0, f.length() - ".tflite".length());
    }

    /** Asserts the plan of {@code c} is valid (see {@link ArenaPlanCheck}). */
    static void assertValidPlan(ModelCompiler.Compilation c) {
        assertEquals(List.of(), ArenaPlanCheck.violations(c), c.model().name());
    }
}
