package dev.tinyj.conformance.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Issue 12's fuzzer: mutants of javac-compiled firmware ({@link Mutants}) go through {@code tinyj
 * verify} and {@code tinyj firmware} ({@link Harness}); every outcome must be {@link Outcome#OK}
 * (exit 0-3, no host exception, no hang past {@link #CAP}, nothing the JVM rejects said to be
 * inside the subset). Tries come from the one global setting ({@code tinyj.tries}: 200, 20,000
 * under {@code -Pthorough}); a failure names its mutant, and jqwik shrinks it.
 */
class MutationFuzzProperties {
    /** A try past this is a hang. */
    static final Duration CAP = Duration.ofSeconds(10);
    private static final Harness HARNESS = new Harness(CAP);
    private static Path root;

    private static synchronized Path root() {
        if (root == null) {
            try {
                root = Files.createTempDirectory("tinyj-fuzz");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return root.resolve("try");
    }

    @AfterContainer
    static void removeTries() throws IOException {
        if (root != null) {
            Harness.clear(root);
        }
    }

    private static void assertClean(String seed, byte[] mutant, String what) {
        HostileCase.Layout layout = new HostileCase.Layout(seed.replace('/', '.'), Map.of(seed, mutant), Map.of());
        Harness.Verdict v = HARNESS.judge(layout, root());
        assertEquals(Outcome.OK, v.outcome(), what + " of " + seed + ": " + v.detail());
    }

    @Provide
    Arbitrary<String> seeds() {
        return Arbitraries.of(Mutants.SEEDS);
    }

    /** The seeds themselves run cleanly: verify and firmware exit 0. */
    @Example
    void seedsAreInsideTheSubsetAndRun() {
        for (String seed : Mutants.SEEDS) {
            HostileCase.Layout layout = new HostileCase.Layout(seed.replace('/', '.'),
                    Map.of(seed, Mutants.seed(seed)), Map.of());
            Harness.Verdict v = HARNESS.judge(layout, root());
            assertEquals(Outcome.OK, v.outcome(), seed + ": " + v.detail());
            assertEquals(0, v.verify().exit(), seed + " verify: " + v.verify().err());
            assertEquals(0, v.firmware().exit(), seed + " firmware: " + v.firmware().err());
        }
    }

    @Property
    void byteFlipsAreAnsweredCleanly(@ForAll("seeds") String seed, @ForAll @Size(min = 1, max = 4) int[] positions,
            @ForAll @Size(min = 4, max = 4) int[] masks) {
        byte[] mutant = Mutants.flip(Mutants.seed(seed), positions, Arrays.copyOf(masks, positions.length));
        assertClean(seed, mutant, "flip at " + Arrays.toString(positions) + " by " + Arrays.toString(masks));
    }

    @Property
    void truncationsAreAnsweredCleanly(@ForAll("seeds") String seed, @ForAll @IntRange(min = 0) int length) {
        assertClean(seed, Mutants.truncate(Mutants.seed(seed), length), "truncation to " + length);
    }

    @Property
    void poolSwapsAreAnsweredCleanly(@ForAll("seeds") String seed, @ForAll int a, @ForAll int b) {
        assertClean(seed, Mutants.swapPool(Mutants.seed(seed), a, b), "constant-pool swap " + a + "," + b);
    }

    @Property
    void generatedBodiesAreAnsweredCleanly(@ForAll @Size(min = 1, max = 24) int[] ops, @ForAll int maxStack,
            @ForAll int maxLocals) {
        assertClean("hx/Gen", Mutants.generated(ops, maxStack, maxLocals),
                "generated loop " + Arrays.toString(ops) + " max_stack " + maxStack + " max_locals " + maxLocals);
    }
}
