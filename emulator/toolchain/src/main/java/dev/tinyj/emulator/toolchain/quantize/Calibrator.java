package dev.tinyj.emulator.toolchain.quantize;

import java.util.ArrayList;
import java.util.List;

/**
 * Activation-range calibration: runs the float layers on representative inputs and keeps the
 * min/max of the input and of every layer's output (after its activation), as the TFLite
 * converter's calibrator does with its default min/max observer. No percentile clipping.
 */
public final class Calibrator {
    private Calibrator() {
    }

    /**
     * The observed ranges.
     *
     * @param layers the float network, first to last
     * @param samples representative inputs [n, layers[0].inputs()] row-major
     * @return ranges [layers.size() + 1]: the input, then each layer's output (not yet widened to 0)
     */
    public static List<Range> calibrate(List<FloatDense> layers, double[] samples) {
        int in = layers.getFirst().inputs();
        if (samples.length == 0 || samples.length % in != 0) {
            throw new IllegalArgumentException("need at least one " + in + "-feature sample, got "
                    + samples.length + " values");
        }
        Range[] ranges = new Range[layers.size() + 1];
        java.util.Arrays.fill(ranges, Range.empty());
        for (int s = 0; s < samples.length / in; s++) {
            double[] a = java.util.Arrays.copyOfRange(samples, s * in, (s + 1) * in);
            ranges[0] = observe(ranges[0], a);
            for (int l = 0; l < layers.size(); l++) {
                a = layers.get(l).apply(a);
                ranges[l + 1] = observe(ranges[l + 1], a);
            }
        }
        return new ArrayList<>(List.of(ranges));
    }

    private static Range observe(Range r, double[] values) {
        Range out = r;
        for (double v : values) {
            out = out.include(v);
        }
        return out;
    }
}
