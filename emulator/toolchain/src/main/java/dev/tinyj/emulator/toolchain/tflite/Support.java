package dev.tinyj.emulator.toolchain.tflite;

import dev.tinyj.emulator.toolchain.graph.DType;
import dev.tinyj.emulator.toolchain.ops.OpTable;
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
 *       model"). Which of these a given kernel accepts is its prepare step's business.</li>
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
            if (code.isCustom() || OpTable.byBuiltinCode(code.builtinCode()).isEmpty()) {
                lines.add(where + ": unsupported " + (code.isCustom() ? "custom operator" : "operator"));
                continue;
            }
            check(model, where, op.inputs(), code.builtinCode() == QUANTIZE, reported, lines);
            check(model, where, op.outputs(), code.builtinCode() == DEQUANTIZE, reported, lines);
        }
        return lines;
    }

    private static final int DEQUANTIZE = OpTable.byName("DEQUANTIZE").orElseThrow().builtinCode();
    private static final int QUANTIZE = OpTable.byName("QUANTIZE").orElseThrow().builtinCode();

    private static void check(TfliteModel model, String where, int[] tensors, boolean floatFirst, Set<Integer> reported,
            List<String> lines) {
        for (int k = 0; k < tensors.length; k++) {
            int i = tensors[k];
            if (i < 0) {
                continue;
            }
            TfliteModel.Tensor t = model.main().tensors().get(i);
            boolean ok = t.type() != null
                    && (INTEGER_TYPES.contains(t.type()) || t.type() == DType.FLOAT32 && floatFirst && k == 0);
            if (!ok && reported.add(i)) {
                lines.add(where + ": " + t.describe() + ": unsupported type " + t.typeLabel());
            }
        }
    }
}
