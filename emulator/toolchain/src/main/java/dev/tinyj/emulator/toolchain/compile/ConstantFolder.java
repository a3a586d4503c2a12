package dev.tinyj.emulator.toolchain.compile;

import dev.tinyj.emulator.toolchain.graph.TensorInfo;
import dev.tinyj.emulator.toolchain.prepare.ConstantEval;
import dev.tinyj.emulator.toolchain.prepare.OpContext;
import dev.tinyj.emulator.toolchain.prepare.PrepareException;
import dev.tinyj.emulator.toolchain.tflite.TfliteException;
import dev.tinyj.emulator.toolchain.tflite.TfliteModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Compile-time constant folding (beyond TFLM, which runs these operators at every inference):
 * every operator of subgraph 0 that {@link ConstantEval} evaluates and whose inputs are all
 * constant once the operators before it are folded (SHAPE needs only its input's static shape) is
 * evaluated on the host; its output becomes a constant tensor with a new buffer and the operator
 * leaves the model, so it costs nothing on the device and is not in the image. This turns the
 * Keras reshape pattern {@code SHAPE → STRIDED_SLICE → PACK → RESHAPE} into a RESHAPE with a
 * constant shape, which its prepare folds into the parameter block.
 *
 * <p>An operator is left in place (and reported as usual by the compiler) when it has not exactly
 * one output, its output is a model input or output or written twice, or {@link ConstantEval}
 * refuses it. The remaining operators are renumbered in order; a model with nothing to fold is
 * returned as it is.
 */
public final class ConstantFolder {
    private ConstantFolder() {
    }

    /**
     * The result of folding.
     *
     * @param model the model without the folded operators (the argument itself when none was folded)
     * @param folded the folded operators, {@code operator 12 (SHAPE)}, original indices, in order
     */
    public record Result(TfliteModel model, List<String> folded) {
        /** {@code 3 ops (SHAPE, STRIDED_SLICE, PACK)}: count and distinct names in order, or "none". */
        public String summary() {
            if (folded.isEmpty()) {
                return "none";
            }
            List<String> names = new ArrayList<>();
            for (String f : folded) {
                String n = f.substring(f.indexOf('(') + 1, f.lastIndexOf(')'));
                if (!names.contains(n)) {
                    names.add(n);
                }
            }
            return folded.size() + " op" + (folded.size() == 1 ? "" : "s") + " (" + String.join(", ", names) + ")";
        }
    }

    /** Folds what can be folded in subgraph 0 of {@code model}. */
    public static Result fold(TfliteModel model) {
        TfliteModel.Subgraph sg = model.main();
        boolean[] boundary = new boolean[sg.tensors().size()];
        for (int[] list : new int[][] {sg.inputs(), sg.outputs()}) {
            for (int t : list) {
                if (t >= 0 && t < boundary.length) {
                    boundary[t] = true;
                }
            }
        }
        Map<Integer, byte[]> values = new HashMap<>(); // folded tensor → its bytes
        List<TfliteModel.Operator> kept = new ArrayList<>();
        List<String> folded = new ArrayList<>();
        for (TfliteModel.Operator op : sg.operators()) {
            byte[] out = evaluate(model, op, boundary, values);
            if (out == null) {
                kept.add(op);
            } else {
                values.put(op.outputs()[0], out);
                folded.add("operator " + op.index() + " (" + model.opName(op) + ")");
            }
        }
        if (folded.isEmpty()) {
            return new Result(model, List.of());
        }
        List<TfliteModel.Buffer> buffers = new ArrayList<>(model.buffers());
        if (buffers.isEmpty()) {
            buffers.add(new TfliteModel.Buffer(0, new byte[0], -1)); // the empty sentinel
        }
        List<TfliteModel.Tensor> tensors = new ArrayList<>(sg.tensors());
        for (Map.Entry<Integer, byte[]> e : values.entrySet()) {
            TfliteModel.Tensor t = tensors.get(e.getKey());
            int buffer = buffers.size();
            buffers.add(new TfliteModel.Buffer(buffer, e.getValue(), -1));
            tensors.set(t.index(), new TfliteModel.Tensor(t.index(), t.name(), t.typeCode(), t.type(), t.shape(),
                    buffer, t.quantization(), t.isVariable(), t.position()));
        }
        List<TfliteModel.Operator> ops = new ArrayList<>();
        for (TfliteModel.Operator op : kept) {
            ops.add(new TfliteModel.Operator(op.index(), op.opcodeIndex(), op.inputs(), op.outputs(), op.optionsType(),
                    op.options(), op.position()));
        }
        List<TfliteModel.Subgraph> subgraphs = new ArrayList<>(model.subgraphs());
        subgraphs.set(0, new TfliteModel.Subgraph(sg.name(), List.copyOf(tensors), sg.inputs(), sg.outputs(),
                List.copyOf(ops)));
        TfliteModel out = new TfliteModel(model.name(), model.version(), model.description(), model.operatorCodes(),
                List.copyOf(subgraphs), List.copyOf(buffers));
        return new Result(out, List.copyOf(folded));
    }

    /** Operator {@code op}'s output bytes when it folds, else null. */
    private static byte[] evaluate(TfliteModel model, TfliteModel.Operator op, boolean[] boundary,
            Map<Integer, byte[]> values) {
        TfliteModel.OperatorCode code = model.code(op);
        String name = code.name();
        if (code.isCustom() || !ConstantEval.OPS.contains(name) || op.outputs().length != 1) {
            return null;
        }
        int output = op.outputs()[0];
        if (output < 0 || boundary[output] || values.containsKey(output) || info(model, output, values) == null
                || info(model, output, values).isConstant()) {
            return null;
        }
        List<TensorInfo> in = new ArrayList<>();
        for (int k = 0; k < op.inputs().length; k++) {
            int t = op.inputs()[k];
            TensorInfo i = t < 0 ? null : info(model, t, values);
            if (i == null || ConstantEval.readsData(name, k) && !i.isConstant()) {
                return null;
            }
            in.add(i);
        }
        try {
            return ConstantEval.evaluate(new OpContext(name, op.index(), in, info(model, output, values),
                    op.options()));
        } catch (PrepareException e) {
            return null; // left in place: the compiler reports the operator
        }
    }

    /** Tensor {@code t} with its folded bytes, or null when its type is unknown. */
    private static TensorInfo info(TfliteModel model, int t, Map<Integer, byte[]> values) {
        TensorInfo i;
        try {
            i = model.tensorInfo(t);
        } catch (TfliteException e) {
            return null;
        }
        byte[] v = values.get(t);
        return v == null ? i : new TensorInfo(i.index(), i.name(), i.type(), i.shape(), i.quantization(), v);
    }
}
