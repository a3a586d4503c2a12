package dev.tinyj.conformance.kernels.floats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tinyj.emulator.run.TensorFiles;
import dev.tinyj.emulator.toolchain.prepare.LogSoftmaxFloatPrepare;
import dev.tinyj.emulator.toolchain.prepare.PrepareException;
import dev.tinyj.emulator.toolchain.prepare.PreparedOp;
import dev.tinyj.runtime.kernels.LogSoftmaxFloat;
import dev.tinyj.runtime.math.FloatExp;
import dev.tinyj.runtime.math.FloatLog;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/**
 * The float32 LOG_SOFTMAX variant, through its real prepare step, against a plain-Java
 * {@code reference_ops::LogSoftmax} (float) in TFLM's order (below), run on the kernel's own
 * exponential and logarithm ({@link FloatExp}, {@link FloatLog}): so every other step is held to
 * TFLM's order bit for bit, on values with ±0, ±∞, NaN and subnormals, operands at odd offsets.
 * {@link FloatLog} itself is held within {@value FloatLog#ULPS_FROM_GLIBC} ULP of the double
 * logarithm rounded to float (its distance from glibc's {@code logf} over all inputs is in
 * {@code docs/kernels.md}), and exactly at the special values.
 */
class FloatLogSoftmaxPropertyTest {

    @Property
    void logSoftmaxFloatMatchesReferenceOnItsExpAndLog(@ForAll long seed) throws PrepareException {
        FloatCases.Gen g = new FloatCases.Gen(seed, true);
        int depth = g.between(1, 40);
        int[] shape = g.r.nextBoolean() ? new int[] {depth} : new int[] {g.between(1, 3), g.between(1, 2), depth};
        float scale = new float[] {1, 10, 100, 1000}[g.r.nextInt(4)];
        float[] input = g.values(FloatCases.flat(shape), scale);
        PreparedOp prep = new LogSoftmaxFloatPrepare().prepare(FloatCases.context("LOG_SOFTMAX", shape, null, null,
                null, shape, Map.of()));
        byte[] got = FloatHost.run(prep.params(), FloatCases.bytes(input), null, null, input.length * 4,
                (p, a, b, c, out) -> LogSoftmaxFloat.eval(p, FloatHost.LEAD, a, FloatHost.LEAD, out, FloatHost.LEAD));
        FloatKernelPropertyTest.assertSameFloats(logSoftmax(input, depth, FloatExp::exp, FloatLog::log), got);
    }

    @Property
    void floatLogIsWithinOneUlpOfTheRoundedDoubleLog(@ForAll int bits) {
        float x = Float.intBitsToFloat(bits);
        float want = (float) Math.log(x);
        float got = FloatLog.log(x);
        if (Float.isNaN(want)) {
            assertTrue(Float.isNaN(got), "log(" + x + ") = " + got);
        } else {
            long d = TensorFiles.ulpDistance(Float.floatToRawIntBits(want), Float.floatToRawIntBits(got));
            assertTrue(d <= FloatLog.ULPS_FROM_GLIBC, "log(" + Float.toHexString(x) + ") = " + Float.toHexString(got)
                    + ", " + d + " ULP from " + Float.toHexString(want));
        }
    }

    @Test
    void floatLogSpecialValues() {
        assertEquals(Float.floatToRawIntBits(0f), Float.floatToRawIntBits(FloatLog.log(1f)));
        assertEquals(Float.NEGATIVE_INFINITY, FloatLog.log(0f));
        assertEquals(Float.NEGATIVE_INFINITY, FloatLog.log(-0f));
        assertEquals(Float.POSITIVE_INFINITY, FloatLog.log(Float.POSITIVE_INFINITY));
        assertTrue(Float.isNaN(FloatLog.log(-1f)));
        assertTrue(Float.isNaN(FloatLog.log(Float.NEGATIVE_INFINITY)));
        assertTrue(Float.isNaN(FloatLog.log(Float.NaN)));
        // glibc logf's values (x86-64, glibc 2.36), bit for bit
        assertEquals(0x1.62e43p-1f, FloatLog.log(2f));
        assertEquals(0x1.26bb1cp1f, FloatLog.log(10f));
        assertEquals(-0x1.6c04e8p6f, FloatLog.log(0x0.06888ep-126f));
        assertEquals(0x1.144f6ap6f, FloatLog.log(0x1.93e594p99f));
        assertEquals(0x1.fffffep-24f, FloatLog.log(0x1.000002p0f));
    }

    /**
     * {@code reference_ops::LogSoftmax} (float, {@code reference/log_softmax.h}) over rows of
     * {@code depth}: max from {@code lowest()} by {@code std::max}, {@code sum += exp(x − max)},
     * {@code log_sum = log(sum)}, {@code out = x − max − log_sum}; exp and log as given.
     */
    static float[] logSoftmax(float[] input, int depth, FloatReference.FloatFunction exp,
            FloatReference.FloatFunction log) {
        float[] out = new float[input.length];
        for (int i = 0; i < input.length / depth; ++i) {
            float max = FloatReference.LOWEST;
            for (int c = 0; c < depth; ++c) {
                max = FloatReference.stdMax(max, input[i * depth + c]);
            }
            float sum = 0.f;
            for (int c = 0; c < depth; ++c) {
                sum += exp.apply(input[i * depth + c] - max);
            }
            final float logSum = log.apply(sum);
            for (int c = 0; c < depth; ++c) {
                out[i * depth + c] = input[i * depth + c] - max - logSum;
            }
        }
        return out;
    }
}
