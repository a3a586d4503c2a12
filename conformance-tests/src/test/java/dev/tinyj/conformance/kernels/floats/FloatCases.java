package dev.tinyj.conformance.kernels.floats;

import dev.tinyj.emulator.toolchain.graph.DType;
import dev.tinyj.emulator.toolchain.graph.TensorInfo;
import dev.tinyj.emulator.toolchain.prepare.OpContext;
import dev.tinyj.emulator.toolchain.prepare.OpOptions;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Generated float32 operator cases: small shapes, every fused activation, and values that are
 * mostly ordinary but include the IEEE corners the kernels must treat as TFLM does: ±0, ±∞, NaN,
 * subnormals and values whose products or sums overflow.
 */
final class FloatCases {
    static final String[] ACTIVATIONS = {"NONE", "RELU", "RELU6", "RELU_N1_TO_1"};

    private FloatCases() {
    }

    /** One seeded random source and the draws the properties need. */
    static final class Gen {
        final Random r;
        /** Whether {@link #value} may draw NaN (arithmetic kernels keep NaN bits the same way; see their tests). */
        final boolean nan;

        Gen(long seed, boolean nan) {
            r = new Random(seed);
            this.nan = nan;
        }

        int between(int lo, int hi) {
            return lo + r.nextInt(hi - lo + 1);
        }

        String activation() {
            return ACTIVATIONS[r.nextInt(ACTIVATIONS.length)];
        }

        /** Mostly uniform in ±{@code scale}; about one in 16 an IEEE corner. */
        float value(float scale) {
            if (r.nextInt(16) != 0) {
                return (r.nextFloat() * 2 - 1) * scale;
            }
            return switch (r.nextInt(nan ? 9 : 8)) {
                case 0 -> 0f;
                case 1 -> -0f;
                case 2 -> Float.POSITIVE_INFINITY;
                case 3 -> Float.NEGATIVE_INFINITY;
                case 4 -> Float.MIN_VALUE * between(1, 1000);
                case 5 -> -Float.MAX_VALUE * r.nextFloat();
                case 6 -> Float.MAX_VALUE * r.nextFloat();
                case 7 -> (float) between(-6, 6);
                default -> Float.NaN;
            };
        }

        float[] values(int n, float scale) {
            float[] v = new float[n];
            for (int k = 0; k < n; k++) {
                v[k] = value(scale);
            }
            return v;
        }
    }

    /** Little-endian float32 bytes. */
    static byte[] bytes(float[] v) {
        if (v == null) {
            return null;
        }
        ByteBuffer b = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float f : v) {
            b.putFloat(f);
        }
        return b.array();
    }

    /** Floats from little-endian bytes. */
    static float[] floats(byte[] b) {
        float[] v = new float[b.length / 4];
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
        return v;
    }

    static int flat(int[] shape) {
        return Arrays.stream(shape).reduce(1, (a, b) -> a * b);
    }

    /**
     * A float32 operator context: input 0 an activation, inputs 1 (filter) and 2 (bias) constants
     * when given (a null bias is absent), the output, options by schema name.
     */
    static OpContext context(String op, int[] inShape, int[] filterShape, float[] filter, float[] bias,
            int[] outShape, Map<String, String> options) {
        List<TensorInfo> inputs = new ArrayList<>();
        inputs.add(new TensorInfo(0, "input", DType.FLOAT32, inShape, null, null));
        if (filterShape != null) {
            inputs.add(new TensorInfo(1, "filter", DType.FLOAT32, filterShape, null, bytes(filter)));
        }
        if (bias != null) {
            inputs.add(new TensorInfo(2, "bias", DType.FLOAT32, new int[] {bias.length}, null, bytes(bias)));
        }
        TensorInfo output = new TensorInfo(3, "output", DType.FLOAT32, outShape, null, null);
        return new OpContext(op, 5, inputs, output, new OpOptions(options));
    }
}
