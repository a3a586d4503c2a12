package dev.tinyj.conformance.kernels.quantize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tinyj.conformance.kernels.elementwise.RefInt8;
import dev.tinyj.emulator.toolchain.graph.DType;
import dev.tinyj.emulator.toolchain.graph.Quantization;
import dev.tinyj.emulator.toolchain.graph.TensorInfo;
import dev.tinyj.emulator.toolchain.prepare.DequantizePrepare;
import dev.tinyj.emulator.toolchain.prepare.OpContext;
import dev.tinyj.emulator.toolchain.prepare.OpOptions;
import dev.tinyj.emulator.toolchain.prepare.PrepareException;
import dev.tinyj.emulator.toolchain.prepare.QuantizePrepare;
import dev.tinyj.runtime.kernels.Dequantize;
import dev.tinyj.runtime.kernels.Quantize;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * QUANTIZE (float32 → int8, int8 → int8, uint8 → int8) and DEQUANTIZE against host references: the float
 * quotient as a double division rounded once to float (correctly rounded, as float division is),
 * roundf through BigDecimal; requantization with {@link RefInt8#scale}; dequantization as TFLM
 * writes it, in double, then one cast to float.
 */
class QuantizePropertyTest {
    private static OpContext context(String op, TensorInfo in, TensorInfo out) {
        return new OpContext(op, 0, List.of(in), out, OpOptions.none());
    }

    /** Every int8 value, at offset 3. */
    private static byte[] allInt8() {
        byte[] b = new byte[256];
        for (int i = 0; i < 256; i++) {
            b[i] = (byte) (i - 128);
        }
        return b;
    }

    /** A float that is sometimes a tie, sometimes huge, tiny, infinite or NaN. */
    private static float value(Random r, float scale) {
        return switch (r.nextInt(6)) {
            case 0 -> (r.nextInt(600) - 300) * 0.5f * scale;
            case 1 -> Float.intBitsToFloat(r.nextInt());
            case 2 -> (float) r.nextGaussian() * 200 * scale;
            case 3 -> new float[] {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 3e9f, -3e9f,
                2147483648f, -2147483648f, 2147483520f, -0f}[r.nextInt(9)];
            default -> (float) r.nextGaussian() * 50 * scale;
        };
    }

    @Property
    void quantizeFloatMatchesReference(@ForAll long seed) throws PrepareException {
        Random r = new Random(seed);
        float scale = RefInt8.scale(r, -12, 4);
        int zp = r.nextInt(256) - 128;
        int n = 1 + r.nextInt(40);
        ByteBuffer in = ByteBuffer.allocate(4 * n + 8).order(ByteOrder.LITTLE_ENDIAN);
        byte[] want = new byte[n];
        for (int i = 0; i < n; i++) {
            float x = value(r, scale);
            in.putFloat(8 + 4 * i, x);
            int q = RefInt8.roundfToInt32((float) ((double) x / (double) scale)) + zp;
            want[i] = (byte) Math.max(-128, Math.min(127, q));
        }
        TensorInfo ti = new TensorInfo(0, "input", DType.FLOAT32, new int[] {n}, null, null);
        TensorInfo to = new TensorInfo(1, "output", DType.INT8, new int[] {n}, Quantization.perTensor(scale, zp), null);
        byte[] params = RefInt8.at(new QuantizePrepare().prepare(context("QUANTIZE", ti, to)).params(), 4);
        byte[] out = new byte[n + 2];
        Quantize.eval(params, 4, in.array(), 8, out, 1);
        assertArrayEquals(want, java.util.Arrays.copyOfRange(out, 1, n + 1), "seed " + seed);
    }

    @Property
    void roundToInt32IsRoundfThenX86Conversion(@ForAll int bits) {
        float x = Float.intBitsToFloat(bits);
        assertEquals(RefInt8.roundfToInt32(x), Quantize.roundToInt32(x), Float.toString(x));
        float tie = (bits % 100000) + 0.5f;
        assertEquals(RefInt8.roundfToInt32(tie), Quantize.roundToInt32(tie), Float.toString(tie));
    }

    @Property
    void requantizeMatchesReference(@ForAll long seed) throws PrepareException {
        Random r = new Random(seed);
        float si = RefInt8.scale(r, -12, 4);
        float so = RefInt8.scale(r, -12, 4);
        int zi = r.nextInt(256) - 128;
        int zo = r.nextInt(256) - 128;
        TensorInfo ti = new TensorInfo(0, "input", DType.INT8, new int[] {256}, Quantization.perTensor(si, zi), null);
        TensorInfo to = new TensorInfo(1, "output", DType.INT8, new int[] {256}, Quantization.perTensor(so, zo), null);
        byte[] params = new QuantizePrepare().prepare(context("QUANTIZE", ti, to)).params();
        int[] m = RefInt8.multiplier((double) si / so);
        byte[] in = allInt8();
        byte[] want = new byte[256];
        for (int i = 0; i < 256; i++) {
            want[i] = (byte) Math.max(-128, Math.min(127, RefInt8.scale(in[i] - zi, m[0], m[1]) + zo));
        }
        byte[] out = new byte[259];
        Quantize.eval(params, 0, RefInt8.at(in, 3), 3, out, 2);
        assertArrayEquals(want, java.util.Arrays.copyOfRange(out, 2, 258), "seed " + seed);
    }

    /**
     * uint8 → int8 over every uint8 value, with random scales and zero points, and with the
     * equal-scale, zero-point-difference-128 case TFLM takes its {@code x ^ 0x80} fast path for:
     * both against TFLM's general formula written plainly, and the fast path against the flip.
     */
    @Property
    void requantizeFromUint8MatchesReference(@ForAll long seed) throws PrepareException {
        Random r = new Random(seed);
        boolean fast = r.nextInt(4) == 0;
        float si = RefInt8.scale(r, -12, 4);
        float so = fast ? si : RefInt8.scale(r, -12, 4);
        int zi = fast ? 128 + r.nextInt(128) : r.nextInt(256);
        int zo = fast ? zi - 128 : r.nextInt(256) - 128;
        TensorInfo ti = new TensorInfo(0, "input", DType.UINT8, new int[] {256}, Quantization.perTensor(si, zi), null);
        TensorInfo to = new TensorInfo(1, "output", DType.INT8, new int[] {256}, Quantization.perTensor(so, zo), null);
        byte[] params = new QuantizePrepare().prepare(context("QUANTIZE", ti, to)).params();
        int[] m = RefInt8.multiplier((double) si / so);
        byte[] in = new byte[256];
        byte[] want = new byte[256];
        for (int u = 0; u < 256; u++) {
            in[u] = (byte) u;
            want[u] = (byte) Math.max(-128, Math.min(127, RefInt8.scale(u - zi, m[0], m[1]) + zo));
            if (fast && zi - zo == 128) {
                assertEquals((byte) (u ^ 0x80), want[u], "TFLM's fast path, u = " + u);
            }
        }
        byte[] out = new byte[259];
        Quantize.eval(params, 0, RefInt8.at(in, 3), 3, out, 2);
        assertArrayEquals(want, java.util.Arrays.copyOfRange(out, 2, 258), "seed " + seed);
    }

    /**
     * The float32 multiply of the kernel equals TFLM's {@code (float) (double scale · (v − zp))} for
     * every int8 value, for scales of every magnitude (subnormal to huge, random bits).
     */
    @Property
    void dequantizeEqualsDoubleComputation(@ForAll long seed) throws PrepareException {
        Random r = new Random(seed);
        for (int k = 0; k < 8; k++) {
            float scale;
            do {
                scale = Math.abs(Float.intBitsToFloat(r.nextInt()));
            } while (!Float.isFinite(scale) || scale == 0);
            if (k == 0) {
                scale = RefInt8.scale(r, -12, 4);
            }
            int zp = r.nextInt(256) - 128;
            TensorInfo ti = new TensorInfo(0, "input", DType.INT8, new int[] {16, 16},
                    Quantization.perTensor(scale, zp), null);
            TensorInfo to = new TensorInfo(1, "output", DType.FLOAT32, new int[] {16, 16}, null, null);
            byte[] params = new DequantizePrepare().prepare(context("DEQUANTIZE", ti, to)).params();
            byte[] out = new byte[256 * 4 + 6];
            Dequantize.eval(params, 0, RefInt8.at(allInt8(), 1), 1, out, 6);
            ByteBuffer got = ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < 256; i++) {
                int v = i - 128;
                float want = (float) ((double) scale * (double) (v - zp));
                assertEquals(Float.floatToRawIntBits(want), Float.floatToRawIntBits(got.getFloat(6 + 4 * i)),
                        "scale " + scale + " zp " + zp + " v " + v);
            }
        }
    }
}
