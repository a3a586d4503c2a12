package dev.tinyj.conformance.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Finds marked lines in firmware sources, so tests name lines without hard-coding numbers. */
public final class SourceLines {
    private SourceLines() {
    }

    /** The 1-based line of {@code firmware}'s source that contains {@code marker}. */
    public static int marked(Class<?> firmware, String marker) {
        Path src = Path.of("src/test/java", firmware.getName().replace('.', '/') + ".java");
        try {
            List<String> lines = Files.readAllLines(src);
            for (int k = 0; k < lines.size(); k++) {
                if (lines.get(k).contains(marker)) {
                    return k + 1;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException(src + " has no line marked " + marker);
    }
}
