package dev.tinyj.emulator.toolchain.compile;

import dev.tinyj.emulator.toolchain.ops.OpTable;
import dev.tinyj.emulator.toolchain.ops.Operands;
import dev.tinyj.emulator.toolchain.tflite.TfliteModel;
import java.util.List;

/**
 * Variable tensors (TFLite {@code is_variable}: SVDF's activation state, LSTM's output and cell
 * state), as {@link ModelCompiler} handles them.
 *
 * <p>What TFLM does (tflite-micro 90b983c2b3f1480642e040bbd2ddb37b998f3424):
 * {@code MicroAllocator::AllocateVariables} gives each one its own buffer from the persistent
 * (tail) allocator, outside the memory planner ({@code micro_allocation_info.cc} marks them
 * {@code needs_allocating = false}); {@code MicroInterpreter::AllocateTensors} ends with
 * {@code Reset()}, whose {@code ResetTensorData} memsets an INT8 variable to its zero point and
 * any other to 0; the kernel that owns it reads and writes it in place at every {@code Invoke}.
 *
 * <p>What TinyJ does:
 * <ol>
 *   <li><b>Rules</b> ({@link #operatorProblems}, {@link #modelProblems}): a tensor is at an
 *       operator's state position ({@link Operands#state()}) exactly when it is a variable (the
 *       kernel that owns it is the only one that reads or writes it: its bridge passes the arena
 *       straight, and the device validator checks the same rule); a variable is never written as
 *       an operator's output, nor a model input or output. TFLM checks only the first half
 *       ({@code activation_state->is_variable} in {@code PrepareSvdf}); no converter writes a
 *       model that breaks the rest.</li>
 *   <li><b>Placement</b>: a variable some kernel reads is {@link Placement#VARIABLE}; it takes no
 *       part in the arena planner or the in-place rules (never shared with another buffer).</li>
 *   <li><b>Persistent region</b> ({@link #place}): after the planned (reused) region, the
 *       variables in tensor-index order, each at an offset aligned to
 *       {@link ArenaPlanner#ALIGNMENT}; the arena is the planned bytes plus this region
 *       ({@link CompiledModel#persistentBytes()}).</li>
 *   <li><b>Reset</b>: on the device, {@code ModelRunner.resetVariables} in {@code setup()}, as
 *       TFLM's {@code ResetTensorData}; the state then carries over between inferences.</li>
 * </ol>
 */
final class VariableTensors {
    private VariableTensors() {
    }

    /**
     * Step 1 for operator {@code i} (already prepared: its op code is known): every state operand a
     * variable tensor, and every variable operand a state operand. Adds one line per problem.
     */
    static void operatorProblems(TfliteModel model, int i, int opCode, TensorUse[] uses, String where,
            List<String> problems) {
        TfliteModel.Operator op = model.main().operators().get(i);
        Operands operands = OpTable.spec(opCode).operands();
        for (int k = 0; k < op.inputs().length; k++) {
            int t = op.inputs()[k];
            if (t < 0 || operands.isState(k) == uses[t].variable()) {
                continue;
            }
            String tensor = model.main().tensors().get(t).describe();
            problems.add(where + ": input " + k + " " + tensor + (operands.isState(k)
                    ? " is the operator's state, which must be a variable tensor (is_variable)"
                    : " is a variable tensor (is_variable), which only a stateful operator's state input may be"));
        }
    }

    /** Step 1 for the model: no variable tensor is a model input or output, or an operator's output. */
    static void modelProblems(TfliteModel model, TensorUse[] uses, List<String> problems) {
        for (int t = 0; t < uses.length; t++) {
            TensorUse u = uses[t];
            if (!u.variable()) {
                continue;
            }
            String what = model.main().tensors().get(t).describe() + " is a variable tensor (is_variable)";
            if (u.writer() >= 0) {
                problems.add("operator " + u.writer() + " (" + model.opName(model.main().operators().get(u.writer()))
                        + "): writes " + what + " as its output; only a kernel's state operand may write one");
            }
            if (u.modelInput() || u.modelOutput()) {
                problems.add(what + " and a model " + (u.modelInput() ? "input" : "output")
                        + "; TinyJ keeps variables in the arena's persistent region, outside the model's I/O");
            }
        }
    }

    /**
     * Step 3: the arena offset of every VARIABLE tensor, the persistent region starting at
     * {@code plannedBytes} (a multiple of {@link ArenaPlanner#ALIGNMENT}); -1 for the others.
     *
     * @return per tensor, its offset; the region's end is the arena size
     */
    static int[] place(List<TensorPlan> plans, int plannedBytes, String name) throws CompileException {
        int[] offsets = new int[plans.size()];
        long at = plannedBytes;
        for (TensorPlan p : plans) {
            offsets[p.index()] = -1;
            if (p.placement() == Placement.VARIABLE) {
                offsets[p.index()] = (int) at;
                at = ArenaPlanner.align(at + p.bytes());
                if (at > Integer.MAX_VALUE) {
                    throw new CompileException(name, List.of("the variable tensors do not fit in an arena of "
                            + Integer.MAX_VALUE + " bytes"));
                }
            }
        }
        return offsets;
    }

    /** The persistent region's size: the variables' bytes, each rounded up to {@link ArenaPlanner#ALIGNMENT}. */
    static int regionBytes(List<CompiledTensor> tensors) {
        long n = 0;
        for (CompiledTensor t : tensors) {
            if (t.placement() == Placement.VARIABLE) {
                n += ArenaPlanner.align(t.bytes());
            }
        }
        return (int) n;
    }
}
