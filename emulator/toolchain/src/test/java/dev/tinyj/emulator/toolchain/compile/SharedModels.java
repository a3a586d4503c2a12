package dev.tinyj.emulator.toolchain.compile;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Checks the compiler tests on shared models have in common. */
final class SharedModels {
    private SharedModels() {
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
