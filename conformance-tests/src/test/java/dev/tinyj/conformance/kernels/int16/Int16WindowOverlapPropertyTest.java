package dev.tinyj.conformance.kernels.int16;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tinyj.emulator.toolchain.compile.WindowOverlap;
import dev.tinyj.emulator.toolchain.ops.OpTable;
import dev.tinyj.emulator.toolchain.prepare.OpContext;
import dev.tinyj.emulator.toolchain.prepare.PrepareException;
import dev.tinyj.emulator.toolchain.prepare.PreparedOp;
import dev.tinyj.runtime.kernels.AveragePool2DInt16;
import dev.tinyj.runtime.kernels.Conv2DInt16;
import dev.tinyj.runtime.kernels.DepthwiseConv2DInt16;
import dev.tinyj.runtime.kernels.MaxPool2DInt16;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The windowed in-place rule for the int16 variants ({@code compile/InPlaceRules} rule 3) on the
 * real kernels: with the output {@link WindowOverlap#distance} elements (twice as many bytes)
 * below the input in one array, every generated CONV_2D, DEPTHWISE_CONV_2D and pool case
 * ({@link Int16Cases}) gives the output it gives in separate buffers.
 */
class Int16WindowOverlapPropertyTest {
    private static final String[] OPS = {"CONV_2D", "DEPTHWISE_CONV_2D", "AVERAGE_POOL_2D", "MAX_POOL_2D"};

    @Property
    void overlappedOutputEqualsSeparateOutput(@ForAll long seed, @ForAll @IntRange(min = 0, max = 3) int which)
            throws PrepareException {
        String op = OPS[which];
        boolean pool = which >= 2;
        Int16Cases.Layer layer = pool ? null : Int16Cases.window(seed, which == 1);
        Assume.that(pool || layer != null);
        OpContext ctx = pool ? Int16Cases.pool(seed, op).ctx() : layer.ctx();
        byte[] in = Int16Cases.bytes(pool ? Int16Cases.pool(seed, op).in() : layer.in());
        OpTable.Entry e = OpTable.byKey(op + "_INT16").orElseThrow();
        PreparedOp p = e.prepare().prepare(ctx);
        int outBytes = 2 * ctx.output().flatSize();
        byte[] separate = new byte[outBytes];
        eval(which, p.params(), in, 0, ctx, separate);
        int d = 2 * (int) WindowOverlap.distance(e.code(), p.params());
        assertEquals(0, d % 4);
        byte[] shared = new byte[Math.max(outBytes, d + in.length)];
        System.arraycopy(in, 0, shared, d, in.length);
        eval(which, p.params(), shared, d, ctx, shared);
        byte[] got = new byte[outBytes];
        System.arraycopy(shared, 0, got, 0, outBytes);
        assertArrayEquals(separate, got, op + " d=" + d);
    }

    private static void eval(int which, byte[] p, byte[] in, int inOff, OpContext ctx, byte[] out) {
        byte[] filter = which < 2 ? ctx.input(1).data() : null;
        byte[] bias = which < 2 && ctx.inputs().size() > 2 ? ctx.input(2).data() : null;
        switch (which) {
            case 0 -> Conv2DInt16.eval(p, 0, in, inOff, filter, 0, bias, 0, out, 0);
            case 1 -> DepthwiseConv2DInt16.eval(p, 0, in, inOff, filter, 0, bias, 0, out, 0);
            case 2 -> AveragePool2DInt16.eval(p, 0, in, inOff, out, 0);
            default -> MaxPool2DInt16.eval(p, 0, in, inOff, out, 0);
        }
    }
}
