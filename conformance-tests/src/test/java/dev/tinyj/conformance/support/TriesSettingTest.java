package dev.tinyj.conformance.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.PropertyDefaults;
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

    @Example
    void noPropertyNamesItsOwnTries() throws IOException, URISyntaxException, ClassNotFoundException {
        Path classes = Path.of(TriesSettingTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> names;
        try (Stream<Path> files = Files.walk(classes)) {
            names = files.map(p -> classes.relativize(p).toString().replace('\\', '/'))
                    .filter(n -> n.endsWith(".class") && !n.contains("jmh_generated"))
                    .map(n -> n.substring(0, n.length() - ".class".length()).replace('/', '.'))
                    .sorted()
                    .toList();
        }
        List<String> own = new ArrayList<>();
        int properties = 0;
        for (String name : names) {
            Class<?> c = Class.forName(name, false, TriesSettingTest.class.getClassLoader());
            PropertyDefaults defaults = c.getAnnotation(PropertyDefaults.class);
            if (defaults != null && defaults.tries() != Property.TRIES_NOT_SET) {
                own.add(name + " @PropertyDefaults(tries = " + defaults.tries() + ")");
            }
            for (Method m : c.getDeclaredMethods()) {
                Property p = m.getAnnotation(Property.class);
                if (p != null) {
                    properties++;
                    if (p.tries() != Property.TRIES_NOT_SET) {
                        own.add(name + "." + m.getName() + " @Property(tries = " + p.tries() + ")");
                    }
                }
            }
        }
        assertTrue(properties > 50, "found the properties (" + properties + ") in " + classes);
        assertEquals(List.of(), own, "no property names its own tries: they come from tinyj.tries");
    }
}
