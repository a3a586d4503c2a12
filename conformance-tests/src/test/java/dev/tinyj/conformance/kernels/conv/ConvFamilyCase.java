package dev.tinyj.conformance.kernels.conv;

import dev.tinyj.emulator.toolchain.graph.DType;
import dev.tinyj.emulator.toolchain.graph.Quantization;
import dev.tinyj.emulator.toolchain.graph.TensorInfo;
import dev.tinyj.emulator.toolchain.prepare.OpContext;
import dev.tinyj.emulator.toolchain.prepare.OpOptions;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A generated operator case of the convolution family: tensors as the host toolchain sees them
 * (for the real prepare) plus the raw numbers the independent reference needs. Shapes are capped
 * small; scales span multipliers below and above 1 (negative and positive shifts).
 */
record ConvFamilyCase(OpContext context, byte[] input, byte[] filter, int[] bias, float inScale, int inZp,
        float[] filterScales, int filterZp, float outScale, int outZp, String activation) {

    static final String[] ACTIVATIONS = {"NONE", "RELU", "RELU6", "RELU_N1_TO_1"};

    /** Bias as little-endian bytes, or null. */
    byte[] biasBytes() {
        if (bias == null) {
            return null;
        }
        ByteBuffer b = ByteBuffer.allocate(bias.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int v : bias) {
            b.putInt(v);
        }
        return b.array();
    }

    /** Output element count. */
    int outputSize() {
        return context.output().flatSize();
    }

    /** The reference's per-channel (or single) multipliers and shifts: {@code [mult[], shift[]]}. */
    int[][] referenceMultipliers(boolean floatProduct) {
        int n = filterScales.length;
        int[] mult = new int[n];
        int[] shift = new int[n];
        for (int c = 0; c < n; c++) {
            double real = floatProduct ? (double) (inScale * filterScales[c]) / (double) outScale
                    : (double) inScale * (double) filterScales[c] / (double) outScale;
            int[] q = ConvFamilyReference.quantizeMultiplier(real);
            mult[c] = q[0];
            shift[c] = q[1];
        }
        return new int[][] {mult, shift};
    }

    /** The reference's activation clamp {@code {min, max}}. */
    int[] referenceActivation() {
        return switch (activation) {
            case "RELU" -> new int[] {Math.max(-128, q(0)), 127};
            case "RELU6" -> new int[] {Math.max(-128, q(0)), Math.min(127, q(6))};
            case "RELU_N1_TO_1" -> new int[] {Math.max(-128, q(-1)), Math.min(127, q(1))};
            default -> new int[] {-128, 127};
        };
    }

    private int q(float f) {
        float ratio = f / outScale;
        return outZp + new BigDecimal(ratio).setScale(0, RoundingMode.HALF_UP).intValueExact();
    }

    /** Generation helpers over one seeded random source. */
    static final class Gen {
        final Random r;

        Gen(long seed) {
            r = new Random(seed);
        }

        int between(int lo, int hi) {
            return lo + r.nextInt(hi - lo + 1);
        }

        float scale(double log10Lo, double log10Hi) {
            return (float) Math.pow(10, log10Lo + (log10Hi - log10Lo) * r.nextDouble());
        }

        byte[] int8(int n, int lo, int hi) {
            byte[] b = new byte[n];
            for (int k = 0; k < n; k++) {
                b[k] = (byte) between(lo, hi);
            }
            return b;
        }

        int[] bias(int n) {
            if (r.nextInt(4) == 0) {
                return null;
            }
            int range = r.nextInt(8) == 0 ? 1 << 24 : 1 << 14;
            int[] v = new int[n];
            for (int k = 0; k < n; k++) {
                v[k] = r.nextInt(2 * range + 1) - range;
            }
            return v;
        }

        /** Output scale giving an effective multiplier of input × filter / output in 2^-14 .. 2^3. */
        float outScale(float inScale, float filterScale) {
            return (float) (inScale * filterScale * Math.pow(2, -3 + 17 * r.nextDouble()));
        }

        String activation() {
            return ACTIVATIONS[r.nextInt(ACTIVATIONS.length)];
        }
    }

    /** Builds the context: input, filter (with data), optional bias (with data), output. */
    static OpContext context(String op, int[] inShape, int[] filterShape, int[] outShape, float inScale, int inZp,
            float[] filterScales, int filterZp, int quantizedDimension, byte[] filter, int[] bias, float outScale,
            int outZp, Map<String, String> options) {
        List<TensorInfo> inputs = new ArrayList<>();
        inputs.add(new TensorInfo(0, "input", DType.INT8, inShape, Quantization.perTensor(inScale, inZp), null));
        long[] zps = new long[filterScales.length];
        java.util.Arrays.fill(zps, filterZp);
        inputs.add(new TensorInfo(1, "filter", DType.INT8, filterShape,
                new Quantization(filterScales.clone(), zps, quantizedDimension), filter.clone()));
        if (bias != null) {
            float[] bs = new float[filterScales.length];
            for (int c = 0; c < bs.length; c++) {
                bs[c] = inScale * filterScales[c];
            }
            ByteBuffer b = ByteBuffer.allocate(bias.length * 4).order(ByteOrder.LITTLE_ENDIAN);
            for (int v : bias) {
                b.putInt(v);
            }
            inputs.add(new TensorInfo(2, "bias", DType.INT32, new int[] {bias.length},
                    new Quantization(bs, new long[bs.length], 0), b.array()));
        }
        TensorInfo output = new TensorInfo(3, "output", DType.INT8, outShape, Quantization.perTensor(outScale, outZp),
                null);
        return new OpContext(op, 7, inputs, output, new OpOptions(options));
    }
}
