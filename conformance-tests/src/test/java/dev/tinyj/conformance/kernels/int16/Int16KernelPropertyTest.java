package dev.tinyj.conformance.kernels.int16;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tinyj.conformance.kernels.int16.Int16Cases.Layer;
import dev.tinyj.conformance.kernels.int16.Int16Cases.Pool;
import dev.tinyj.emulator.toolchain.prepare.AveragePool2DInt16Prepare;
import dev.tinyj.emulator.toolchain.prepare.Conv2DInt16Prepare;
import dev.tinyj.emulator.toolchain.prepare.DepthwiseConv2DInt16Prepare;
import dev.tinyj.emulator.toolchain.prepare.FullyConnectedInt16Prepare;
import dev.tinyj.emulator.toolchain.prepare.MaxPool2DInt16Prepare;
import dev.tinyj.emulator.toolchain.prepare.PrepareException;
import dev.tinyj.emulator.toolchain.prepare.PreparedOp;
import dev.tinyj.emulator.toolchain.prepare.QuantizeInt16Prepare;
import dev.tinyj.emulator.toolchain.prepare.SoftmaxInt16Prepare;
import dev.tinyj.runtime.kernels.AveragePool2DInt16;
import dev.tinyj.runtime.kernels.Conv2DInt16;
import dev.tinyj.runtime.kernels.DepthwiseConv2DInt16;
import dev.tinyj.runtime.kernels.FullyConnectedInt16;
import dev.tinyj.runtime.kernels.MaxPool2DInt16;
import dev.tinyj.runtime.kernels.QuantizeInt16;
import dev.tinyj.runtime.kernels.SoftmaxInt16;
import dev.tinyj.runtime.math.FixedPoint;
import java.util.Arrays;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * The int16 type variants (host prepare + device kernel) against {@link RefInt16} on generated
 * cases ({@link Int16Cases}): every operand and the parameter block at odd offsets inside larger
 * arrays, nothing written outside the output. SOFTMAX's reference uses TFLM's own tables
 * ({@link SoftmaxInt16LutTest}), so it checks the kernel's arithmetic apart from the table
 * generation.
 */
class Int16KernelPropertyTest {

    @Property
    void conv2dInt16MatchesReference(@ForAll long seed) throws PrepareException {
        Layer c = Int16Cases.window(seed, false);
        Assume.that(c != null);
        PreparedOp p = new Conv2DInt16Prepare().prepare(c.ctx());
        byte[] got = Int16Host.layer(Conv2DInt16::eval, p.params(), Int16Cases.bytes(c.in()), c.ctx(),
                2 * c.ctx().output().flatSize());
        assertArrayEquals(RefInt16.window(c.g(), false, c.channelParam(), c.in(), c.filter(), c.bias(), c.q()),
                Int16Cases.shorts(got));
    }

    @Property
    void depthwiseConv2dInt16MatchesReference(@ForAll long seed) throws PrepareException {
        Layer c = Int16Cases.window(seed, true);
        Assume.that(c != null);
        PreparedOp p = new DepthwiseConv2DInt16Prepare().prepare(c.ctx());
        byte[] got = Int16Host.layer(DepthwiseConv2DInt16::eval, p.params(), Int16Cases.bytes(c.in()), c.ctx(),
                2 * c.ctx().output().flatSize());
        assertArrayEquals(RefInt16.window(c.g(), true, c.channelParam(), c.in(), c.filter(), c.bias(), c.q()),
                Int16Cases.shorts(got));
    }

    @Property
    void fullyConnectedInt16MatchesReference(@ForAll long seed) throws PrepareException {
        Layer c = Int16Cases.fullyConnected(seed);
        PreparedOp p = new FullyConnectedInt16Prepare().prepare(c.ctx());
        assertArrayEquals(c.ctx().output().shape(), p.outputShape());
        byte[] got = Int16Host.layer(FullyConnectedInt16::eval, p.params(), Int16Cases.bytes(c.in()), c.ctx(),
                2 * c.ctx().output().flatSize());
        int depth = c.channelParam();
        short[] want = RefInt16.fullyConnected(c.in().length / depth, depth, c.filter().length / depth, c.inZp(),
                c.filterZp(), c.in(), c.filter(), c.bias(), c.q());
        assertArrayEquals(want, Int16Cases.shorts(got));
    }

    @Property
    void averagePoolInt16MatchesReference(@ForAll long seed) throws PrepareException {
        Pool c = Int16Cases.pool(seed, "AVERAGE_POOL_2D");
        PreparedOp p = new AveragePool2DInt16Prepare().prepare(c.ctx());
        byte[] got = Int16Host.unary(AveragePool2DInt16::eval, p.params(), Int16Cases.bytes(c.in()),
                2 * c.ctx().output().flatSize());
        assertArrayEquals(RefInt16.pool(c.g(), true, c.in(), c.lo(), c.hi()), Int16Cases.shorts(got));
    }

    @Property
    void maxPoolInt16MatchesReference(@ForAll long seed) throws PrepareException {
        Pool c = Int16Cases.pool(seed, "MAX_POOL_2D");
        PreparedOp p = new MaxPool2DInt16Prepare().prepare(c.ctx());
        byte[] got = Int16Host.unary(MaxPool2DInt16::eval, p.params(), Int16Cases.bytes(c.in()),
                2 * c.ctx().output().flatSize());
        assertArrayEquals(RefInt16.pool(c.g(), false, c.in(), c.lo(), c.hi()), Int16Cases.shorts(got));
    }

    @Property
    void softmaxInt16MatchesReference(@ForAll long seed) throws PrepareException {
        Int16Cases.Softmax c = Int16Cases.softmax(seed);
        PreparedOp p = new SoftmaxInt16Prepare().prepare(c.ctx());
        byte[] got = Int16Host.unary(SoftmaxInt16::eval, p.params(), Int16Cases.bytes(c.in()), 2 * c.in().length);
        assertArrayEquals(RefInt16.softmax(c.in(), c.depth(), c.mult(), c.shift(), SoftmaxInt16LutTest.TFLM_EXP,
                SoftmaxInt16LutTest.TFLM_ONE_OVER_ONE_PLUS_X), Int16Cases.shorts(got), Arrays.toString(c.in()));
    }

    @Property
    void quantizeInt16MatchesReference(@ForAll long seed) throws PrepareException {
        Int16Cases.Requantize c = Int16Cases.requantize(seed);
        PreparedOp p = new QuantizeInt16Prepare().prepare(c.ctx());
        byte[] got = Int16Host.unary(QuantizeInt16::eval, p.params(), Int16Cases.bytes(c.in()),
                c.ctx().output().bytes());
        assertArrayEquals(RefInt16.requantize(c.in(), c.inZp(), c.mult(), c.shift(), c.outZp(),
                c.ctx().output().type().bytes()), got);
    }

    /** The runtime's 64-bit MultiplyByQuantizedMultiplier against its definition, over TFLM's input contract. */
    @Property
    void int64RequantizationMatchesDefinition(@ForAll @LongRange(min = -(1L << 47), max = (1L << 47) - 1) long x,
            @ForAll @IntRange(min = 0) int multiplier, @ForAll @IntRange(min = -31, max = 14) int shift) {
        assertEquals(RefInt16.scale64(x, multiplier, shift), FixedPoint.multiplyByQuantizedMultiplier(x, multiplier,
                shift));
    }
}
