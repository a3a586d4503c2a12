package dev.tinyj.runtime.model;

import dev.tinyj.hal.Mcu;
import dev.tinyj.runtime.ops.OpCodes;

/**
 * The default op resolver: every op code of {@link OpCodes} dispatched to its {@link OpBridges}
 * method. A firmware built for one model replaces this class with a generated one of the same
 * name and shape (one static {@code invoke}, one switch) that lists only the model's op codes
 * ({@code dev.tinyj.emulator.toolchain.image.ResolverGenerator}), as TFLM's
 * {@code MicroMutableOpResolver} does, so only those kernels are linked. An op code without a
 * case panics with {@link ModelImage#PANIC_OP_NOT_RESOLVED} (arg = op code).
 */
public final class OpResolver {
    private OpResolver() {
    }

    /** Runs the op whose table entry is at image offset {@code opEntry}. */
    public static void invoke(int opCode, byte[] image, int opEntry, byte[] arena) {
        switch (opCode) {
            case OpCodes.ADD:
                OpBridges.add(image, opEntry, arena);
                break;
            case OpCodes.AVERAGE_POOL_2D:
                OpBridges.averagePool2d(image, opEntry, arena);
                break;
            case OpCodes.CONCATENATION:
                OpBridges.concatenation(image, opEntry, arena);
                break;
            case OpCodes.CONV_2D:
                OpBridges.conv2d(image, opEntry, arena);
                break;
            case OpCodes.DEPTHWISE_CONV_2D:
                OpBridges.depthwiseConv2d(image, opEntry, arena);
                break;
            case OpCodes.DEQUANTIZE:
                OpBridges.dequantize(image, opEntry, arena);
                break;
            case OpCodes.FULLY_CONNECTED:
                OpBridges.fullyConnected(image, opEntry, arena);
                break;
            case OpCodes.LOGISTIC:
                OpBridges.logistic(image, opEntry, arena);
                break;
            case OpCodes.MAX_POOL_2D:
                OpBridges.maxPool2d(image, opEntry, arena);
                break;
            case OpCodes.MEAN:
                OpBridges.mean(image, opEntry, arena);
                break;
            case OpCodes.MUL:
                OpBridges.mul(image, opEntry, arena);
                break;
            case OpCodes.PAD:
                OpBridges.pad(image, opEntry, arena);
                break;
            case OpCodes.PADV2:
                OpBridges.padv2(image, opEntry, arena);
                break;
            case OpCodes.QUANTIZE:
                OpBridges.quantize(image, opEntry, arena);
                break;
            case OpCodes.RESHAPE:
                OpBridges.reshape(image, opEntry, arena);
                break;
            case OpCodes.SOFTMAX:
                OpBridges.softmax(image, opEntry, arena);
                break;
            case OpCodes.STRIDED_SLICE:
                OpBridges.stridedSlice(image, opEntry, arena);
                break;
            case OpCodes.TANH:
                OpBridges.tanh(image, opEntry, arena);
                break;
            default:
                Mcu.panic(ModelImage.PANIC_OP_NOT_RESOLVED, opCode);
        }
    }
}
