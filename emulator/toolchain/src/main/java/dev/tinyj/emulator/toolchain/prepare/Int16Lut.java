package dev.tinyj.emulator.toolchain.prepare;

import java.util.function.DoubleUnaryOperator;

/**
 * TFLite's 513-entry int16 lookup tables, as {@code LUTPopulate<int16_t>} builds them
 * ({@code detail::LUTPopulateInt16<float>} in {@code tensorflow/lite/kernels/internal/common.h},
 * tflite-micro 90b983c2b3f1480642e040bbd2ddb37b998f3424), for the device's interpolating
 * {@code LUTLookup} ({@code dev.tinyj.runtime.kernels.SoftmaxInt16#lookup}). All arithmetic is
 * float32 in TFLM's order:
 *
 * <ol>
 * <li>the input range {@code [scale_in · (−32768 − zp_in), scale_in · (32767 − zp_in)]} in 512
 *     steps; the output scaling {@code 65536 / (out_max − out_min)};</li>
 * <li>for step {@code i}: {@code f} at the step's start, middle and end, each scaled and rounded
 *     half away from zero ({@code roundf}); the entry is the start's value minus half (rounded) the
 *     error of interpolating the middle, clamped to int16;</li>
 * <li>entry 512: {@code f(input_max)} scaled, rounded, clamped.</li>
 * </ol>
 *
 * Host side only. The transforms are TFLM's float functions: {@link #EXP} is {@code std::exp(float)}
 * (glibc {@code expf}), computed here as the double {@code Math.exp} rounded to float;
 * {@code TableLutTest} checks the two SOFTMAX tables entry for entry against the tables TFLM's
 * {@code LUTPopulate} built with g++ on x86-64.
 */
final class Int16Lut {
    private Int16Lut() {
    }

    /** Number of entries: 512 steps plus the end point ({@code LUTSize<int16_t>()}). */
    static final int SIZE = 513;

    /** {@code std::exp(float)}. */
    static final DoubleUnaryOperator EXP = x -> (float) Math.exp((float) x);
    /** {@code 1.0f / (1.0f + value)} in float. */
    static final DoubleUnaryOperator ONE_OVER_ONE_PLUS_X = x -> 1.0f / (1.0f + (float) x);

    /**
     * {@code LUTPopulate<int16_t>(inputScale, inputZeroPoint, outputScale, outputZeroPoint, f, lut)}.
     *
     * @param f the transform, evaluated on float arguments; its result is taken as a float
     */
    static short[] populate(float inputScale, int inputZeroPoint, float outputScale, int outputZeroPoint,
            DoubleUnaryOperator f) {
        float inputMin = inputScale * (float) (-32768 - inputZeroPoint);
        float inputMax = inputScale * (float) (32767 - inputZeroPoint);
        float outputMin = outputScale * (float) (-32768 - outputZeroPoint);
        float outputMax = outputScale * (float) (32767 - outputZeroPoint);
        int steps = SIZE - 1;
        float step = (inputMax - inputMin) / steps;
        float halfStep = step / 2;
        float scalingInv = 65536f / (outputMax - outputMin);
        short[] lut = new short[SIZE];
        for (int i = 0; i < steps; i++) {
            float val = apply(f, inputMin + i * step);
            float valMidpoint = apply(f, inputMin + i * step + halfStep);
            float valNext = apply(f, inputMin + (i + 1) * step);
            float sampleVal = roundf(val * scalingInv);
            float midpointInterpVal = roundf((valNext * scalingInv + roundf(val * scalingInv)) / 2);
            float midpointVal = roundf(valMidpoint * scalingInv);
            float midpointErr = midpointInterpVal - midpointVal;
            float bias = roundf(midpointErr / 2);
            lut[i] = clamp(sampleVal - bias);
        }
        lut[steps] = clamp(roundf(apply(f, inputMax) * scalingInv));
        return lut;
    }

    private static float apply(DoubleUnaryOperator f, float x) {
        return (float) f.applyAsDouble(x);
    }

    /** {@code static_cast<int16_t>(std::min(std::max(v, -32768.0f), 32767.0f))}. */
    private static short clamp(float v) {
        return (short) Math.min(Math.max(v, -32768f), 32767f);
    }

    /** {@code roundf}: nearest, halves away from zero, in float. */
    static float roundf(float x) {
        float a = Math.abs(x);
        float t = (float) Math.floor(a);
        if (a - t >= 0.5f) {
            t += 1;
        }
        return Math.copySign(t, x);
    }
}
