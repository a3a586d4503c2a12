package dev.tinyj.emulator.toolchain.ops;

import dev.tinyj.emulator.toolchain.prepare.AddPrepare;
import dev.tinyj.emulator.toolchain.prepare.AveragePool2DPrepare;
import dev.tinyj.emulator.toolchain.prepare.ConcatenationPrepare;
import dev.tinyj.emulator.toolchain.prepare.Conv2DPrepare;
import dev.tinyj.emulator.toolchain.prepare.DepthwiseConv2DPrepare;
import dev.tinyj.emulator.toolchain.prepare.DequantizePrepare;
import dev.tinyj.emulator.toolchain.prepare.FullyConnectedPrepare;
import dev.tinyj.emulator.toolchain.prepare.LogisticPrepare;
import dev.tinyj.emulator.toolchain.prepare.MaxPool2DPrepare;
import dev.tinyj.emulator.toolchain.prepare.MeanPrepare;
import dev.tinyj.emulator.toolchain.prepare.MulPrepare;
import dev.tinyj.emulator.toolchain.prepare.OpPrepare;
import dev.tinyj.emulator.toolchain.prepare.PadPrepare;
import dev.tinyj.emulator.toolchain.prepare.QuantizePrepare;
import dev.tinyj.emulator.toolchain.prepare.ReshapePrepare;
import dev.tinyj.emulator.toolchain.prepare.SoftmaxPrepare;
import dev.tinyj.emulator.toolchain.prepare.StridedSlicePrepare;
import dev.tinyj.emulator.toolchain.prepare.TanhPrepare;
import dev.tinyj.runtime.ops.OpCodes;
import java.util.List;
import java.util.Optional;

/**
 * The one host-side table of operators: runtime op code ({@link OpCodes}), TFLite builtin name
 * and code ({@code schema.fbs} {@code BuiltinOperator}), and the host prepare step. Adding an op
 * touches its kernel, its test and one line here.
 */
public final class OpTable {
    /**
     * One operator.
     *
     * @param code runtime op code
     * @param name TFLite builtin operator name
     * @param builtinCode TFLite {@code BuiltinOperator} value
     * @param prepare host prepare step
     */
    public record Entry(int code, String name, int builtinCode, OpPrepare prepare) {
    }

    private static final List<Entry> ENTRIES = List.of(
            new Entry(OpCodes.ADD, "ADD", 0, new AddPrepare()),
            new Entry(OpCodes.AVERAGE_POOL_2D, "AVERAGE_POOL_2D", 1, new AveragePool2DPrepare()),
            new Entry(OpCodes.CONCATENATION, "CONCATENATION", 2, new ConcatenationPrepare()),
            new Entry(OpCodes.CONV_2D, "CONV_2D", 3, new Conv2DPrepare()),
            new Entry(OpCodes.DEPTHWISE_CONV_2D, "DEPTHWISE_CONV_2D", 4, new DepthwiseConv2DPrepare()),
            new Entry(OpCodes.DEQUANTIZE, "DEQUANTIZE", 6, new DequantizePrepare()),
            new Entry(OpCodes.FULLY_CONNECTED, "FULLY_CONNECTED", 9, new FullyConnectedPrepare()),
            new Entry(OpCodes.LOGISTIC, "LOGISTIC", 14, new LogisticPrepare()),
            new Entry(OpCodes.MAX_POOL_2D, "MAX_POOL_2D", 17, new MaxPool2DPrepare()),
            new Entry(OpCodes.MUL, "MUL", 18, new MulPrepare()),
            new Entry(OpCodes.RESHAPE, "RESHAPE", 22, new ReshapePrepare()),
            new Entry(OpCodes.SOFTMAX, "SOFTMAX", 25, new SoftmaxPrepare()),
            new Entry(OpCodes.TANH, "TANH", 28, new TanhPrepare()),
            new Entry(OpCodes.PAD, "PAD", 34, new PadPrepare()),
            new Entry(OpCodes.MEAN, "MEAN", 40, new MeanPrepare()),
            new Entry(OpCodes.STRIDED_SLICE, "STRIDED_SLICE", 45, new StridedSlicePrepare()),
            new Entry(OpCodes.PADV2, "PADV2", 60, new PadPrepare()),
            new Entry(OpCodes.QUANTIZE, "QUANTIZE", 114, new QuantizePrepare()));

    private OpTable() {
    }

    /** Every supported operator. */
    public static List<Entry> entries() {
        return ENTRIES;
    }

    /** The entry of a TFLite builtin operator name. */
    public static Optional<Entry> byName(String name) {
        return ENTRIES.stream().filter(e -> e.name().equals(name)).findFirst();
    }

    /** The entry of a TFLite builtin code. */
    public static Optional<Entry> byBuiltinCode(int code) {
        return ENTRIES.stream().filter(e -> e.builtinCode() == code).findFirst();
    }

    /** The entry of a runtime op code. */
    public static Optional<Entry> byCode(int code) {
        return ENTRIES.stream().filter(e -> e.code() == code).findFirst();
    }
}
