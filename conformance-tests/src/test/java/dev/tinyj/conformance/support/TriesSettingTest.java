package dev.tinyj.conformance.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Every jqwik property takes its tries from one setting: jqwik's default tries
 * ({@code jqwik.tries.default}), which surefire sets from the root pom's {@code tinyj.tries} (200;
 * {@code -Pthorough} 20000; {@code -Dtinyj.tries=N}) and an IDE run reads from
 * {@code junit-platform.properties}. A property that names its own tries would escape that
 * setting, so none may: the bounds of what a property generates (shape caps) keep an expensive
 * property's tries cheap, not a smaller count.
 */
class TriesSettingTest {
    private static final AtomicInteger RUNS = new AtomicInteger();

    /** The configured tries: the system property surefire passes, else the properties file's. */
    static int configuredTries() {
        String set = System.getProperty("jqwik.tries.default");
        if (set != null) {
            return Integer.parseInt(set.strip());
        }
        try (InputStream in = TriesSettingTest.class.getResourceAsStream("/junit-platform.properties")) {
            Properties p = new Properties();
            p.load(in);
            return Integer.parseInt(p.getProperty("jqwik.tries.default").strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Property
    void countsItsTries(@ForAll long anything) {
        RUNS.incrementAndGet();
    }

    @AfterContainer
    static void ranExactlyTheConfiguredTries() {
        assertEquals(configuredTries(), RUNS.get(), "tries of a property that does not name its own");
    }

    /** {@code @Property(...)} or {@code @PropertyDefaults(...)} with its arguments. */
    private static final Pattern PROPERTY = Pattern.compile("@Property(Defaults)?\\b(\\s*\\(([^)]*)\\))?");

    /**
     * Scans the test sources of every module (properties live in the toolchain's and the VM's own
     * tests as well as here): none names its own tries.
     */
    @Example
    void noPropertyNamesItsOwnTries() {
        Path root = TestSources.root();
        List<String> own = new ArrayList<>();
        int properties = 0;
        for (Path source : TestSources.all()) {
            Matcher m = PROPERTY.matcher(TestSources.read(source));
            while (m.find()) {
                if (m.group(1) == null) {
                    properties++;
                }
                if (m.group(3) != null && m.group(3).matches("(?s).*\\btries\\s*=.*")) {
                    own.add(root.relativize(source) + ": " + m.group());
                }
            }
        }
        assertTrue(properties > 50, "found the properties (" + properties + ") under " + root);
        assertEquals(List.of(), own, "no property names its own tries: they come from tinyj.tries");
    }
}
