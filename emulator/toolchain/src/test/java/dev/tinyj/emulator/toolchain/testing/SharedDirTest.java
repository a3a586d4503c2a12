package dev.tinyj.emulator.toolchain.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/** The shared-folder locator: the nearest {@code shared/models} above the working directory, skips when absent. */
class SharedDirTest {

    @Test
    void findsTheNearestSharedFolderAboveTheWorkingDirectory() {
        Path shared = SharedDir.find().orElse(null);
        assumeTrue(shared != null, "no shared/models above the working directory: locator not checked");
        assertTrue(Files.isDirectory(shared.resolve("models")), shared.toString());
        Path cwd = Path.of("").toAbsolutePath();
        assertTrue(cwd.startsWith(shared.getParent()), cwd + " is not below " + shared.getParent());
        for (Path d = cwd; !d.equals(shared.getParent()); d = d.getParent()) {
            assertFalse(Files.isDirectory(d.resolve("shared/models")), "a nearer shared folder: " + d);
        }
        assertEquals(shared.resolve("models"), SharedDir.resolve("models"));
    }

    @Test
    void anAbsentSubfolderIsNullOrASkip() {
        assertNull(SharedDir.resolve("no-such-folder.tinyj"));
        TestAbortedException e = assertThrows(TestAbortedException.class,
                () -> SharedDir.require("no-such-folder.tinyj", "nothing checked"));
        assertEquals("Assumption failed: shared/no-such-folder.tinyj is absent: nothing checked", e.getMessage());
    }
}
