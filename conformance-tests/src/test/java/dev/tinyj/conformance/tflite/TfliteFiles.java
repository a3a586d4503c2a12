package dev.tinyj.conformance.tflite;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/** Where the reader tests find models: {@code ../shared} (skipped when absent) and the bundled resource. */
final class TfliteFiles {
    private TfliteFiles() {
    }

    /** {@code ../shared/<sub>} relative to the test's working directory, or null when absent. */
    static Path shared(String sub) {
        for (String up : List.of("../shared/", "../../shared/", "../../../shared/")) {
            Path p = Path.of(up + sub);
            if (Files.isDirectory(p)) {
                return p;
            }
        }
        return null;
    }

    /** {@code ../shared/<sub>}, skipping the test with a message when it is absent. */
    static Path requireShared(String sub) {
        Path p = shared(sub);
        Assumptions.assumeTrue(p != null, "../shared/" + sub + " is absent: TFLite models not checked");
        return p;
    }

    /** Every {@code .tflite} file under {@code dir}, sorted. */
    static List<Path> models(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(".tflite")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bundled {@code hello_world_int8.tflite} (see resources/tflite/README.md). */
    static byte[] helloWorld() {
        try (InputStream in = TfliteFiles.class.getResourceAsStream("/tflite/hello_world_int8.tflite")) {
            if (in == null) {
                throw new IllegalStateException("test resource /tflite/hello_world_int8.tflite is missing");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
