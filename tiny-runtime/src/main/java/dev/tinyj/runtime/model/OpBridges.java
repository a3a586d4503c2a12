package dev.tinyj.runtime.model;

import dev.tinyj.runtime.kernels.Add;
import dev.tinyj.runtime.kernels.AveragePool2D;
import dev.tinyj.runtime.kernels.Concatenation;
import dev.tinyj.runtime.kernels.Conv2D;
import dev.tinyj.runtime.kernels.DepthwiseConv2D;
import dev.tinyj.runtime.kernels.Dequantize;
import dev.tinyj.runtime.kernels.FullyConnected;
import dev.tinyj.runtime.kernels.Logistic;
import dev.tinyj.runtime.kernels.MaxPool2D;
import dev.tinyj.runtime.kernels.Mean;
import dev.tinyj.runtime.kernels.Mul;
import dev.tinyj.runtime.kernels.Pad;
import dev.tinyj.runtime.kernels.Quantize;
import dev.tinyj.runtime.kernels.Reshape;
import dev.tinyj.runtime.kernels.Softmax;
import dev.tinyj.runtime.kernels.StridedSlice;
import dev.tinyj.runtime.kernels.Tanh;

/**
 * One bridge per operator: resolves the op's operands from its op-table entry (ARENA tensor →
 * {@code (arena, offset)}, FLASH tensor → {@code (image, offset)}, absent → {@code (null, 0)}),
 * its parameter block, and calls the kernel. Constant index operands (RESHAPE's shape, PAD's
 * paddings, MEAN's axis, STRIDED_SLICE's begin/end/strides) are folded into the parameter block
 * and not passed. Method names are the TFLite builtin names in lowerCamelCase ({@code CONV_2D} →
 * {@code conv2d}); a per-model {@link OpResolver} calls only the bridges its model uses, so the
 * firmware links only those kernels.
 */
public final class OpBridges {
    private OpBridges() {
    }

    /** ADD: operands from op entry {@code opEntry}, output in the arena. */
    public static void add(byte[] image, int opEntry, byte[] arena) {
        int p = ModelImage.params(image, opEntry);
        int out = ModelImage.outputOffsetOf(image, opEntry);
        Add.eval(image, p,
                ModelImage.array(image, opEntry, 0, arena), ModelImage.offset(image, opEntry, 0),
                ModelImage.array(image, opEntry, 1, arena), ModelImage.offset(image, opEntry, 1), arena, out);
    }

    /** AVERAGE_POOL_2D: operands from op entry {@code opEntry}, output in the arena. */
    public static void averagePool2d(byte[] image, int opEntry, byte[] arena) {
        int p = ModelImage.params(image, opEntry);
        int out = ModelImage.outputOffsetOf(image, opEntry);
        AveragePool2D.eval(image, p,
                ModelImage.array(image, opEntry, 0, arena), ModelImage.offset(image, opEntry, 0), arena, out);
    }

    /** CONCATENATION: operands from op entry {@code opEntry}, output in the arena. */
    public static void concatenation(byte[] image, int opEntry, byte[] arena) {
        int p = ModelImage.params(image, opEntry);
        int out = ModelImage.outputOffsetOf(image, opEntry);
        for (int k = 0; k < ModelImage.operandCount(image, opEntry); k++) {
            Concatenation.evalOne(image, p, k, ModelImage.array(image, opEntry, k, arena),
                    ModelImage.offset(image, opEntry, k), arena, out);
        }
    }

    /** CONV_2D: operands from op entry {@code opEntry}, output in the arena. */
    public static void conv2d(byte[] image, int opEntry, byte[] arena) {
        int p = ModelImage.params(image, opEntry);
        int out = ModelImage.outputOffsetOf(image, opEntry);
        Conv2D.eval(image, p,
                ModelImage.array(image, opEntry, 0, arena), ModelImage.offset(image, opEntry, 0),
                ModelImage.array(image, opEntry, 1, arena), ModelImage.offset(image, opEntry, 1),
                ModelImage.array(image, opEntry, 2, arena), ModelImage.offset(image, opEntry, 2), arena, out);
    }

    /** DEPTHWISE_CONV_2D: operands from op entry {@code opEntry}, output in the arena. */
    public static void depthwiseConv2d(byte[] image, int opEntry, byte[] arena) {
        int p = ModelImage.params(image, opEntry);
        int out = ModelImage.outputOffsetOf(image, opEntry);
        DepthwiseConv2D.eval(image, p,
                ModelImage.array(image, opEntry, 0, arena), ModelImage.offset(image, opEntry, 0),
                ModelImage.array(image, opEntry, 1, arena), ModelImage.offset(image, opEntry, 1),
                ModelImage.array(image, opEntry, 2, arena), ModelImage.offset(image, opEntry, 2), arena, out);
    }

    /** DEQUANTIZE: operands from op entry {@code opEntry}, output in the arena. */
    public static void dequantize(byte[] image, int opEntry, byte[] arena) {
        int p = ModelImage.params(image, opEntry);
        int out = ModelImage.outputOffsetOf(image, opEntry);
        Dequantize.eval(image, p,
                ModelImage.array(image, opEntry, 0, arena), ModelImage.offset(image, opEntry, 0), arena, out);
    }

