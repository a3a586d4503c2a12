package dev.tinyj.emulator.toolchain.ops;

import dev.tinyj.emulator.toolchain.prepare.AbsPrepare;
import dev.tinyj.emulator.toolchain.prepare.AddPrepare;
import dev.tinyj.emulator.toolchain.prepare.ArgMinMaxPrepare;
import dev.tinyj.emulator.toolchain.prepare.AveragePool2DInt16Prepare;
import dev.tinyj.emulator.toolchain.prepare.AveragePool2DPrepare;
import dev.tinyj.emulator.toolchain.prepare.ConcatenationPrepare;
import dev.tinyj.emulator.toolchain.prepare.Conv2DFloatPrepare;
import dev.tinyj.emulator.toolchain.prepare.Conv2DPrepare;
import dev.tinyj.emulator.toolchain.prepare.DepthwiseConv2DFloatPrepare;
import dev.tinyj.emulator.toolchain.prepare.DepthwiseConv2DPrepare;
import dev.tinyj.emulator.toolchain.prepare.DequantizePrepare;
import dev.tinyj.emulator.toolchain.prepare.ExpandDimsPrepare;
import dev.tinyj.emulator.toolchain.prepare.FullyConnectedFloatPrepare;
import dev.tinyj.emulator.toolchain.prepare.Conv2DInt16Prepare;
import dev.tinyj.emulator.toolchain.prepare.DepthwiseConv2DInt16Prepare;
import dev.tinyj.emulator.toolchain.prepare.FullyConnectedInt16Prepare;
import dev.tinyj.emulator.toolchain.prepare.FullyConnectedPrepare;
import dev.tinyj.emulator.toolchain.prepare.GatherPrepare;
import dev.tinyj.emulator.toolchain.prepare.HardSwishPrepare;
import dev.tinyj.emulator.toolchain.prepare.LeakyReluPrepare;
import dev.tinyj.emulator.toolchain.prepare.LogSoftmaxFloatPrepare;
import dev.tinyj.emulator.toolchain.prepare.LogSoftmaxPrepare;
import dev.tinyj.emulator.toolchain.prepare.LogisticPrepare;
import dev.tinyj.emulator.toolchain.prepare.MaxPool2DFloatPrepare;
import dev.tinyj.emulator.toolchain.prepare.MaxPool2DInt16Prepare;
import dev.tinyj.emulator.toolchain.prepare.MaxPool2DPrepare;
import dev.tinyj.emulator.toolchain.prepare.MaximumMinimumPrepare;
import dev.tinyj.emulator.toolchain.prepare.MeanPrepare;
import dev.tinyj.emulator.toolchain.prepare.MirrorPadPrepare;
import dev.tinyj.emulator.toolchain.prepare.MulPrepare;
import dev.tinyj.emulator.toolchain.prepare.NegPrepare;
import dev.tinyj.emulator.toolchain.prepare.OpDeclaration;
import dev.tinyj.emulator.toolchain.prepare.OpPrepare;
import dev.tinyj.emulator.toolchain.prepare.PadPrepare;
import dev.tinyj.emulator.toolchain.prepare.PreluPrepare;
import dev.tinyj.emulator.toolchain.prepare.QuantizeInt16Prepare;
import dev.tinyj.emulator.toolchain.prepare.QuantizePrepare;
import dev.tinyj.emulator.toolchain.prepare.ReduceMinMaxPrepare;
import dev.tinyj.emulator.toolchain.prepare.ReluPrepare;
import dev.tinyj.emulator.toolchain.prepare.ReshapePrepare;
import dev.tinyj.emulator.toolchain.prepare.ResizeBilinearPrepare;
import dev.tinyj.emulator.toolchain.prepare.ResizeNearestNeighborPrepare;
import dev.tinyj.emulator.toolchain.prepare.SoftmaxFloatPrepare;
import dev.tinyj.emulator.toolchain.prepare.SlicePrepare;
import dev.tinyj.emulator.toolchain.prepare.SoftmaxInt16Prepare;
import dev.tinyj.emulator.toolchain.prepare.SoftmaxPrepare;
import dev.tinyj.emulator.toolchain.prepare.SquaredDifferencePrepare;
import dev.tinyj.emulator.toolchain.prepare.SqueezePrepare;
import dev.tinyj.emulator.toolchain.prepare.StridedSlicePrepare;
import dev.tinyj.emulator.toolchain.prepare.SvdfPrepare;
import dev.tinyj.emulator.toolchain.prepare.SubPrepare;
import dev.tinyj.emulator.toolchain.prepare.SpaceBatchPrepare;
import dev.tinyj.emulator.toolchain.prepare.SpaceDepthPrepare;
import dev.tinyj.emulator.toolchain.prepare.StridedSlicePrepare;
import dev.tinyj.emulator.toolchain.prepare.SumPrepare;
import dev.tinyj.emulator.toolchain.prepare.TanhPrepare;
import dev.tinyj.emulator.toolchain.prepare.TransposePrepare;
import dev.tinyj.emulator.toolchain.graph.DType;
import dev.tinyj.emulator.toolchain.prepare.UnidirectionalSequenceLstmPrepare;
import dev.tinyj.runtime.model.ModelImage;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The one table of operators: a runtime op code (the {@code O_CODE} word of an image's op entry,
 * 1..{@link ModelImage#MAX_OP_CODE}) and the operator's {@link OpDeclaration} (prepare step and
 * {@link OpSpec}). Adding an operator is its kernel (device), its prepare with its spec (host), and
 * one line here; the TFLite reader's options, the compiler's operand and in-place rules, the
 * image's operand rule words, the device bridges and op resolvers, MAC counts, panic wording, the
 * docs' operator table and the kernel test harness all read this table. The codes are the
 * device's only op identity: no device class has a constant per operator.
 *
 * <p>A builtin operator may have several entries, one per <b>type variant</b> (its
 * {@link OpSpec#variant()}: the default kernel and e.g. a {@code float32} or {@code int16} one),
 * each with its own code, kernel, prepare and bridge, so a firmware links only the variants its
 * model uses. {@link #select} picks the variant by operand 0's type, as TFLM's kernels switch on
 * {@code input->type} in {@code Eval}. Variants of one operator share its options schema.
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

        /** The name, with the variant for a type variant ({@code CONV_2D_FLOAT32}): unique in the table. */
        public String key() {
            return op.spec().key();
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
            new Entry(25, new LogSoftmaxPrepare()),
            new Entry(26, ReduceMinMaxPrepare.reduceMax()),
            new Entry(27, new HardSwishPrepare()),
            new Entry(28, new SvdfPrepare()),
            new Entry(50, new SubPrepare()),
            new Entry(51, new SqueezePrepare()),
            new Entry(52, MaximumMinimumPrepare.minimum()),
            new Entry(53, MaximumMinimumPrepare.maximum()),
            new Entry(54, new AbsPrepare()),
            new Entry(55, new NegPrepare()),
            new Entry(56, new SquaredDifferencePrepare()),
            new Entry(57, new PreluPrepare()),
            new Entry(60, new SumPrepare()),
            new Entry(61, ReduceMinMaxPrepare.reduceMin()),
            new Entry(62, ArgMinMaxPrepare.argMax()),
            new Entry(63, ArgMinMaxPrepare.argMin()),
            new Entry(64, new SlicePrepare()),
            new Entry(65, SpaceDepthPrepare.spaceToDepth()),
            new Entry(66, SpaceDepthPrepare.depthToSpace()),
            new Entry(67, new MirrorPadPrepare()),
            new Entry(68, new GatherPrepare()),
            new Entry(69, SpaceBatchPrepare.batchToSpace()),
            new Entry(70, SpaceBatchPrepare.spaceToBatch()),
            new Entry(71, new ResizeBilinearPrepare()),
            new Entry(40, new Conv2DInt16Prepare()),
            new Entry(41, new DepthwiseConv2DInt16Prepare()),
            new Entry(42, new FullyConnectedInt16Prepare()),
            new Entry(43, new AveragePool2DInt16Prepare()),
            new Entry(44, new SoftmaxInt16Prepare()),
            new Entry(45, new MaxPool2DInt16Prepare()),
            new Entry(46, new QuantizeInt16Prepare()),
            new Entry(29, new UnidirectionalSequenceLstmPrepare()),
            new Entry(30, new Conv2DFloatPrepare()),
            new Entry(31, new DepthwiseConv2DFloatPrepare()),
            new Entry(32, new FullyConnectedFloatPrepare()),
            new Entry(33, new MaxPool2DFloatPrepare()),
            new Entry(34, new SoftmaxFloatPrepare()),
            new Entry(35, new LogSoftmaxFloatPrepare()));

    static {
        Set<Object> seen = new HashSet<>();
        for (Entry e : ENTRIES) {
            if (e.code() < 1 || e.code() > ModelImage.MAX_OP_CODE || !seen.add(e.code()) || !seen.add(e.key())) {
                throw new ExceptionInInitializerError("OpTable: code " + e.code() + " (" + e.key()
                        + ") is out of range or not unique");
            }
            Entry first = variants(e.builtinCode()).get(0);
            boolean sameOptions = Objects.equals(first.spec().optionsTable(), e.spec().optionsTable())
                    && first.spec().options().equals(e.spec().options()) && first.name().equals(e.name());
            long defaults = variants(e.builtinCode()).stream().filter(v -> v.spec().variant().isEmpty()).count();
            long claims = variants(e.builtinCode()).stream().filter(v -> v != e)
                    .filter(v -> v.spec().inputTypes().stream().anyMatch(e.spec().inputTypes()::contains)).count();
            if (!sameOptions || defaults > 1 || claims > 0) {
                throw new ExceptionInInitializerError("OpTable: the variants of " + e.name()
                        + " must share name and options, have at most one default and disjoint input types");
            }
        }
    }

    private OpTable() {
    }

    /** Every supported operator, by ascending op code. */
    public static List<Entry> entries() {
        return ENTRIES;
    }

    /** The first entry (the default kernel, where there is one) of a TFLite builtin operator name. */
    public static Optional<Entry> byName(String name) {
        return ENTRIES.stream().filter(e -> e.name().equals(name)).findFirst();
    }

    /** The entry with {@link Entry#key()} {@code key} ({@code CONV_2D}, {@code CONV_2D_FLOAT32}). */
    public static Optional<Entry> byKey(String key) {
        return ENTRIES.stream().filter(e -> e.key().equals(key)).findFirst();
    }

    /** Whether TFLite builtin code {@code code} has any entry. */
    public static boolean supports(int builtinCode) {
        return !variants(builtinCode).isEmpty();
    }

    /** Every entry of TFLite builtin code {@code code}, by ascending op code (empty when unsupported). */
    public static List<Entry> variants(int builtinCode) {
        return ENTRIES.stream().filter(e -> e.builtinCode() == builtinCode).toList();
    }

    /**
     * The entry that runs TFLite builtin {@code builtinCode} with operand 0 of type {@code in0}
     * (null when the op has no operand 0 or its type is unknown): the variant naming that type, else
     * the default kernel (whose prepare refuses types it does not take); empty when neither exists.
     */
    public static Optional<Entry> select(int builtinCode, DType in0) {
        List<Entry> vs = variants(builtinCode);
        return vs.stream().filter(e -> in0 != null && e.spec().inputTypes().contains(in0)).findFirst()
                .or(() -> vs.stream().filter(e -> e.spec().variant().isEmpty()).findFirst());
    }

    /**
     * The operand-0 types the variants of {@code builtinCode} name, for refusals ("CONV_2D takes
     * float32 or int16 in its variants"); empty when it has only a default kernel.
     */
    public static Set<DType> variantInputTypes(int builtinCode) {
        Set<DType> types = new TreeSet<>();
        variants(builtinCode).forEach(e -> types.addAll(e.spec().inputTypes()));
        return types;
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
