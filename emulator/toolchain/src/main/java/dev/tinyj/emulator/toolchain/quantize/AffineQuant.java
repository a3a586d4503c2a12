package dev.tinyj.emulator.toolchain.quantize;

import dev.tinyj.emulator.toolchain.graph.Quantization;

/**
 * The TFLite int8 quantization scheme (TFLite's "8-bit quantization specification":
 * real = scale × (q − zero_point)), computed in double and stored as the flatbuffer holds it:
 * scales cast to float32 once, at the end. Values are then quantized against the stored float32
 * scale, so that the file's own scale reconstructs them. Rounding is half away from zero, as
 * TFLite's {@code TfLiteRound}/{@code std::round}.
 *
 * <ul>
 * <li>{@link #asymmetric}: activations and the input, per tensor: scale = (max − min) / 255 over
 *     the range widened to include 0, zero_point = round(−128 − min / scale) clamped to [−128, 127];
 *     a degenerate range (max = min = 0) gets scale 1 so every value still dequantizes to 0;</li>
 * <li>{@link #symmetricPerChannel}: weights [units, inputs], per output channel c (dimension 0):
 *     scale_c = max|w_c| / 127, zero point 0, q = round(w / scale_c) clamped to [−127, 127]; an
 *     all-zero channel gets scale 1;</li>
 * <li>{@link #bias}: int32, scale_c = input_scale × weight_scale_c (the two float32 scales
 *     multiplied in double), zero point 0, q = round(b / scale_c) clamped to int32.</li>
 * </ul>
 */
public final class AffineQuant {
    /** int8 range. */
    public static final int QMIN = -128;
    public static final int QMAX = 127;
    /** Symmetric weights leave −128 unused, as TFLite's spec requires. */
    public static final int WEIGHT_QMAX = 127;

    private AffineQuant() {
    }

    /** Round half away from zero (exact: the fraction |v| − ⌊|v|⌋ is computed without error). */
    public static double roundHalfAway(double v) {
        double a = Math.abs(v);
        double f = Math.floor(a);
        double r = a - f >= 0.5 ? f + 1.0 : f;
        return Math.copySign(r, v);
    }

    /** Per-tensor int8 asymmetric quantization of {@code observed}, widened to include 0. */
    public static Quantization asymmetric(Range observed) {
        Range r = observed.withZero();
        double scale = (r.max() - r.min()) / (QMAX - QMIN);
        if (!(scale > 0)) {
            scale = 1.0;
        }
        double zp = roundHalfAway(QMIN - r.min() / scale);
        long zeroPoint = (long) Math.max(QMIN, Math.min(QMAX, zp));
        return Quantization.perTensor((float) scale, zeroPoint);
    }

    /** {@code round(real / scale) + zeroPoint} clamped to int8 (TFLite's QUANTIZE from float). */
    public static byte quantizeInt8(double real, Quantization q) {
        double v = roundHalfAway(real / (double) q.scale0()) + q.zeroPoint0();
        return (byte) Math.max(QMIN, Math.min(QMAX, v));
    }

    /** {@code scale × (q − zeroPoint)}. */
    public static double dequantize(byte q, Quantization quant) {
        return (double) quant.scale0() * (q - quant.zeroPoint0());
    }

    /**
     * Symmetric per-channel int8 weights.
     *
     * @param weights [units, inputs] row-major
     * @param units channels (dimension 0)
     * @return the quantization (dimension 0) and the int8 values [units, inputs]
     */
    public static Weights symmetricPerChannel(double[] weights, int units) {
        int inputs = weights.length / units;
        float[] scales = new float[units];
        long[] zeros = new long[units];
        byte[] q = new byte[weights.length];
        for (int c = 0; c < units; c++) {
            double maxAbs = 0.0;
            for (int k = 0; k < inputs; k++) {
                maxAbs = Math.max(maxAbs, Math.abs(weights[c * inputs + k]));
            }
            scales[c] = (float) (maxAbs > 0 ? maxAbs / WEIGHT_QMAX : 1.0);
            for (int k = 0; k < inputs; k++) {
                double v = roundHalfAway(weights[c * inputs + k] / (double) scales[c]);
                q[c * inputs + k] = (byte) Math.max(-WEIGHT_QMAX, Math.min(WEIGHT_QMAX, v));
            }
        }
        return new Weights(new Quantization(scales, zeros, 0), q);
    }

    /**
     * int32 bias of one layer.
     *
     * @param bias real biases [units]
     * @param inputScale the layer input's stored scale
     * @param weightScales the stored per-channel weight scales [units]
     * @return the quantization (dimension 0, one scale per channel) and the int32 values [units]
     */
    public static Bias bias(double[] bias, float inputScale, float[] weightScales) {
        float[] scales = new float[bias.length];
        long[] zeros = new long[bias.length];
        int[] q = new int[bias.length];
        for (int c = 0; c < bias.length; c++) {
            scales[c] = (float) ((double) inputScale * (double) weightScales[c]);
            double v = roundHalfAway(bias[c] / (double) scales[c]);
            q[c] = (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, v));
        }
        return new Bias(new Quantization(scales, zeros, 0), q);
    }

    /**
     * Quantized weights.
     *
     * @param quantization per-channel scales on dimension 0, zero points 0
     * @param values int8 [units, inputs] row-major
     */
    public record Weights(Quantization quantization, byte[] values) {
    }

    /**
     * Quantized bias.
     *
     * @param quantization per-channel scales, zero points 0
     * @param values int32 [units]
     */
    public record Bias(Quantization quantization, int[] values) {
        /** Little-endian bytes, as the flatbuffer buffer holds them. */
        public byte[] bytes() {
            java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(4 * values.length)
                    .order(java.nio.ByteOrder.LITTLE_ENDIAN);
            for (int v : values) {
                b.putInt(v);
            }
            return b.array();
        }
    }
}
