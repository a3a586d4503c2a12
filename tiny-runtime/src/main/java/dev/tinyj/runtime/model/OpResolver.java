package dev.tinyj.runtime.model;

import dev.tinyj.hal.Mcu;
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
import dev.tinyj.runtime.ops.OpCodes;

/**
 * The default op resolver: every op code of {@link OpCodes}, each case calling its kernel with
 * the operands resolved from the op table in TFLite operand order (ARENA tensor → {@code (arena,
 * offset)}, FLASH tensor → {@code (image, offset)}, absent → {@code (null, 0)}), the parameter
 * block at its image offset, and the output in the arena. Constant index operands (RESHAPE's shape,
 * PAD's paddings, MEAN's axis, STRIDED_SLICE's begin/end/strides) are folded into the parameter
 * block and not passed.
 *
 * <p>Kept to one static method with one switch and one case per op code so that a per-model class
 * of the same name, holding only the ops a model uses, can replace it. An op code without a case
 * panics with {@link ModelImage#PANIC_OP_NOT_RESOLVED} (arg = op code).
 */
public final class OpResolver {
    private OpResolver() {
    }

    /** Runs the op whose table entry is at image offset {@code opEntry}. */
    public static void invoke(int opCode, byte[] image, int opEntry, byte[] arena) {
        int p = ModelImage.params(image, opEntry);
        int out = ModelImage.outputOffsetOf(image, opEntry);
        switch (opCode) {
            case OpCodes.ADD:
                Add.eval(image, p,
                        ModelImage.array(image, opEntry, 0, arena), ModelImage.offset(image, opEntry, 0),
                        ModelImage.array(image, opEntry, 1, arena), ModelImage.offset(image, opEntry, 1), arena, out);
                break;
            case OpCodes.AVERAGE_POOL_2D:
                AveragePool2D.eval(image, p,
                        ModelImage.array(image, opEntry, 0, arena), ModelImage.offset(image, opEntry, 0), arena, out);
                break;
            case OpCodes.CONCATENATION:
                for (int k = 0; k < ModelImage.operandCount(image, opEntry); k++) {
                    Concatenation.evalOne(image, p, k, ModelImage.array(image, opEntry, k, arena),
                            ModelImage.offset(image, opEntry, k), arena, out);
                }
                break;
            case OpCodes.CONV_2D:
                Conv2D.eval(image, p,
                        ModelImage.array(image, opEntry, 0, arena), ModelImage.offset(image, opEntry, 0),
                        ModelImage.array(image, opEntry, 1, arena), ModelImage.offset(image, opEntry, 1),
                        ModelImage.array(image, opEntry, 2, arena), ModelImage.offset(image, opEntry, 2), arena, out);
                break;
            case OpCodes.DEPTHWISE_CONV_2D:
                DepthwiseConv2D.eval(image, p,
                        ModelImage.array(image, opEntry, 0, arena), ModelImage.offset(image, opEntry, 0),
                        ModelImage.array(image, opEntry, 1, arena), ModelImage.offset(image, opEntry, 1),
                        ModelImage.array(image, opEntry, 2, arena), ModelImage.offset(image, opEntry, 2), arena, out);
                break;
            case OpCodes.DEQUANTIZE:
                Dequantize.eval(image, p,
                        ModelImage.array(image, opEntry, 0, arena), ModelImage.offset(image, opEntry, 0), arena, out);
                break;
            case OpCodes.FULLY_CONNECTED:
                FullyConnected.eval(image, p,
                        ModelImage.array(image, opEntry, 0, arena), ModelImage.offset(image, opEntry, 0),
                        ModelImage.array(image, opEntry, 1, arena), ModelImage.offset(image, opEntry, 1),
                        ModelImage.array(image, opEntry, 2, arena), ModelImage.offset(image, opEntry, 2), arena, out);
                break;
            case OpCodes.LOGISTIC:
                Logistic.eval(image, p,
                        ModelImage.array(image, opEntry, 0, arena), ModelImage.offset(image, opEntry, 0), arena, out);
                break;
            case OpCodes.MAX_POOL_2D:
                MaxPool2D.eval(image, p,
                        ModelImage.array(image, opEntry, 0, arena), ModelImage.offset(image, opEntry, 0), arena, out);
                break;
            case OpCodes.MEAN:
                Mean.eval(image, p,
                        ModelImage.array(image, opEntry, 0, arena), ModelImage.offset(image, opEntry, 0), arena, out);
                break;
            case OpCodes.MUL:
                Mul.eval(image, p,
                        ModelImage.array(image, opEntry, 0, arena), ModelImage.offset(image, opEntry, 0),
                        ModelImage.array(image, opEntry, 1, arena), ModelImage.offset(image, opEntry, 1), arena, out);
                break;
            case OpCodes.PAD:
                Pad.eval(image, p, ModelImage.array(image, opEntry, 0, arena), ModelImage.offset(image, opEntry, 0),
                        null, 0, arena, out);
                break;
            case OpCodes.PADV2:
                Pad.eval(image, p,
                        ModelImage.array(image, opEntry, 0, arena), ModelImage.offset(image, opEntry, 0),
                        ModelImage.array(image, opEntry, 2, arena), ModelImage.offset(image, opEntry, 2), arena, out);
                break;
            case OpCodes.QUANTIZE:
                Quantize.eval(image, p,
                        ModelImage.array(image, opEntry, 0, arena), ModelImage.offset(image, opEntry, 0), arena, out);
                break;
            case OpCodes.RESHAPE:
                Reshape.eval(image, p,
                        ModelImage.array(image, opEntry, 0, arena), ModelImage.offset(image, opEntry, 0), arena, out);
                break;
            case OpCodes.SOFTMAX:
                Softmax.eval(image, p,
                        ModelImage.array(image, opEntry, 0, arena), ModelImage.offset(image, opEntry, 0), arena, out);
                break;
            case OpCodes.STRIDED_SLICE:
                StridedSlice.eval(image, p,
                        ModelImage.array(image, opEntry, 0, arena), ModelImage.offset(image, opEntry, 0), arena, out);
                break;
            case OpCodes.TANH:
                Tanh.eval(image, p,
                        ModelImage.array(image, opEntry, 0, arena), ModelImage.offset(image, opEntry, 0), arena, out);
                break;
            default:
                Mcu.panic(ModelImage.PANIC_OP_NOT_RESOLVED, opCode);
        }
    }
}
