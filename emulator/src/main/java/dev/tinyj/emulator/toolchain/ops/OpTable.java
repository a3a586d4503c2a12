package dev.tinyj.emulator.toolchain.ops;

import dev.tinyj.emulator.toolchain.prepare.ConcatenationPrepare;
import dev.tinyj.emulator.toolchain.prepare.MeanPrepare;
import dev.tinyj.emulator.toolchain.prepare.OpPrepare;
import dev.tinyj.emulator.toolchain.prepare.PadPrepare;
import dev.tinyj.emulator.toolchain.prepare.PrepareException;
import dev.tinyj.emulator.toolchain.prepare.ReshapePrepare;
import dev.tinyj.emulator.toolchain.prepare.StridedSlicePrepare;
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

    private static OpPrepare notYet(String name) {
        return ctx -> {
            throw new PrepareException(ctx.where() + ": " + name + " is not implemented yet");
        };
    }

    private static final List<Entry> ENTRIES = List.of(
            new Entry(OpCodes.ADD, "ADD", 0, notYet("ADD")),
            new Entry(OpCodes.AVERAGE_POOL_2D, "AVERAGE_POOL_2D", 1, notYet("AVERAGE_POOL_2D")),
            new Entry(OpCodes.CONCATENATION, "CONCATENATION", 2, new ConcatenationPrepare()),
            new Entry(OpCodes.CONV_2D, "CONV_2D", 3, notYet("CONV_2D")),
            new Entry(OpCodes.DEPTHWISE_CONV_2D, "DEPTHWISE_CONV_2D", 4, notYet("DEPTHWISE_CONV_2D")),
            new Entry(OpCodes.DEQUANTIZE, "DEQUANTIZE", 6, notYet("DEQUANTIZE")),
            new Entry(OpCodes.FULLY_CONNECTED, "FULLY_CONNECTED", 9, notYet("FULLY_CONNECTED")),
            new Entry(OpCodes.LOGISTIC, "LOGISTIC", 14, notYet("LOGISTIC")),
            new Entry(OpCodes.MAX_POOL_2D, "MAX_POOL_2D", 17, notYet("MAX_POOL_2D")),
            new Entry(OpCodes.MUL, "MUL", 18, notYet("MUL")),
            new Entry(OpCodes.RESHAPE, "RESHAPE", 22, new ReshapePrepare()),
            new Entry(OpCodes.SOFTMAX, "SOFTMAX", 25, notYet("SOFTMAX")),
            new Entry(OpCodes.TANH, "TANH", 28, notYet("TANH")),
            new Entry(OpCodes.PAD, "PAD", 34, new PadPrepare()),
            new Entry(OpCodes.MEAN, "MEAN", 40, new MeanPrepare()),
            new Entry(OpCodes.STRIDED_SLICE, "STRIDED_SLICE", 45, new StridedSlicePrepare()),
            new Entry(OpCodes.PADV2, "PADV2", 60, new PadPrepare()),
            new Entry(OpCodes.QUANTIZE, "QUANTIZE", 114, notYet("QUANTIZE")));

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
