package dev.tinyj.emulator.toolchain.graph;

/**
 * Affine quantization of a tensor (TFLite {@code QuantizationParameters}): real = scale ×
 * (q − zero_point), per tensor (one scale) or per channel along {@code quantizedDimension}.
 *
 * @param scale scales as the flatbuffer stores them (float32)
 * @param zeroPoint zero points (int64 in the schema)
 * @param quantizedDimension the channel axis for per-channel quantization
 */
public record Quantization(float[] scale, long[] zeroPoint, int quantizedDimension) {
    /** Per-tensor quantization. */
    public static Quantization perTensor(float scale, long zeroPoint) {
        return new Quantization(new float[] {scale}, new long[] {zeroPoint}, 0);
    }

    /** Whether there is more than one scale. */
    public boolean perChannel() {
        return scale.length > 1;
    }

    /** The (first) scale. */
    public float scale0() {
        return scale[0];
    }

    /** The (first) zero point as an int. */
    public int zeroPoint0() {
        return (int) zeroPoint[0];
    }
}
