package dev.tinyj.emulator.toolchain.tflite;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random damage to a real model (bit flips, overwritten bytes and 32-bit words, truncation) gives
 * a model or a {@link TfliteException}: never another exception, never more than a second.
 */
class ReaderMutationPropertyTest {
    private static final byte[] MODEL = TfliteFiles.helloWorld();

    /** One change: {@code kind} 0 flips bit {@code value & 7}, 1 writes a byte, 2 writes a word, 3 truncates. */
    record Mutation(int kind, int position, int value) {
        void apply(byte[][] file) {
            byte[] b = file[0];
            if (b.length == 0) {
                return;
            }
            int p = Math.floorMod(position, Math.max(1, b.length));
            switch (kind) {
                case 0 -> b[p] ^= (byte) (1 << (value & 7));
                case 1 -> b[p] = (byte) value;
                case 2 -> {
                    for (int k = 0; k < 4 && p + k < b.length; k++) {
                        b[p + k] = (byte) (value >>> (8 * k));
                    }
                }
                default -> file[0] = Arrays.copyOf(b, p);
            }
        }
    }

    @Provide
    Arbitrary<List<Mutation>> mutations() {
        Arbitrary<Mutation> one = Combinators.combine(
                Arbitraries.integers().between(0, 3).withDistribution(net.jqwik.api.RandomDistribution.uniform()),
                Arbitraries.integers().between(0, MODEL.length - 1),
                Arbitraries.integers()).as(Mutation::new);
        return one.list().ofMinSize(1).ofMaxSize(8);
    }

    @Property
    void damagedModelsReadOrFailWithATfliteException(@ForAll("mutations") List<Mutation> changes) {
        byte[][] file = {MODEL.clone()};
        changes.forEach(m -> m.apply(file));
        assertTimeoutPreemptively(Duration.ofSeconds(1), () -> {
            try {
                TfliteModel m = TfliteReader.read(file[0], "mutant.tflite");
                m.unsupported();
            } catch (TfliteException e) {
                assertTrue(e.getMessage().startsWith("mutant.tflite: byte offset "), e.getMessage());
            }
        });
    }

    @Property
    void randomBytesAfterTheHeaderFailCleanly(@ForAll("noise") byte[] tail) {
        byte[] b = Arrays.copyOf(MODEL, 8 + tail.length);
        System.arraycopy(tail, 0, b, 8, tail.length);
        assertTimeoutPreemptively(Duration.ofSeconds(1), () -> {
            try {
                TfliteReader.read(b, "noise.tflite").unsupported();
            } catch (TfliteException e) {
                assertTrue(e.getMessage().startsWith("noise.tflite: byte offset "), e.getMessage());
            }
        });
    }

    @Provide
    Arbitrary<byte[]> noise() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(4096);
    }
}
