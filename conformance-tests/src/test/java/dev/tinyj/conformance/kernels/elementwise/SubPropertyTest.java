package dev.tinyj.conformance.kernels.elementwise;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.tinyj.emulator.toolchain.prepare.PrepareException;
import dev.tinyj.emulator.toolchain.prepare.PreparedOp;
import dev.tinyj.emulator.toolchain.prepare.SubPrepare;
import dev.tinyj.runtime.kernels.Sub;
import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * SUB against a plain reference on {@link ElementwisePropertyTest}'s generated cases (ranks 0..6,
 * random broadcast dimensions, scales, zero points, fused activations; operands at non-zero
 * offsets): broadcast by explicit multi-index arithmetic, the multipliers from TFLM's
 * {@code CalculateOpDataSub} formulas in float ({@code (double) (s1 / (2 · max(s1, s2)))}, ...)
 * through {@link RefInt8#multiplier}, the fixed-point steps of {@link RefInt8}.
 */
class SubPropertyTest {
    @Property
    void subMatchesReference(@ForAll long seed) throws PrepareException {
        ElementwisePropertyTest.Gen g = ElementwisePropertyTest.Gen.of(seed);
        PreparedOp op = new SubPrepare().prepare(g.context("SUB"));
        assertArrayEquals(g.out(), op.outputShape());
        float s1 = g.scales()[0];
        float s2 = g.scales()[1];
        float twiceMax = 2f * Math.max(s1, s2);
        int[] q1 = RefInt8.multiplier((double) (s1 / twiceMax));
        int[] q2 = RefInt8.multiplier((double) (s2 / twiceMax));
        int[] qo = RefInt8.multiplier((double) (twiceMax / (1048576f * g.scales()[2])));
        byte[] want = ElementwisePropertyTest.reference(g, (x, y) -> {
            int a = RefInt8.scale((x - g.zps()[0]) << 20, q1[0], q1[1]);
            int b = RefInt8.scale((y - g.zps()[1]) << 20, q2[0], q2[1]);
            return RefInt8.scale(a - b, qo[0], qo[1]) + g.zps()[2];
        });
        byte[] params = RefInt8.at(op.params(), 9);
        byte[] a = RefInt8.at(g.a(), 3);
        byte[] b = RefInt8.at(g.b(), 6);
        int n = want.length;
        byte[] out = new byte[n + 11];
        Sub.eval(params, 9, a, 3, b, 6, out, 4);
        assertArrayEquals(want, Arrays.copyOfRange(out, 4, 4 + n), "seed " + seed);
    }
}
