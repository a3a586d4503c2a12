package dev.tinyj.conformance.kernels.nonlinear;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.tinyj.emulator.toolchain.graph.DType;
import dev.tinyj.emulator.toolchain.graph.Quantization;
import dev.tinyj.emulator.toolchain.graph.TensorInfo;
import dev.tinyj.emulator.toolchain.prepare.OpContext;
import dev.tinyj.emulator.toolchain.prepare.OpOptions;
import dev.tinyj.emulator.toolchain.prepare.PrepareException;
import dev.tinyj.emulator.toolchain.prepare.PreparedOp;
import dev.tinyj.runtime.kernels.SigmoidQ4;
import dev.tinyj.runtime.kernels.Softmax;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * The runtime kernels (host JVM, operands at non-zero offsets, parameters behind a prefix) against
 * {@link GemmlowpReference} on generated shapes, input scales, zero points, betas and data.
 */
class NonlinearKernelProperties {
    @Provide
    Arbitrary<Float> inputScales() {
        // 2^-12 .. 2^4 with arbitrary float mantissas, plus exact powers of two
        return Arbitraries.oneOf(
                Arbitraries.integers().between(Float.floatToIntBits(0x1p-12f), Float.floatToIntBits(0x1p4f))
                        .map(Float::intBitsToFloat),
                Arbitraries.integers().between(-12, 4).map(k -> Math.scalb(1f, k)));
    }

    @Provide
    Arbitrary<Float> betas() {
        return Arbitraries.oneOf(Arbitraries.of(1f, 0.5f, 2f),
                Arbitraries.integers().between(Float.floatToIntBits(0.1f), Float.floatToIntBits(8f))
                        .map(Float::intBitsToFloat));
    }

    static TensorInfo tensor(int index, int[] shape, float scale, int zeroPoint) {
        return new TensorInfo(index, "", DType.INT8, shape, Quantization.perTensor(scale, zeroPoint), null);
    }

    static int param(byte[] block, int offset) {
        return ByteBuffer.wrap(block).order(ByteOrder.LITTLE_ENDIAN).getInt(offset);
    }

    @Property
    void softmaxMatchesTheReference(@ForAll @IntRange(min = 1, max = 4) int outer,
            @ForAll @IntRange(min = 1, max = 16) int depth, @ForAll("inputScales") float scale,
            @ForAll @IntRange(min = -128, max = 127) int zeroPoint, @ForAll("betas") float beta,
            @ForAll @Size(64) byte[] pool, @ForAll @IntRange(min = 0, max = 9) int offset) throws PrepareException {
        int[] shape = outer == 1 ? new int[] {depth} : new int[] {outer, depth};
        byte[] data = java.util.Arrays.copyOf(pool, outer * depth);
        OpContext ctx = new OpContext("SOFTMAX", 0, List.of(tensor(0, shape, scale, zeroPoint)),
                tensor(1, shape, 1f / 256, -128), new OpOptions(Map.of("beta", Float.toString(beta))));
        PreparedOp prepared = NonlinearOps.SOFTMAX.prepare.prepare(ctx);
        byte[] p = prepared.params();
        byte[] expected = GemmlowpReference.softmax(data, depth, param(p, Softmax.P_INPUT_MULTIPLIER),
                param(p, Softmax.P_INPUT_LEFT_SHIFT), param(p, Softmax.P_DIFF_MIN));
        byte[] got = NonlinearOps.SOFTMAX.runAt(NonlinearVectorTest.withPrefix(p, offset), offset, data, offset + 1,
                2 * offset, data.length);
        assertArrayEquals(expected, got);
    }

    /** Every int8 input value at once, for one generated input quantization. */
    @Property
    void logisticMatchesTheReferenceOnEveryInput(@ForAll("inputScales") float scale,
            @ForAll @IntRange(min = -128, max = 127) int zeroPoint, @ForAll @IntRange(min = 0, max = 9) int offset)
            throws PrepareException {
        sigmoidFamily(NonlinearOps.LOGISTIC, scale, zeroPoint, offset, 1f / 256, -128);
    }

    @Property
    void tanhMatchesTheReferenceOnEveryInput(@ForAll("inputScales") float scale,
            @ForAll @IntRange(min = -128, max = 127) int zeroPoint, @ForAll @IntRange(min = 0, max = 9) int offset)
            throws PrepareException {
        sigmoidFamily(NonlinearOps.TANH, scale, zeroPoint, offset, 1f / 128, 0);
    }

    private static void sigmoidFamily(NonlinearOps op, float scale, int zeroPoint, int offset, float outScale,
            int outZeroPoint) throws PrepareException {
        byte[] data = new byte[256];
        for (int i = 0; i < 256; i++) {
            data[i] = (byte) (i - 128);
        }
        int[] shape = {4, 64};
        OpContext ctx = new OpContext(op.name(), 0, List.of(tensor(0, shape, scale, zeroPoint)),
                tensor(1, shape, outScale, outZeroPoint), OpOptions.none());
        byte[] p = op.prepare.prepare(ctx).params();
        byte[] expected = GemmlowpReference.sigmoidQ4(data, param(p, SigmoidQ4.P_INPUT_ZERO_POINT),
                param(p, SigmoidQ4.P_INPUT_RANGE_RADIUS), param(p, SigmoidQ4.P_INPUT_MULTIPLIER),
                param(p, SigmoidQ4.P_INPUT_LEFT_SHIFT), op == NonlinearOps.TANH);
        byte[] got = op.runAt(NonlinearVectorTest.withPrefix(p, offset), offset, data, 3 + offset, offset,
                data.length);
        assertArrayEquals(expected, got);
    }
}
