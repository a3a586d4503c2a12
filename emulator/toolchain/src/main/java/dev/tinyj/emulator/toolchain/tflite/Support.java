package dev.tinyj.emulator.toolchain.tflite;

import dev.tinyj.emulator.toolchain.graph.DType;
import dev.tinyj.emulator.toolchain.ops.OpSpec;
import dev.tinyj.emulator.toolchain.ops.OpTable;
import dev.tinyj.emulator.toolchain.ops.Operands;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What of a model TinyJ cannot run, one line per finding, so the user sees every gap at once:
 *
 * <ol>
 *   <li>every operator of subgraph 0 whose builtin code is not in {@link OpTable}, and every
 *       custom operator: {@code operator 12 (UNIDIRECTIONAL_SEQUENCE_LSTM): unsupported operator};</li>
 *   <li>every tensor of a supported operator whose type the int8 runtime does not take, named once
 *       at the first operator that uses it: {@code operator 2 (FULLY_CONNECTED): tensor 5 'x'
 *       float32[1,640]: unsupported type float32}. The runtime takes int8, uint8, int16 and int32
 *       tensors; float32 only where it enters through QUANTIZE's input or leaves through
 *       DEQUANTIZE's output (DESIGN: "no float except where a float32 tensor enters or leaves the
 *       model"), and everywhere in an operator run by a float32 type variant of its kernel
 *       ({@link OpTable#select}); int64 only as the bias of an int16 variant. Which of these a
 *       given kernel accepts is its prepare step's business. Each such line ends with what the operator's kernels do take (their
 *       {@link OpSpec#summary()}s), so the user sees the supported alternative.</li>
 * </ol>
 */
public final class Support {
    private static final Set<DType> INTEGER_TYPES = Set.of(DType.INT8, DType.UINT8, DType.INT16, DType.INT32);

    private Support() {
    }

    /** The findings for {@code model}; empty when subgraph 0 is fully supported. */
    public static List<String> unsupported(TfliteModel model) {
        List<String> lines = new ArrayList<>();
        Set<Integer> reported = new HashSet<>();
        for (TfliteModel.Operator op : model.main().operators()) {
            TfliteModel.OperatorCode code = model.code(op);
            String where = "operator " + op.index() + " (" + code.name() + ")";
            if (code.isCustom() || !OpTable.supports(code.builtinCode())) {
                lines.add(where + ": unsupported " + (code.isCustom() ? "custom operator" : "operator"));
                continue;
            }
            int in0 = op.inputs().length == 0 ? -1 : op.inputs()[0];
            DType type = in0 < 0 ? null : model.main().tensors().get(in0).type();
            OpTable.Entry entry = OpTable.select(code.builtinCode(), type).orElse(null);
            if (entry == null) { // only type variants, none for this input type
                lines.add(where + ": " + model.main().tensors().get(in0).describe() + ": unsupported type "
                        + (type == null ? "(unknown)" : type.label()) + alternatives(code.builtinCode()));
                reported.add(in0);
                continue;
            }
            boolean floatKernel = entry.spec().inputTypes().contains(DType.FLOAT32);
            String hint = alternatives(code.builtinCode());
            boolean int64Bias = entry.spec().inputTypes().contains(DType.INT16);
            Operands operands = entry.spec().operands();
            check(model, where, op.inputs(), floatKernel, floatKernel || code.builtinCode() == QUANTIZE,
                    k -> operands.isFolded(k) || int64Bias && k == 2, hint, reported, lines);
            check(model, where, op.outputs(), floatKernel, floatKernel || code.builtinCode() == DEQUANTIZE, k -> false,
                    hint, reported, lines);
        }
        return lines;
    }

    /** {@code " (CONV_2D runs: <summary>; float32: <summary>)"}: what the operator's kernels take. */
    static String alternatives(int builtinCode) {
        List<OpTable.Entry> vs = OpTable.variants(builtinCode);
        StringBuilder sb = new StringBuilder(" (").append(vs.get(0).name()).append(" runs ");
        for (int k = 0; k < vs.size(); k++) {
            OpSpec s = vs.get(k).spec();
            sb.append(k == 0 ? "" : "; ").append(s.variant().isEmpty() ? "" : s.variant() + ": ").append(s.summary());
        }
        return sb.append(')').toString();
    }

    private static final int DEQUANTIZE = OpTable.byName("DEQUANTIZE").orElseThrow().builtinCode();
    private static final int QUANTIZE = OpTable.byName("QUANTIZE").orElseThrow().builtinCode();

    /**
     * Adds a line for each of {@code tensors} of a type the kernel cannot take: integer types
     * always pass (the prepare checks which), int64 too where {@code int64Ok} (a constant index
     * operand prepare folds into the parameter block, such as SLICE's begin and size: the prepare
     * reads it or refuses it; and the bias, operand 2, of an int16 variant: TFLM's 16x8 kernels
     * take an int64 bias), float32 everywhere for a float kernel, else only as the first tensor
     * where {@code floatFirst}.
     */
    private static void check(TfliteModel model, String where, int[] tensors, boolean floatAll, boolean floatFirst,
            java.util.function.IntPredicate int64Ok, String hint, Set<Integer> reported, List<String> lines) {
        for (int k = 0; k < tensors.length; k++) {
            int i = tensors[k];
            if (i < 0) {
                continue;
            }
            TfliteModel.Tensor t = model.main().tensors().get(i);
            boolean ok = t.type() != null && (INTEGER_TYPES.contains(t.type())
                    || t.type() == DType.INT64 && int64Ok.test(k)
                    || t.type() == DType.FLOAT32 && (floatAll || floatFirst && k == 0));
            if (!ok && reported.add(i)) {
                lines.add(where + ": " + t.describe() + ": unsupported type " + t.typeLabel() + hint);
            }
        }
    }
}
