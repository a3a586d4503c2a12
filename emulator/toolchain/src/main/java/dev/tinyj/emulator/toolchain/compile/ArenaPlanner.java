package dev.tinyj.emulator.toolchain.compile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The arena planner: gives every buffer (a tensor, a group of tensors sharing bytes, a scratch
 * buffer) a byte offset in one arena so that no two buffers alive at the same operator share a
 * byte. It follows the idea of TFLM's {@code GreedyMemoryPlanner}
 * ({@code tensorflow/lite/micro/memory_planner/greedy_memory_planner.h}, tflite-micro
 * 90b983c2b3f1480642e040bbd2ddb37b998f3424): greedy by size, first fit in offset order.
 *
 * <p>Lifetimes are closed intervals of operator indices {@code [first, last]}: a buffer is alive
 * at operator {@code t} when {@code first <= t <= last}. A model input has {@code first = -1}
 * (written before operator 0), a model output {@code last = ops} (read after the last operator).
 * An operator's inputs and its output are alive at that operator together, so an output never
 * shares bytes with an input unless the caller merged them into one buffer (in-place reuse).
 *
 * <p>The algorithm:
 * <ol>
 *   <li>Order the buffers by size in bytes, largest first; equal sizes by first use, then by
 *       request index (so the plan is a function of the requests alone).</li>
 *   <li>For each buffer in that order, collect the already placed buffers whose lifetimes
 *       intersect its own, sorted by offset (then by end).</li>
 *   <li>Start at offset 0. Walk the collected buffers in offset order: if the buffer fits in the
 *       gap before the next one ({@code candidate + size <= next.offset}), stop; otherwise move the
 *       candidate to the next one's end rounded up to {@link #ALIGNMENT}, if that is further.</li>
 *   <li>Place the buffer at the candidate. The arena size is the largest end
 *       ({@code offset + size}) over all buffers, rounded up to {@link #ALIGNMENT}.</li>
 * </ol>
 *
 * <p>Limits, said plainly: greedy is not optimal (placement is NP-hard in general); it takes no
 * account of how long a buffer lives, only of its size, so a large short-lived buffer can pin a
 * hole that smaller long-lived ones cannot use. It is exact in one case: when all buffers have
 * the same size it is first-fit in order of first use on an interval graph, which uses exactly
 * as many slots as the largest number of buffers alive at one time. Cost is O(n² log n) for n
 * buffers (fine for the hundreds of tensors of a microcontroller model). A zero-byte buffer is
 * placed at offset 0 and occupies nothing.
 */
public final class ArenaPlanner {
    /**
     * Offset alignment, bytes. 4, not TFLM's 16: the arena holds int8 data (byte loads need no
     * alignment) and int32/float32 tensors (bias-sized, QUANTIZE/DEQUANTIZE float ends) that a
     * Cortex-M4 reads with one {@code LDR}, which needs word alignment to stay a single access
     * (and to be legal at all on Cortex-M0). 16 bytes in TFLM serves SIMD and
     * {@code alignas(16)} host allocators, which the TinyJ runtime does not use.
     */
    public static final int ALIGNMENT = 4;

    /**
     * One buffer to place.
     *
     * @param bytes size in bytes (≥ 0)
     * @param first first operator index at which it is alive (-1 = before operator 0)
     * @param last last operator index at which it is alive (≥ first)
     */
    public record Request(int bytes, int first, int last) {
        public Request {
            if (bytes < 0 || last < first) {
                throw new IllegalArgumentException("bad buffer request: " + bytes + " bytes, alive " + first + ".."
                        + last);
            }
        }

        /** Whether both are alive at some operator. */
        public boolean overlapsInTime(Request o) {
            return first <= o.last && o.first <= last;
        }
    }

    /**
     * A plan.
     *
     * @param offsets byte offset of each request, in request order (multiples of {@link #ALIGNMENT})
     * @param arenaBytes arena size in bytes: the largest {@code offset + bytes}, rounded up to
     *     {@link #ALIGNMENT} (0 for no requests)
     */
    public record Plan(int[] offsets, int arenaBytes) {
    }

    private ArenaPlanner() {
    }

    /** Plans {@code requests} as the class comment describes. */
    public static Plan plan(List<Request> requests) {
        int n = requests.size();
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.<Integer>comparingInt(i -> -requests.get(i).bytes())
                .thenComparingInt(i -> requests.get(i).first()).thenComparingInt(i -> i));
        int[] offsets = new int[n];
        Arrays.fill(offsets, -1);
        List<Integer> placed = new ArrayList<>();
        long high = 0;
        for (int i : order) {
            Request r = requests.get(i);
            offsets[i] = r.bytes() == 0 ? 0 : firstFit(r, placed, requests, offsets);
            if (r.bytes() > 0) {
                placed.add(i);
            }
            high = Math.max(high, (long) offsets[i] + r.bytes());
        }
        long arena = align(high);
        if (arena > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("arena of " + arena + " bytes does not fit in an int");
        }
        return new Plan(offsets, (int) arena);
    }

    /** Steps 2 and 3: the lowest aligned offset where {@code r} fits among the placed buffers alive with it. */
    private static int firstFit(Request r, List<Integer> placed, List<Request> requests, int[] offsets) {
        List<Integer> alive = new ArrayList<>();
        for (int j : placed) {
            if (requests.get(j).overlapsInTime(r)) {
                alive.add(j);
            }
        }
        alive.sort(Comparator.<Integer>comparingInt(j -> offsets[j])
                .thenComparingLong(j -> (long) offsets[j] + requests.get(j).bytes()));
        long candidate = 0;
        for (int j : alive) {
            if (candidate + r.bytes() <= offsets[j]) {
                break;
            }
            candidate = Math.max(candidate, align((long) offsets[j] + requests.get(j).bytes()));
        }
        if (candidate > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("arena offset " + candidate + " does not fit in an int");
        }
        return (int) candidate;
    }

    /** {@code v} rounded up to {@link #ALIGNMENT}. */
    public static long align(long v) {
        return (v + ALIGNMENT - 1) / ALIGNMENT * ALIGNMENT;
    }
}
