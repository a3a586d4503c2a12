package dev.tinyj.conformance.differential;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * The tries hook really changes the number of tries: a property under it runs exactly
 * {@code tinyj.tries} times (jqwik's own default would be 1000).
 */
@AddLifecycleHook(TriesFromSystemProperty.class)
class TriesHookTest {
    private static final AtomicInteger RUNS = new AtomicInteger();

    @Property
    void countsItsTries(@ForAll long anything) {
        RUNS.incrementAndGet();
    }

    @AfterContainer
    static void ranExactlyTheConfiguredTries() {
        assertEquals(TriesFromSystemProperty.tries(), RUNS.get(), "tries under TriesFromSystemProperty");
    }
}
