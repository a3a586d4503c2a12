package dev.tinyj.conformance.kernels.elementwise;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.tinyj.emulator.toolchain.prepare.PrepareException;
import dev.tinyj.emulator.toolchain.prepare.PreparedOp;
import dev.tinyj.emulator.toolchain.prepare.PreluPrepare;
import dev.tinyj.runtime.kernels.Prelu;
import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * PRELU against a plain reference on {@link ElementwisePropertyTest}'s generated cases (input 1 the
 * input, input 2 alpha; ranks 0..6, random broadcast dimensions, scales and zero points; operands at
 * non-zero offsets): broadcast by explicit multi-index arithmetic; {@code v = q − input_zp}, scaled by
 * the multiplier of {@code s_in / s_out} when {@code v ≥ 0}, else {@code v · (alpha − alpha_zp)} by
 * that of {@code s_in · s_alpha / s_out} (double quotients through {@link RefInt8#multiplier}); plus
 * the output zero point, clamped to int8.
 */
class PreluPropertyTest {
    @Property
    void preluMatchesReference(@ForAll long seed) throws PrepareException {
        ElementwisePropertyTest.Gen g = ElementwisePropertyTest.Gen.of(seed);
        ElementwisePropertyTest.Gen raw = new ElementwisePropertyTest.Gen(g.s1(), g.s2(), g.out(), g.scales(), g.zps(),
                "NONE", g.a(), g.b());
        PreparedOp op = new PreluPrepare().prepare(g.context("PRELU"));
        assertArrayEquals(g.out(), op.outputShape());
        double si = g.scales()[0];
        double sa = g.scales()[1];
        double so = g.scales()[2];
        int[] q1 = RefInt8.multiplier(si / so);
        int[] q2 = RefInt8.multiplier(si * sa / so);
        byte[] want = ElementwisePropertyTest.reference(raw, (x, a) -> {
            int v = x - g.zps()[0];
            return (v >= 0 ? RefInt8.scale(v, q1[0], q1[1]) : RefInt8.scale(v * (a - g.zps()[1]), q2[0], q2[1]))
                    + g.zps()[2];
        });
        byte[] params = RefInt8.at(op.params(), 9);
        byte[] in = RefInt8.at(g.a(), 3);
        byte[] alpha = RefInt8.at(g.b(), 6);
        int n = want.length;
        byte[] out = new byte[n + 11];
        Prelu.eval(params, 9, in, 3, alpha, 6, out, 4);
        assertArrayEquals(want, Arrays.copyOfRange(out, 4, 4 + n), "seed " + seed);
    }
}
