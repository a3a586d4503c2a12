package dev.tinyj.conformance.kernels.nonlinear;

import static dev.tinyj.conformance.kernels.nonlinear.NonlinearKernelProperties.param;
import static dev.tinyj.conformance.kernels.nonlinear.NonlinearKernelProperties.tensor;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tinyj.emulator.toolchain.graph.DType;
import dev.tinyj.emulator.toolchain.graph.TensorInfo;
import dev.tinyj.emulator.toolchain.prepare.LogSoftmaxPrepare;
import dev.tinyj.emulator.toolchain.prepare.OpContext;
import dev.tinyj.emulator.toolchain.prepare.OpOptions;
import dev.tinyj.emulator.toolchain.prepare.PrepareException;
import dev.tinyj.emulator.toolchain.prepare.PreparedOp;
import dev.tinyj.hal.McuStop;
import dev.tinyj.runtime.kernels.LogSoftmax;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * LOG_SOFTMAX prepare and kernel against {@link LogSoftmaxReference} (BigInteger/BigDecimal): the
 * prepared scaling for generated input scales 2^−20..2^10 (the top ones hit the 2^31 − 1 cap of
 * {@code PreprocessSoftmaxScaling}), and the kernel's bytes on generated shapes (rows of 1 to 300,
 * data spread or clustered near the row maximum so the sums of exps are large) with the parameter
 * block behind a prefix and the operands at non-zero offsets. Plus the overflow of the Q12.19 sum
 * (a panic where TFLM's behaviour is undefined) and the refusals of TFLM's prepare.
 */
class LogSoftmaxPropertyTest {
    @Provide
    Arbitrary<Float> inputScales() {
        return Arbitraries.oneOf(
                Arbitraries.integers().between(Float.floatToIntBits(0x1p-20f), Float.floatToIntBits(0x1p10f))
                        .map(Float::intBitsToFloat),
                Arbitraries.integers().between(-20, 10).map(k -> Math.scalb(1f, k)));
    }

    private static OpContext context(int[] shape, float scale, int zeroPoint) {
        return new OpContext("LOG_SOFTMAX", 0, List.of(tensor(0, shape, scale, zeroPoint)),
                tensor(1, shape, 16f / 256, 127), OpOptions.none());
    }

    @Property
    void prepareMatchesTheReference(@ForAll("inputScales") float scale) throws PrepareException {
        byte[] p = new LogSoftmaxPrepare().prepare(context(new int[] {3, 7}, scale, 0)).params();
        LogSoftmaxReference.Params want = LogSoftmaxReference.params(scale);
        assertEquals(want, new LogSoftmaxReference.Params(param(p, LogSoftmax.P_INPUT_MULTIPLIER),
                param(p, LogSoftmax.P_INPUT_LEFT_SHIFT), param(p, LogSoftmax.P_REVERSE_SCALING_DIVISOR),
                param(p, LogSoftmax.P_REVERSE_SCALING_RIGHT_SHIFT), param(p, LogSoftmax.P_DIFF_MIN)));
        assertEquals(3, param(p, LogSoftmax.P_OUTER_SIZE));
        assertEquals(7, param(p, LogSoftmax.P_DEPTH));
    }

    @Property
    void kernelMatchesTheReference(@ForAll @IntRange(min = 1, max = 4) int outer,
            @ForAll @IntRange(min = 1, max = 300) int depth, @ForAll("inputScales") float scale,
            @ForAll @IntRange(min = -128, max = 127) int zeroPoint, @ForAll @IntRange(min = 0, max = 9) int offset,
            @ForAll Random r) throws PrepareException {
        int[] shape = outer == 1 ? new int[] {depth} : new int[] {outer, depth};
        byte[] data = new byte[outer * depth];
        int spread = 1 + r.nextInt(256);
        int top = 127 - r.nextInt(64);
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (top - r.nextInt(spread) + (r.nextInt(8) == 0 ? -r.nextInt(100) : 0));
        }
        PreparedOp prepared = new LogSoftmaxPrepare().prepare(context(shape, scale, zeroPoint));
        byte[] expected = LogSoftmaxReference.logSoftmax(data, depth, LogSoftmaxReference.params(scale));
        assertNotNull(expected);
        byte[] params = NonlinearVectorTest.withPrefix(prepared.params(), offset);
        byte[] in = new byte[offset + 1 + data.length];
        System.arraycopy(data, 0, in, offset + 1, data.length);
        byte[] out = new byte[2 * offset + data.length];
        LogSoftmax.eval(params, offset, in, offset + 1, out, 2 * offset);
        assertArrayEquals(expected, Arrays.copyOfRange(out, 2 * offset, 2 * offset + data.length));
    }

    /** 4095 equal values sum to just under 2^31 in Q12.19; 4096 overflow, where TFLM's int32 sum is undefined. */
    @Test
    void aRowOf4096EqualValuesPanics() throws PrepareException {
        byte[] p4095 = new LogSoftmaxPrepare().prepare(context(new int[] {1, 4095}, 0.1f, 0)).params();
        byte[] y = new byte[4095];
        LogSoftmax.eval(p4095, 0, new byte[4095], 0, y, 0);
        assertArrayEquals(LogSoftmaxReference.logSoftmax(new byte[4095], 4095, LogSoftmaxReference.params(0.1f)), y);
        assertNull(LogSoftmaxReference.logSoftmax(new byte[4096], 4096, LogSoftmaxReference.params(0.1f)));

        byte[] p = new LogSoftmaxPrepare().prepare(context(new int[] {2, 4096}, 0.1f, 0)).params();
        byte[] x = new byte[2 * 4096];
        Arrays.fill(x, 0, 4096, (byte) -100);
        x[7] = 100; // row 0: one clear maximum, no overflow
        McuStop stop = assertThrows(McuStop.class, () -> LogSoftmax.eval(p, 0, x, 0, new byte[x.length], 0));
        assertEquals(LogSoftmax.PANIC_SUM_OVERFLOW, stop.code());
        assertEquals(1, stop.arg(), "row index");
    }

    @Test
    void refusesWhatTflmRefuses() {
        int[] shape = {2, 4};
        assertRefused("scale 16/256", new OpContext("LOG_SOFTMAX", 0, List.of(tensor(0, shape, 0.1f, 0)),
                tensor(1, shape, 1f / 256, 127), OpOptions.none()));
        assertRefused("zero point 127", new OpContext("LOG_SOFTMAX", 0, List.of(tensor(0, shape, 0.1f, 0)),
                tensor(1, shape, 16f / 256, 0), OpOptions.none()));
        assertRefused("QuantizeMultiplierGreaterThanOne", context(shape, 0x1p-27f, 0));
        assertRefused("at least one dimension", context(new int[0], 0.1f, 0));
        assertRefused("shape", new OpContext("LOG_SOFTMAX", 0, List.of(tensor(0, shape, 0.1f, 0)),
                tensor(1, new int[] {4, 2}, 16f / 256, 127), OpOptions.none()));
        TensorInfo f = new TensorInfo(0, "x", DType.FLOAT32, shape, null, null);
        assertRefused("unsupported type float32", new OpContext("LOG_SOFTMAX", 0, List.of(f),
                new TensorInfo(1, "y", DType.FLOAT32, shape, null, null), OpOptions.none()));
    }

    private static void assertRefused(String words, OpContext ctx) {
        PrepareException e = assertThrows(PrepareException.class, () -> new LogSoftmaxPrepare().prepare(ctx));
        assertTrue(e.getMessage().contains(words) && e.getMessage().contains("operator 0 (LOG_SOFTMAX)"),
                e.getMessage());
    }
}
