package dev.tinyj.conformance.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The test sources of every module ({@code <module>/src/test/java/**.java}, nested modules
 * included), for tests that hold a rule over all of them (one {@code ../shared} locator, one tries
 * setting). Tests run in a module directory, so the repository root is its parent.
 */
final class TestSources {
    private TestSources() {
    }

    /** The repository root: the folder holding {@code tinyj}, above the module directory tests run in. */
    static Path root() {
        Path root = Path.of("").toAbsolutePath().getParent();
        if (root == null || !Files.isRegularFile(root.resolve("tinyj"))) {
            throw new IllegalStateException("tests run in a module directory of the repository, not " + Path.of("")
                    .toAbsolutePath());
        }
        return root;
    }

    /** Every test source file, sorted by path. */
    static List<Path> all() {
        Path root = root();
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> root.relativize(p).toString().replace('\\', '/').matches("(.+/)?src/test/java/.+"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text of {@code source}. */
    static String read(Path source) {
        try {
            return Files.readString(source);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
