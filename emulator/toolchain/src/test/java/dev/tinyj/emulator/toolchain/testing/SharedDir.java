package dev.tinyj.emulator.toolchain.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * Where the toolchain tests find the team's shared read-only test data ({@code shared/}: models,
 * kernel models and vectors, golden outputs), whatever module directory Maven or an IDE runs them
 * from: walking up from the working directory, the first folder {@code D} with a
 * {@code D/shared/models} directory gives {@code D/shared} (from {@code emulator/toolchain} in a
 * checkout beside {@code shared/}, that is {@code ../../../shared}). Tests that need it are skipped,
 * with a message naming what goes unchecked, when no such folder exists.
 */
public final class SharedDir {
    private SharedDir() {
    }

    /** The shared folder, or empty when no folder above the working directory holds {@code shared/models}. */
    public static Optional<Path> find() {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            Path shared = d.resolve("shared");
            if (Files.isDirectory(shared.resolve("models"))) {
                return Optional.of(shared);
            }
        }
        return Optional.empty();
    }

    /** {@code <shared>/<sub>} (a file or folder), or null when the shared folder or {@code sub} is absent. */
    public static Path resolve(String sub) {
        Path p = find().map(s -> s.resolve(sub)).orElse(null);
        return p != null && Files.exists(p) ? p : null;
    }

    /**
     * {@code <shared>/<sub>}, or the calling test is skipped (a failed assumption) with the message
     * "{@code shared/<sub> is absent: <unchecked>}".
     *
     * @param unchecked what goes unchecked without it, e.g. "TFLite models not checked"
     */
    public static Path require(String sub, String unchecked) {
        Path p = resolve(sub);
        Assumptions.assumeTrue(p != null, "shared/" + sub + " is absent: " + unchecked);
        return p;
    }

    /** Every {@code .tflite} file under {@code dir}, sorted by path. */
    public static List<Path> tfliteFiles(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(".tflite")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
