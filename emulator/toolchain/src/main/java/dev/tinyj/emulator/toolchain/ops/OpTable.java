package dev.tinyj.emulator.toolchain.ops;

import dev.tinyj.emulator.toolchain.prepare.AddPrepare;
import dev.tinyj.emulator.toolchain.prepare.AveragePool2DPrepare;
import dev.tinyj.emulator.toolchain.prepare.ConcatenationPrepare;
import dev.tinyj.emulator.toolchain.prepare.Conv2DPrepare;
import dev.tinyj.emulator.toolchain.prepare.DepthwiseConv2DPrepare;
import dev.tinyj.emulator.toolchain.prepare.DequantizePrepare;
import dev.tinyj.emulator.toolchain.prepare.ExpandDimsPrepare;
import dev.tinyj.emulator.toolchain.prepare.FullyConnectedPrepare;
import dev.tinyj.emulator.toolchain.prepare.LeakyReluPrepare;
import dev.tinyj.emulator.toolchain.prepare.LogisticPrepare;
import dev.tinyj.emulator.toolchain.prepare.MaxPool2DPrepare;
import dev.tinyj.emulator.toolchain.prepare.MeanPrepare;
import dev.tinyj.emulator.toolchain.prepare.MulPrepare;
import dev.tinyj.emulator.toolchain.prepare.OpDeclaration;
import dev.tinyj.emulator.toolchain.prepare.OpPrepare;
import dev.tinyj.emulator.toolchain.prepare.PadPrepare;
import dev.tinyj.emulator.toolchain.prepare.QuantizePrepare;
import dev.tinyj.emulator.toolchain.prepare.ReluPrepare;
import dev.tinyj.emulator.toolchain.prepare.ReshapePrepare;
import dev.tinyj.emulator.toolchain.prepare.ResizeNearestNeighborPrepare;
import dev.tinyj.emulator.toolchain.prepare.SoftmaxPrepare;
import dev.tinyj.emulator.toolchain.prepare.StridedSlicePrepare;
import dev.tinyj.emulator.toolchain.prepare.TanhPrepare;
import dev.tinyj.emulator.toolchain.prepare.TransposePrepare;
import dev.tinyj.emulator.toolchain.prepare.UnidirectionalSequenceLstmPrepare;
import dev.tinyj.runtime.model.ModelImage;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The one table of operators: a runtime op code (the {@code O_CODE} word of an image's op entry,
 * 1..{@link ModelImage#MAX_OP_CODE}) and the operator's {@link OpDeclaration} (prepare step and
 * {@link OpSpec}). Adding an operator is its kernel (device), its prepare with its spec (host), and
 * one line here; the TFLite reader's options, the compiler's operand and in-place rules, the
 * image's operand rule words, the device bridges and op resolvers, MAC counts, panic wording, the
 * docs' operator table and the kernel test harness all read this table. The codes are the
 * device's only op identity: no device class has a constant per operator.
 */
public final class OpTable {
    /**
     * One operator.
     *
     * @param code runtime op code
     * @param op its prepare step and declaration
     */
    public record Entry(int code, OpDeclaration op) {
        /** TFLite builtin operator name. */
        public String name() {
            return op.spec().name();
        }

        /** TFLite {@code BuiltinOperator} value. */
        public int builtinCode() {
            return op.spec().builtinCode();
        }

        /** The host prepare step. */
        public OpPrepare prepare() {
            return op;
        }

        /** The declaration. */
        public OpSpec spec() {
            return op.spec();
        }
    }

    private static final List<Entry> ENTRIES = List.of(
            new Entry(1, new AddPrepare()),
            new Entry(2, new AveragePool2DPrepare()),
            new Entry(3, new ConcatenationPrepare()),
            new Entry(4, new Conv2DPrepare()),
            new Entry(5, new DepthwiseConv2DPrepare()),
            new Entry(6, new DequantizePrepare()),
            new Entry(7, new FullyConnectedPrepare()),
            new Entry(8, new LogisticPrepare()),
            new Entry(9, new MaxPool2DPrepare()),
            new Entry(10, new MeanPrepare()),
            new Entry(11, new MulPrepare()),
            new Entry(12, PadPrepare.pad()),
            new Entry(13, PadPrepare.padV2()),
            new Entry(14, new QuantizePrepare()),
            new Entry(15, new ReshapePrepare()),
            new Entry(16, new SoftmaxPrepare()),
            new Entry(17, new StridedSlicePrepare()),
            new Entry(18, new TanhPrepare()),
            new Entry(19, new LeakyReluPrepare()),
            new Entry(20, new TransposePrepare()),
            new Entry(21, new ResizeNearestNeighborPrepare()),
            new Entry(22, ReluPrepare.relu()),
            new Entry(23, ReluPrepare.relu6()),
            new Entry(24, new ExpandDimsPrepare()),
            new Entry(29, new UnidirectionalSequenceLstmPrepare()));

    static {
        Set<Object> seen = new HashSet<>();
        for (Entry e : ENTRIES) {
            if (e.code() < 1 || e.code() > ModelImage.MAX_OP_CODE || !seen.add(e.code()) || !seen.add(e.name())
                    || !seen.add("builtin " + e.builtinCode())) {
                throw new ExceptionInInitializerError("OpTable: code " + e.code() + " (" + e.name()
                        + ") is out of range or not unique");
            }
        }
    }

    private OpTable() {
    }

    /** Every supported operator, by ascending op code. */
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

    /** The runtime op code of TFLite operator {@code name}; an unknown name is a TinyJ bug. */
    public static int code(String name) {
        return byName(name).orElseThrow(() -> new IllegalArgumentException("no operator " + name)).code();
    }

    /** The declaration of runtime op code {@code code}; an unknown code is a TinyJ bug. */
    public static OpSpec spec(int code) {
        return byCode(code).orElseThrow(() -> new IllegalArgumentException("no op code " + code)).spec();
    }
}
