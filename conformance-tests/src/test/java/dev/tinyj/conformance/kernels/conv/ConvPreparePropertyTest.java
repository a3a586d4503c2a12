package dev.tinyj.conformance.kernels.conv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tinyj.emulator.toolchain.prepare.ConvGeometry;
import dev.tinyj.emulator.toolchain.prepare.ConvQuantization;
import dev.tinyj.emulator.toolchain.prepare.PrepareException;
import dev.tinyj.emulator.toolchain.prepare.QuantizedMultiplier;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** The host prepare math of the convolution family against independent formulas. */
class ConvPreparePropertyTest {

    @Property
    void multiplierMatchesExactDecimal(@ForAll @IntRange(min = -40, max = 6) int exponent, @ForAll long bits) {
        double real = Math.scalb(1.0 + (bits >>> 12) * 0x1p-52, exponent);
        QuantizedMultiplier m = QuantizedMultiplier.of(real);
        int[] want = ConvFamilyReference.quantizeMultiplier(real);
        assertEquals(want[0], m.multiplier(), "multiplier of " + real);
        assertEquals(want[1], m.shift(), "shift of " + real);
    }

    @Property
    void perChannelScaleIsDoubleProductThenQuotient(@ForAll @IntRange(min = 0, max = 1 << 30) int a,
            @ForAll @IntRange(min = 0, max = 1 << 30) int b, @ForAll @IntRange(min = 1, max = 1 << 30) int c) {
        float in = Float.intBitsToFloat(0x38000000 + (a & 0x0FFFFFFF));
        float f = Float.intBitsToFloat(0x38000000 + (b & 0x0FFFFFFF));
        float out = Float.intBitsToFloat(0x38000000 + (c & 0x0FFFFFFF));
        double want = new java.math.BigDecimal(in).multiply(new java.math.BigDecimal(f)).doubleValue() / out;
        assertEquals(want, ConvQuantization.effectiveScale(in, f, out));
    }

    @Property
    void geometryMatchesClosedForm(@ForAll @IntRange(min = 0, max = 300) int in,
            @ForAll @IntRange(min = 1, max = 9) int filter, @ForAll @IntRange(min = 1, max = 5) int stride,
            @ForAll @IntRange(min = 1, max = 5) int dilation, @ForAll boolean same) throws PrepareException {
        int eff = (filter - 1) * dilation + 1;
        int wantOut = same ? Math.ceilDiv(in, stride) : Math.max(0, Math.ceilDiv(in - eff + 1, stride));
        if (!same && in + stride - eff <= -stride) { // C++ truncating division gives a negative size
            assertThrows(PrepareException.class, () -> ConvGeometry.of("op", "height", false, in, filter, stride,
                    dilation));
            return;
        }
        ConvGeometry g = ConvGeometry.of("op", "height", same, in, filter, stride, dilation);
        assertEquals(wantOut, g.out());
        int total = Math.max(0, (wantOut - 1) * stride + eff - in);
        assertEquals(total / 2, g.padding());
        assertEquals(total % 2, g.offset());
    }

    @Example
    void multiplierEdgeCases() {
        for (double real : new double[] {1.0, 0.5, Math.nextDown(1.0), Math.nextDown(0.5), 0x1p-31, 0x1p-32,
                Math.nextDown(0x1p-31), 3.0, 0x1.fffffffcp-1}) {
            QuantizedMultiplier m = QuantizedMultiplier.of(real);
            int[] want = ConvFamilyReference.quantizeMultiplier(real);
            assertEquals(want[0], m.multiplier(), "multiplier of " + real);
            assertEquals(want[1], m.shift(), "shift of " + real);
        }
    }
}
