package dev.tinyj.conformance.kernels.elementwise;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.tinyj.emulator.toolchain.prepare.PrepareException;
import dev.tinyj.emulator.toolchain.prepare.PreparedOp;
import dev.tinyj.emulator.toolchain.prepare.SquaredDifferencePrepare;
import dev.tinyj.runtime.kernels.SquaredDifference;
import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * SQUARED_DIFFERENCE against a plain reference on {@link ElementwisePropertyTest}'s generated cases
 * (ranks 0..6, random broadcast dimensions, scales and zero points; operands at non-zero offsets):
 * broadcast by explicit multi-index arithmetic, the multipliers from TFLM's {@code PrepareQuantized}
 * formulas in double ({@code s1 / (2 · max)}, {@code (2 · max)² / (2^14 · s_out)}) through
 * {@link RefInt8#multiplier}, the fixed-point steps of {@link RefInt8}, clamped to int8.
 */
class SquaredDifferencePropertyTest {
    @Property
    void squaredDifferenceMatchesReference(@ForAll long seed) throws PrepareException {
        ElementwisePropertyTest.Gen g = ElementwisePropertyTest.Gen.of(seed);
        ElementwisePropertyTest.Gen raw = new ElementwisePropertyTest.Gen(g.s1(), g.s2(), g.out(), g.scales(), g.zps(),
                "NONE", g.a(), g.b());
        PreparedOp op = new SquaredDifferencePrepare().prepare(g.context("SQUARED_DIFFERENCE"));
        assertArrayEquals(g.out(), op.outputShape());
        double twiceMax = 2.0 * Math.max(g.scales()[0], g.scales()[1]);
        int[] q1 = RefInt8.multiplier(g.scales()[0] / twiceMax);
        int[] q2 = RefInt8.multiplier(g.scales()[1] / twiceMax);
        int[] qo = RefInt8.multiplier(twiceMax * twiceMax / (double) (16384f * g.scales()[2]));
        byte[] want = ElementwisePropertyTest.reference(raw, (x, y) -> {
            int d = RefInt8.scale((x - g.zps()[0]) << 7, q1[0], q1[1]) - RefInt8.scale((y - g.zps()[1]) << 7, q2[0], q2[1]);
            return RefInt8.scale(d * d, qo[0], qo[1]) + g.zps()[2];
        });
        byte[] params = RefInt8.at(op.params(), 9);
        byte[] a = RefInt8.at(g.a(), 3);
        byte[] b = RefInt8.at(g.b(), 6);
        int n = want.length;
        byte[] out = new byte[n + 11];
        SquaredDifference.eval(params, 9, a, 3, b, 6, out, 4);
        assertArrayEquals(want, Arrays.copyOfRange(out, 4, 4 + n), "seed " + seed);
    }
}
