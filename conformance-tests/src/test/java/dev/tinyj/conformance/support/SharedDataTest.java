package dev.tinyj.conformance.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tinyj.testkit.SharedData;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * {@link SharedData} skips a test whose shared data is missing, or fails it when required; and no
 * test source of any module finds {@code ../shared} another way.
 */
class SharedDataTest {
    /** A path literal that walks up to {@code shared}: what a test's own locator would contain. */
    private static final Pattern OWN_LOCATOR =
            Pattern.compile("(Path\\.of|Paths\\.get|resolve|List\\.of|new File)\\(\\s*\"(\\.\\./)+shared|\"\\.\\./\\.\\./shared");

    @Test
    void missingDataSkipsOrFailsAsRequired() {
        String before = System.getProperty(SharedData.REQUIRE_PROPERTY);
        try {
            System.setProperty(SharedData.REQUIRE_PROPERTY, "true");
            AssertionFailedError failed = assertThrows(AssertionFailedError.class,
                    () -> SharedData.require("no-such-folder", "nothing checked"));
            assertTrue(failed.getMessage().startsWith("../shared/no-such-folder is absent: nothing checked (looked in "),
                    failed.getMessage());
            assertTrue(failed.getMessage().contains(SharedData.REQUIRE_ENV), failed.getMessage());

            System.setProperty(SharedData.REQUIRE_PROPERTY, "false");
            Throwable t = assertThrows(Throwable.class, () -> SharedData.present(false, "x is absent: y"));
            if (System.getenv(SharedData.REQUIRE_ENV) == null) {
                assertInstanceOf(TestAbortedException.class, t);
                assertEquals("Assumption failed: x is absent: y", t.getMessage());
            } else {
                assertInstanceOf(AssertionFailedError.class, t, "the environment variable alone requires it");
            }
        } finally {
            if (before == null) {
                System.clearProperty(SharedData.REQUIRE_PROPERTY);
            } else {
                System.setProperty(SharedData.REQUIRE_PROPERTY, before);
            }
        }
    }

    @Test
    void noTestLocatesSharedItself() {
        Path root = TestSources.root();
        List<String> offenders = TestSources.all().stream()
                .filter(p -> !p.getFileName().toString().equals("SharedData.java"))
                .filter(p -> OWN_LOCATOR.matcher(TestSources.read(p)).find())
                .map(p -> root.relativize(p).toString())
                .toList();
        assertEquals(List.of(), offenders, "find ../shared through SharedData.require, not a path of one's own");
    }
}
