package dev.tinyj.conformance.kernels.elementwise;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.tinyj.emulator.toolchain.prepare.MaximumMinimumPrepare;
import dev.tinyj.emulator.toolchain.prepare.PrepareException;
import dev.tinyj.emulator.toolchain.prepare.PreparedOp;
import dev.tinyj.runtime.kernels.MaximumMinimum;
import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * MAXIMUM and MINIMUM against a plain reference on {@link ElementwisePropertyTest}'s generated
 * cases (ranks 0..6, random broadcast dimensions; operands at non-zero offsets): broadcast by
 * explicit multi-index arithmetic, each output the larger (smaller) raw int8 value of its two
 * inputs, whatever the generated scales and zero points (TFLM ignores them).
 */
class MaximumMinimumPropertyTest {
    @Property
    void maximumAndMinimumMatchReference(@ForAll long seed) throws PrepareException {
        ElementwisePropertyTest.Gen g = ElementwisePropertyTest.Gen.of(seed);
        ElementwisePropertyTest.Gen raw = new ElementwisePropertyTest.Gen(g.s1(), g.s2(), g.out(), g.scales(), g.zps(),
                "NONE", g.a(), g.b());
        PreparedOp max = MaximumMinimumPrepare.maximum().prepare(g.context("MAXIMUM"));
        PreparedOp min = MaximumMinimumPrepare.minimum().prepare(g.context("MINIMUM"));
        assertArrayEquals(g.out(), max.outputShape());
        assertArrayEquals(ElementwisePropertyTest.reference(raw, (x, y) -> x > y ? x : y), run(g, max, true),
                "seed " + seed);
        assertArrayEquals(ElementwisePropertyTest.reference(raw, (x, y) -> x < y ? x : y), run(g, min, false),
                "seed " + seed);
    }

    private static byte[] run(ElementwisePropertyTest.Gen g, PreparedOp op, boolean maximum) {
        byte[] params = RefInt8.at(op.params(), 7);
        byte[] a = RefInt8.at(g.a(), 2);
        byte[] b = RefInt8.at(g.b(), 5);
        int n = ElementwisePropertyTest.size(g.out());
        byte[] out = new byte[n + 9];
        if (maximum) {
            MaximumMinimum.maximum(params, 7, a, 2, b, 5, out, 3);
        } else {
            MaximumMinimum.minimum(params, 7, a, 2, b, 5, out, 3);
        }
        return Arrays.copyOfRange(out, 3, 3 + n);
    }
}
