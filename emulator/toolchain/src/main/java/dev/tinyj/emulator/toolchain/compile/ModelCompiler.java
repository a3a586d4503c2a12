package dev.tinyj.emulator.toolchain.compile;

import dev.tinyj.emulator.toolchain.graph.DType;
import dev.tinyj.emulator.toolchain.graph.TensorInfo;
import dev.tinyj.emulator.toolchain.ops.OpTable;
import dev.tinyj.emulator.toolchain.ops.Operands;
import dev.tinyj.emulator.toolchain.prepare.OpContext;
import dev.tinyj.emulator.toolchain.prepare.PrepareException;
import dev.tinyj.emulator.toolchain.prepare.PreparedOp;
import dev.tinyj.emulator.toolchain.tflite.TfliteException;
import dev.tinyj.emulator.toolchain.tflite.TfliteModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The ahead-of-time model compiler: from a read {@code .tflite} model to a {@link CompiledModel}
 * (every operator prepared, every tensor placed, the arena planned). Steps:
 *
 * <ol>
 *   <li><b>Folding.</b> {@link ConstantFolder} evaluates the shape operators whose inputs are all
 *       constant (SHAPE, STRIDED_SLICE and PACK on int32) and removes them; the steps below see the
 *       model without them, with operators renumbered.</li>
 *   <li><b>Support.</b> Every line of {@link TfliteModel#unsupported()} is a problem.</li>
 *   <li><b>Prepare.</b> Each supported operator, in execution order, is looked up in
 *       {@link OpTable} and prepared with {@link TfliteModel#context(int)}; a
 *       {@link PrepareException} is a problem (its message names operator and tensor). The prepared
 *       output shape is compared with the declared one: prepare steps that follow TFLM in keeping
 *       the declared spatial shape report it, so a difference is a real disagreement (the one
 *       accepted difference is RESHAPE's legacy scalar, declared {@code [0]}, prepared {@code []}).
 *       All problems are collected; if any, a {@link CompileException} lists them all.</li>
 *   <li><b>Placement.</b> A constant that some kernel reads: {@link Placement#FLASH}, with its
 *       bytes. Constant index operands that prepare folds into the parameter block (RESHAPE's
 *       shape, PAD's paddings, MEAN's axis, STRIDED_SLICE's begin/end/strides) are not read by any
 *       kernel: {@link Placement#ABSENT} unless another operator reads them. A variable tensor
 *       (an operator's state, {@link VariableTensors}) that a kernel reads:
 *       {@link Placement#VARIABLE}. Model inputs and outputs and every tensor an operator writes:
 *       {@link Placement#ARENA}. The rest: ABSENT.</li>
 *   <li><b>Lifetimes</b> (operator indices, closed): a model input from -1, a model output to
 *       {@code ops}; otherwise from the operator that writes the tensor to the last operator that
 *       reads it (the writer itself when nobody reads it).</li>
 *   <li><b>In-place reuse</b> as {@link InPlaceRules} describes (RESHAPE aliases; element-wise
 *       int8 operators may write over a dying same-size input).</li>
 *   <li><b>Plan.</b> One {@link ArenaPlanner.Request} per group of tensors sharing bytes, plus one
 *       per operator scratch buffer (alive at that operator only); a member's offset is its
 *       group's.</li>
 *   <li><b>Persistent region.</b> The VARIABLE tensors after the planned bytes, each alone
 *       ({@link VariableTensors#place}); the arena is both.</li>
 * </ol>
 */
public final class ModelCompiler {

    private ModelCompiler() {
    }

    /**
     * A compiled model with what {@link CompiledModel} does not carry.
     *
     * @param model the compiled model
     * @param scratchOffsets per operator, the arena offset of its scratch buffer in bytes, or -1 for none
     * @param scratchBytes per operator, its scratch buffer size in bytes (0 for none)
     */
    public record Compilation(CompiledModel model, int[] scratchOffsets, int[] scratchBytes) {
    }

    /**
     * Compiles subgraph 0 of {@code model}.
     *
     * @param name model name for the result and for messages
     * @throws CompileException listing every unsupported operator or type and every prepare failure
     */
    public static CompiledModel compile(TfliteModel model, String name) throws CompileException {
        return compileDetailed(model, name).model();
    }

    /** {@link #compile}, with the scratch buffer plan. */
    public static Compilation compileDetailed(TfliteModel source, String name) throws CompileException {
        ConstantFolder.Result folding = ConstantFolder.fold(source);
        TfliteModel model = folding.model();
        TfliteModel.Subgraph sg = model.main();
        int nOps = sg.operators().size();
        int nTensors = sg.tensors().size();
        List<String> problems = new ArrayList<>(model.unsupported());
        PreparedOp[] prepared = new PreparedOp[nOps];
        int[] opCodes = new int[nOps];
        for (int i = 0; i < nOps; i++) {
            prepared[i] = prepare(model, i, opCodes, problems);
        }

        TensorUse[] uses = initialUses(model, nTensors);
        for (int i = 0; i < nOps; i++) {
            TfliteModel.Operator op = sg.operators().get(i);
            String where = "operator " + op.index() + " (" + model.opName(op) + ")";
            if (prepared[i] != null) {
                for (int t : op.inputs()) {
                    if (t >= 0 && !uses[t].constant() && !uses[t].variable() && !uses[t].modelInput()
                            && uses[t].writer() < 0) {
                        problems.add(where + ": reads " + sg.tensors().get(t).describe()
                                + " before any operator writes it");
                    }
                }
            }
            for (int t : op.outputs()) {
                if (t < 0) {
                    continue;
                }
                TensorUse u = uses[t];
                if (u.writer() >= 0 || u.modelInput() || u.constant()) {
                    problems.add(where + ": writes " + sg.tensors().get(t).describe() + ", which is already "
                            + (u.writer() >= 0 ? "written by operator " + u.writer()
                            : u.modelInput() ? "a model input" : "a constant"));
                } else {
                    uses[t] = u.writtenBy(i);
                }
            }
            if (prepared[i] == null) {
                continue; // unsupported or refused: already a problem, its operands are not analysed
            }
            VariableTensors.operatorProblems(model, i, opCodes[i], uses, where, problems);
            Operands operands = OpTable.spec(opCodes[i]).operands(); // folded operands: no kernel reads them
            for (int k = 0; k < op.inputs().length; k++) {
                int t = op.inputs()[k];
                if (t >= 0 && !operands.isFolded(k)) {
                    uses[t] = uses[t].readBy(i);
                }
            }
        }
        VariableTensors.modelProblems(model, uses, problems);
        for (int t = 0; t < nTensors; t++) {
            if (uses[t].readButNeverWritten()) {
                int reader = uses[t].lastRead();
                problems.add("operator " + reader + " (" + model.opName(sg.operators().get(reader)) + "): "
                        + sg.tensors().get(t).describe() + " is read but is neither a constant, a model input, nor"
                        + " written by an operator");
            }
        }
        if (!problems.isEmpty()) {
            throw new CompileException(name, inOperatorOrder(problems));
        }
        List<TensorPlan> plans = new ArrayList<>(nTensors);
        for (int t = 0; t < nTensors; t++) {
            plans.add(plan(model, name, t, uses[t], prepared, nOps));
        }

        Layout layout = new Layout(sg, opCodes, prepared, plans);
        Layout.Result best = layout.search(name);
        InPlaceRules groups = best.groups();
        boolean[] inPlace = best.inPlace();
        int[] scratchBytes = best.scratchBytes();
        int[] scratchRequest = best.scratchRequest();
        ArenaPlanner.Plan plan = best.plan();
        int[] variableOffsets = VariableTensors.place(plans, plan.arenaBytes(), name);

        List<CompiledTensor> tensors = new ArrayList<>(nTensors);
        for (TensorPlan p : plans) {
            int t = p.index();
            TfliteModel.Tensor raw = sg.tensors().get(t);
            int g = p.inArena() ? groups.root(t) : -1;
            int offset = p.inArena() ? best.arenaOffset(t) : variableOffsets[t];
            tensors.add(new CompiledTensor(t, raw.name(), p.type(), p.shape(), raw.quantization(), p.placement(),
                    offset, p.bytes(), p.data(), p.firstUse(), p.lastUse(), g >= 0 && g != t ? g : -1));
        }
        List<CompiledOp> ops = new ArrayList<>(nOps);
        int[] scratchOffsets = new int[nOps];
        for (int i = 0; i < nOps; i++) {
            TfliteModel.Operator op = sg.operators().get(i);
            ops.add(new CompiledOp(i, opCodes[i], model.opName(op), prepared[i].params(), op.inputs().clone(),
                    op.outputs()[0], inPlace[i], op.index()));
            scratchOffsets[i] = scratchRequest[i] < 0 ? -1 : plan.offsets()[scratchRequest[i]];
        }
        int arenaBytes = plan.arenaBytes() + VariableTensors.regionBytes(tensors);
        CompiledModel compiled = new CompiledModel(name, List.copyOf(tensors), List.copyOf(ops), sg.inputs().clone(),
                sg.outputs().clone(), arenaBytes, folding);
        return new Compilation(compiled, scratchOffsets, scratchBytes);
    }

    /**
     * Every tensor's use before the walk: whether it holds constant data (a readable type and a
     * non-empty buffer), is a variable, is a model input, is a model output.
     */
    private static TensorUse[] initialUses(TfliteModel model, int nTensors) {
        boolean[] modelInput = mark(nTensors, model.main().inputs());
        boolean[] modelOutput = mark(nTensors, model.main().outputs());
        TensorUse[] uses = new TensorUse[nTensors];
        for (int t = 0; t < nTensors; t++) {
            TensorInfo info = model.main().tensors().get(t).type() == null ? null : tensorInfo(model, t);
            uses[t] = TensorUse.of(info != null && info.isConstant(), model.main().tensors().get(t).isVariable(),
                    modelInput[t], modelOutput[t]);
        }
        return uses;
    }

    /**
     * Tensor {@code t}'s plan once the walk found no problem: the prepared output shape when an
     * operator writes it, its size, placement, flash bytes and lifetime.
     *
     * @throws CompileException when its size does not fit in an int
     */
    private static TensorPlan plan(TfliteModel model, String name, int t, TensorUse use, PreparedOp[] prepared,
            int nOps) throws CompileException {
        TfliteModel.Tensor raw = model.main().tensors().get(t);
        int[] shape = use.writer() >= 0 ? prepared[use.writer()].outputShape().clone() : raw.shape().clone();
        long elements = flatSize(shape);
        long bytes = raw.type() == null ? 0 : elements * raw.type().bytes();
        if (bytes > Integer.MAX_VALUE) {
            throw new CompileException(name, List.of(raw.describe() + ": " + bytes + " bytes is too large"));
        }
        Placement placement = use.placement();
        byte[] data = placement == Placement.FLASH ? tensorInfo(model, t).data().clone() : null;
        return new TensorPlan(t, raw.type(), shape, elements, (int) bytes, placement, data, use.firstUse(),
                use.lastUse(nOps), use.modelInput());
    }

    /** Step 2 for operator {@code i}: its prepared form, or null after adding a problem. */
    private static PreparedOp prepare(TfliteModel model, int i, int[] opCodes, List<String> problems) {
        TfliteModel.Operator op = model.main().operators().get(i);
        TfliteModel.OperatorCode code = model.code(op);
        if (code.isCustom()) {
            return null;
        }
        OpTable.Entry entry = OpTable.select(code.builtinCode(), inputType(model, op)).orElse(null);
        if (entry == null) {
            return null;
        }
        opCodes[i] = entry.code();
        String where = "operator " + op.index() + " (" + entry.name() + ")";
        if (op.outputs().length != 1 || op.outputs()[0] < 0) {
            problems.add(where + ": expected 1 output tensor, got " + Arrays.toString(op.outputs()).replace(" ", ""));
            return null;
        }
        if (!operandsPresent(model, i, entry, where, problems)) {
            return null;
        }
        OpContext ctx;
        try {
            ctx = model.context(i);
        } catch (TfliteException e) {
            problems.add(where + ": " + e.detail());
            return null;
        }
        PreparedOp p;
        try {
            p = entry.prepare().prepare(ctx);
        } catch (PrepareException e) {
            problems.add(e.getMessage());
            return null;
        }
        int[] declared = ctx.output().shape();
        boolean legacyScalar = entry.name().equals("RESHAPE") && Arrays.equals(declared, new int[] {0})
                && p.outputShape().length == 0;
        if (!Arrays.equals(declared, p.outputShape()) && !legacyScalar) {
            problems.add(where + ": output " + ctx.output().describe() + " is declared with shape "
                    + Arrays.toString(declared).replace(" ", "") + " but the operator produces "
                    + Arrays.toString(p.outputShape()).replace(" ", ""));
            return null;
        }
        return p;
    }

    /** The type of {@code op}'s operand 0, or null when it has none (or names no tensor). */
    static DType inputType(TfliteModel model, TfliteModel.Operator op) {
        int t = op.inputs().length == 0 ? -1 : op.inputs()[0];
        return t < 0 || t >= model.main().tensors().size() ? null : model.main().tensors().get(t).type();
    }

    /**
     * Checks what prepare steps take for granted: every required operand present, and every operand
     * and the output with positive dimensions (a 0 or negative dimension is refused: no kernel runs
     * on empty tensors). RESHAPE's legacy scalar output shape {@code [0]} is allowed.
     */
    private static boolean operandsPresent(TfliteModel model, int i, OpTable.Entry entry, String where,
            List<String> problems) {
        TfliteModel.Operator op = model.main().operators().get(i);
        boolean ok = true;
        Operands operands = entry.spec().operands(); // which operands may be absent (-1): the declared optional ones
        int nTensors = model.main().tensors().size();
        for (int k = 0; k < op.inputs().length; k++) {
            int t = op.inputs()[k];
            if (t < 0 && !operands.isOptional(k)) {
                problems.add(where + ": input " + k + " is required but absent (-1)");
                ok = false;
            } else if (t >= nTensors) {
                problems.add(where + ": input " + k + " names tensor " + t + ", but the subgraph has " + nTensors);
                ok = false;
            } else if (t >= 0 && !positiveDims(model.main().tensors().get(t).shape())) {
                problems.add(where + ": input " + k + " " + model.main().tensors().get(t).describe()
                        + " has a zero or negative dimension");
                ok = false;
            }
        }
        for (int t : op.inputs()) {
            String q = t >= 0 && t < nTensors ? quantizationProblem(model, t) : null;
            if (q != null) {
                problems.add(where + ": " + q);
                ok = false;
            }
        }
        int out = op.outputs()[0];
        String outQ = out < nTensors ? quantizationProblem(model, out) : null;
        if (outQ != null) {
            problems.add(where + ": " + outQ);
            ok = false;
        }
        int[] outShape = model.main().tensors().get(out).shape();
        boolean legacyScalar = entry.name().equals("RESHAPE") && Arrays.equals(outShape, new int[] {0});
        if (!legacyScalar && !positiveDims(outShape)) {
            problems.add(where + ": output " + model.main().tensors().get(out).describe()
                    + " has a zero or negative dimension");
            ok = false;
        }
        return ok;
    }

    /**
     * What no TFLite converter writes and no kernel can run: a scale that is NaN or infinite; a
     * zero or negative scale on an activation; an int8 zero point outside [−128, 127]. Null when
     * the tensor's quantization is sane (or absent). A negative scale on a constant (per-channel
     * weights and their bias, as MCUNet's converter writes) is accepted as TFLM accepts it:
     * {@code PopulateConvolutionQuantizationParams} (tflite-micro 90b983c2b3f1480642e040bbd2ddb37b998f3424
     * {@code kernels/kernel_util.cc}) passes the negative effective scale to
     * {@code QuantizeMultiplier}, which gives a negative multiplier ({@link
     * dev.tinyj.emulator.toolchain.prepare.QuantizedMultiplier#of}), and the kernel's
     * {@code MultiplyByQuantizedMultiplier} negates the channel with it.
     */
    private static String quantizationProblem(TfliteModel model, int t) {
        TfliteModel.Tensor tensor = model.main().tensors().get(t);
        var q = tensor.quantization();
        if (q == null) {
            return null;
        }
        boolean constant = tensor.buffer() > 0 && tensor.buffer() < model.buffers().size()
                && model.buffers().get(tensor.buffer()).data().length > 0;
        for (float scale : q.scale()) {
            if (!Float.isFinite(scale) || scale <= 0 && !constant) {
                return tensor.describe() + " has quantization scale " + scale
                        + (constant ? "" : " (an activation needs a finite positive scale)");
            }
        }
        if (tensor.type() == dev.tinyj.emulator.toolchain.graph.DType.INT8) {
            for (long zp : q.zeroPoint()) {
                if (zp < -128 || zp > 127) {
                    return tensor.describe() + " has zero point " + zp + ", outside int8's [-128, 127]";
                }
            }
        }
        return null;
    }

    private static boolean positiveDims(int[] shape) {
        for (int d : shape) {
            if (d <= 0) {
                return false;
            }
        }
        return true;
    }

    /** {@code problems} stably sorted by the operator index they start with ({@code operator 12 (...)}). */
    private static List<String> inOperatorOrder(List<String> problems) {
        List<String> sorted = new ArrayList<>(problems);
        sorted.sort(java.util.Comparator.comparingLong(ModelCompiler::operatorOf));
        return sorted;
    }

    private static long operatorOf(String problem) {
        java.util.regex.Matcher m = OPERATOR.matcher(problem);
        return m.lookingAt() ? Long.parseLong(m.group(1)) : Long.MAX_VALUE;
    }

    private static final java.util.regex.Pattern OPERATOR = java.util.regex.Pattern.compile("operator (\\d+) ");

    private static TensorInfo tensorInfo(TfliteModel model, int t) {
        try {
            return model.tensorInfo(t);
        } catch (TfliteException e) {
            return null;
        }
    }

    private static boolean[] mark(int n, int[] indices) {
        boolean[] m = new boolean[n];
        for (int i : indices) {
            if (i >= 0) {
                m[i] = true;
            }
        }
        return m;
    }

    private static long flatSize(int[] shape) {
        long n = 1;
        for (int d : shape) {
            n *= Math.max(d, 0);
        }
        return n;
    }
}
