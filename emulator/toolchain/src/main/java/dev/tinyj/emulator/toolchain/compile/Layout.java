package dev.tinyj.emulator.toolchain.compile;

import dev.tinyj.emulator.toolchain.graph.DType;
import dev.tinyj.emulator.toolchain.prepare.PreparedOp;
import dev.tinyj.emulator.toolchain.tflite.TfliteModel;
import dev.tinyj.emulator.toolchain.ops.InPlaceKind;
import dev.tinyj.emulator.toolchain.ops.OpTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Steps 5 and 6 of {@link ModelCompiler}: gather tensors into groups ({@link InPlaceRules}) and
 * plan the groups and scratch buffers ({@link ArenaPlanner}), choosing where the overlap of
 * windowed operators (rule 3) is used.
 *
 * <p>Rule 3 is not always a gain: a group is one buffer for the union of its members' lifetimes,
 * so chaining overlaps along a run of convolutions makes one long-lived buffer that drifts
 * downwards by each distance and blocks reuse. So it is applied only where it lowers the arena, by two hill climbs:
 * <ol>
 *   <li>Upward: start with rule 3 nowhere (rules 1 and 2 only: the baseline). In operator order,
 *       for each windowed operator where it is off, plan again with it on; keep it on if the
 *       arena shrank. Repeat until a pass keeps nothing (at most {@link #MAX_PASSES} passes).</li>
 *   <li>Downward: start with rule 3 at every windowed operator. In operator order, turn each off
 *       if the arena then shrinks or stays the same (fewer overlaps, same size); repeat likewise.
 *       This finds the gains that need several overlaps at once (a peak spread over several
 *       operators), which single steps up cannot see.</li>
 *   <li>Take the smaller arena; on a tie, the upward result (fewer overlaps).</li>
 * </ol>
 * Never worse than the baseline; deterministic; costs (windowed operators × passes × 2) plans,
 * each a few milliseconds at most. Not optimal: it is a local search.
 */
final class Layout {
    /** Upper bound on step 3's passes. */
    static final int MAX_PASSES = 4;

    private final TfliteModel.Subgraph sg;
    private final int[] opCodes;
    private final PreparedOp[] prepared;
    private final List<TensorPlan> tensors;
    // InPlaceRules takes per-tensor arrays: made once here from the tensors' plans.
    private final boolean[] arena;
    private final DType[] types;
    private final long[] elements;

    /**
     * One candidate layout.
     *
     * @param groups the tensor groups
     * @param inPlace per operator, whether it is a skipped RESHAPE
     * @param requestOf per tensor, its group's request index (roots only), else -1
     * @param scratchBytes per operator, scratch bytes
     * @param scratchRequest per operator, its scratch request index, or -1
     * @param plan the arena plan
     */
    record Result(InPlaceRules groups, boolean[] inPlace, int[] requestOf, int[] scratchBytes, int[] scratchRequest,
            ArenaPlanner.Plan plan) {

        /** Arena byte offset of arena tensor {@code t}: its group's planned offset plus its place in the group. */
        int arenaOffset(int t) {
            int g = groups.root(t);
            return plan.offsets()[requestOf[g]] + (int) groups.offset(t);
        }
    }

    /**
     * @param sg the subgraph (operators' operand indices)
     * @param opCodes per operator, its runtime op code
     * @param prepared per operator, its prepared form
     * @param tensors per tensor, by index, its plan
     */
    Layout(TfliteModel.Subgraph sg, int[] opCodes, PreparedOp[] prepared, List<TensorPlan> tensors) {
        this.sg = sg;
        this.opCodes = opCodes;
        this.prepared = prepared;
        this.tensors = List.copyOf(tensors);
        int n = tensors.size();
        arena = new boolean[n];
        types = new DType[n];
        elements = new long[n];
        for (TensorPlan t : tensors) {
            arena[t.index()] = t.inArena();
            types[t.index()] = t.type();
            elements[t.index()] = t.elements();
        }
    }

    /** The search of the class comment. */
    Result search(String name) throws CompileException {
        Result up = climb(new boolean[opCodes.length], true, name);
        boolean[] all = new boolean[opCodes.length];
        boolean any = false;
        for (int i = 0; i < all.length; i++) {
            all[i] = WindowOverlap.handles(opCodes[i]);
            any |= all[i];
        }
        if (!any) {
            return up;
        }
        Result down = climb(all, false, name);
        return down.plan().arenaBytes() < up.plan().arenaBytes() ? down : up;
    }

    /** One hill climb from {@code overlap}: turning rule 3 on ({@code on}) or off at one operator at a time. */
    private Result climb(boolean[] overlap, boolean on, String name) throws CompileException {
        Result best = layout(overlap, name);
        for (int pass = 0; pass < MAX_PASSES; pass++) {
            boolean kept = false;
            for (int i = 0; i < opCodes.length; i++) {
                if (overlap[i] == on || !WindowOverlap.handles(opCodes[i])) {
                    continue;
                }
                overlap[i] = on;
                Result r = layout(overlap, name);
                int a = r.plan().arenaBytes();
                int b = best.plan().arenaBytes();
                if (on ? a < b : a <= b) {
                    best = r;
                    kept = true;
                } else {
                    overlap[i] = !on;
                }
            }
            if (!kept) {
                break;
            }
        }
        return best;
    }

    /** Groups and plan with rule 3 on at the operators marked in {@code overlap}. */
    Result layout(boolean[] overlap, String name) throws CompileException {
        int nOps = opCodes.length;
        int nTensors = tensors.size();
        InPlaceRules groups = newGroups();
        boolean[] inPlace = new boolean[nOps];
        for (int i = 0; i < nOps; i++) {
            TfliteModel.Operator op = sg.operators().get(i);
            int joined = groups.apply(i, opCodes[i], op.inputs(), op.outputs()[0], arena, types, elements,
                    prepared[i].params(), overlap[i]);
            inPlace[i] = joined >= 0 && OpTable.spec(opCodes[i]).inPlace() == InPlaceKind.ALIAS;
        }
        List<ArenaPlanner.Request> requests = new ArrayList<>();
        int[] requestOf = new int[nTensors];
        Arrays.fill(requestOf, -1);
        for (TensorPlan p : tensors) {
            int t = p.index();
            if (p.inArena() && groups.root(t) == t) {
                if (groups.groupBytes(t) > Integer.MAX_VALUE) {
                    throw new CompileException(name, List.of(sg.tensors().get(t).describe()
                            + ": its arena buffer is too large"));
                }
                requestOf[t] = requests.size();
                requests.add(new ArenaPlanner.Request((int) groups.groupBytes(t), groups.groupFirst(t),
                        groups.groupLast(t)));
            }
        }
        int[] scratchBytes = new int[nOps];
        int[] scratchRequest = new int[nOps];
        for (int i = 0; i < nOps; i++) {
            scratchBytes[i] = prepared[i].scratchBytes();
            scratchRequest[i] = -1;
            if (scratchBytes[i] > 0) {
                scratchRequest[i] = requests.size();
                requests.add(new ArenaPlanner.Request(scratchBytes[i], i, i));
            }
        }
        return new Result(groups, inPlace, requestOf, scratchBytes, scratchRequest, ArenaPlanner.plan(requests));
    }

    /** Every tensor alone in its group (InPlaceRules' per-tensor arrays from the plans). */
    private InPlaceRules newGroups() {
        int n = tensors.size();
        int[] firstUse = new int[n];
        int[] lastUse = new int[n];
        boolean[] modelInput = new boolean[n];
        int[] bytes = new int[n];
        for (TensorPlan t : tensors) {
            firstUse[t.index()] = t.firstUse();
            lastUse[t.index()] = t.lastUse();
            modelInput[t.index()] = t.modelInput();
            bytes[t.index()] = t.bytes();
        }
        return new InPlaceRules(firstUse, lastUse, modelInput, bytes);
    }
}