    /** FULLY_CONNECTED: operands from op entry {@code opEntry}, output in the arena. */
    public static void fullyConnected(byte[] image, int opEntry, byte[] arena) {
        int p = ModelImage.params(image, opEntry);
        int out = ModelImage.outputOffsetOf(image, opEntry);
        FullyConnected.eval(image, p,
                ModelImage.array(image, opEntry, 0, arena), ModelImage.offset(image, opEntry, 0),
                ModelImage.array(image, opEntry, 1, arena), ModelImage.offset(image, opEntry, 1),
                ModelImage.array(image, opEntry, 2, arena), ModelImage.offset(image, opEntry, 2), arena, out);
    }

    /** LOGISTIC: operands from op entry {@code opEntry}, output in the arena. */
    public static void logistic(byte[] image, int opEntry, byte[] arena) {
        int p = ModelImage.params(image, opEntry);
        int out = ModelImage.outputOffsetOf(image, opEntry);
        Logistic.eval(image, p,
                ModelImage.array(image, opEntry, 0, arena), ModelImage.offset(image, opEntry, 0), arena, out);
    }

    /** MAX_POOL_2D: operands from op entry {@code opEntry}, output in the arena. */
    public static void maxPool2d(byte[] image, int opEntry, byte[] arena) {
        int p = ModelImage.params(image, opEntry);
        int out = ModelImage.outputOffsetOf(image, opEntry);
        MaxPool2D.eval(image, p,
                ModelImage.array(image, opEntry, 0, arena), ModelImage.offset(image, opEntry, 0), arena, out);
    }

    /** MEAN: operands from op entry {@code opEntry}, output in the arena. */
    public static void mean(byte[] image, int opEntry, byte[] arena) {
        int p = ModelImage.params(image, opEntry);
        int out = ModelImage.outputOffsetOf(image, opEntry);
        Mean.eval(image, p,
                ModelImage.array(image, opEntry, 0, arena), ModelImage.offset(image, opEntry, 0), arena, out);
    }

    /** MUL: operands from op entry {@code opEntry}, output in the arena. */
    public static void mul(byte[] image, int opEntry, byte[] arena) {
        int p = ModelImage.params(image, opEntry);
        int out = ModelImage.outputOffsetOf(image, opEntry);
        Mul.eval(image, p,
                ModelImage.array(image, opEntry, 0, arena), ModelImage.offset(image, opEntry, 0),
                ModelImage.array(image, opEntry, 1, arena), ModelImage.offset(image, opEntry, 1), arena, out);
    }

    /** PAD: operands from op entry {@code opEntry}, output in the arena. */
    public static void pad(byte[] image, int opEntry, byte[] arena) {
        int p = ModelImage.params(image, opEntry);
        int out = ModelImage.outputOffsetOf(image, opEntry);
        Pad.eval(image, p, ModelImage.array(image, opEntry, 0, arena), ModelImage.offset(image, opEntry, 0),
                null, 0, arena, out);
    }

    /** PADV2: operands from op entry {@code opEntry}, output in the arena. */
    public static void padv2(byte[] image, int opEntry, byte[] arena) {
        int p = ModelImage.params(image, opEntry);
        int out = ModelImage.outputOffsetOf(image, opEntry);
        Pad.eval(image, p,
                ModelImage.array(image, opEntry, 0, arena), ModelImage.offset(image, opEntry, 0),
                ModelImage.array(image, opEntry, 2, arena), ModelImage.offset(image, opEntry, 2), arena, out);
    }

    /** QUANTIZE: operands from op entry {@code opEntry}, output in the arena. */
    public static void quantize(byte[] image, int opEntry, byte[] arena) {
        int p = ModelImage.params(image, opEntry);
        int out = ModelImage.outputOffsetOf(image, opEntry);
        Quantize.eval(image, p,
                ModelImage.array(image, opEntry, 0, arena), ModelImage.offset(image, opEntry, 0), arena, out);
    }

    /** RESHAPE: operands from op entry {@code opEntry}, output in the arena. */
    public static void reshape(byte[] image, int opEntry, byte[] arena) {
        int p = ModelImage.params(image, opEntry);
        int out = ModelImage.outputOffsetOf(image, opEntry);
        Reshape.eval(image, p,
                ModelImage.array(image, opEntry, 0, arena), ModelImage.offset(image, opEntry, 0), arena, out);
    }

    /** SOFTMAX: operands from op entry {@code opEntry}, output in the arena. */
    public static void softmax(byte[] image, int opEntry, byte[] arena) {
        int p = ModelImage.params(image, opEntry);
        int out = ModelImage.outputOffsetOf(image, opEntry);
        Softmax.eval(image, p,
                ModelImage.array(image, opEntry, 0, arena), ModelImage.offset(image, opEntry, 0), arena, out);
    }

    /** STRIDED_SLICE: operands from op entry {@code opEntry}, output in the arena. */
    public static void stridedSlice(byte[] image, int opEntry, byte[] arena) {
        int p = ModelImage.params(image, opEntry);
        int out = ModelImage.outputOffsetOf(image, opEntry);
        StridedSlice.eval(image, p,
                ModelImage.array(image, opEntry, 0, arena), ModelImage.offset(image, opEntry, 0), arena, out);
    }

    /** TANH: operands from op entry {@code opEntry}, output in the arena. */
    public static void tanh(byte[] image, int opEntry, byte[] arena) {
        int p = ModelImage.params(image, opEntry);
        int out = ModelImage.outputOffsetOf(image, opEntry);
        Tanh.eval(image, p,
                ModelImage.array(image, opEntry, 0, arena), ModelImage.offset(image, opEntry, 0), arena, out);
    }
}
