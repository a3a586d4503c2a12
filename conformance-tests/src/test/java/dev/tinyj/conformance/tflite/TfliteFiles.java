package dev.tinyj.conformance.tflite;

import dev.tinyj.conformance.support.SharedData;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Where the reader tests find models: {@code ../shared} (skipped when absent) and the bundled resource. */
final class TfliteFiles {
    private TfliteFiles() {
    }

    /** {@code ../shared/<sub>}, skipping the test with a message when it is absent ({@link SharedData}). */
    static Path requireShared(String sub) {
        return SharedData.require(sub, "TFLite models not checked");
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
