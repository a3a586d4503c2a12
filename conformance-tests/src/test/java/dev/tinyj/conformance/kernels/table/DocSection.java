package dev.tinyj.conformance.kernels.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A generated section of a Markdown file, between a begin and an end marker: checked against what
 * the code gives, or rewritten in place under {@code -Dtinyj.writeDocs=true}.
 */
final class DocSection {
    private DocSection() {
    }

    /**
     * Asserts that {@code doc} holds {@code begin + "\n" + content + end} (or writes it there).
     *
     * @param doc the file, relative to the conformance-tests module (e.g. {@code ../docs/kernels.md})
     */
    static void check(Path doc, String begin, String end, String content) throws IOException {
        String text = Files.readString(doc);
        int from = text.indexOf(begin);
        int to = text.indexOf(end);
        assertTrue(from >= 0 && to > from, doc + " has the generated section's markers " + begin);
        String want = begin + "\n" + content + end;
        if (Boolean.getBoolean("tinyj.writeDocs")) {
            Files.writeString(doc, text.substring(0, from) + want + text.substring(to + end.length()));
            return;
        }
        assertEquals(want, text.substring(from, to + end.length()),
                doc + " generated section (regenerate with -Dtinyj.writeDocs=true)");
    }
}
