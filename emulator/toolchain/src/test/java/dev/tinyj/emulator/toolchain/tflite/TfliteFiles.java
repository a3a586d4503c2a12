package dev.tinyj.emulator.toolchain.tflite;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The bundled model the reader tests run on when {@code shared/} is absent. */
final class TfliteFiles {
    private TfliteFiles() {
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
