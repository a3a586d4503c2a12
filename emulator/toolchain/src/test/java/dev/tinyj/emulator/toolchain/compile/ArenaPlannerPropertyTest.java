package dev.tinyj.emulator.toolchain.compile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tinyj.emulator.toolchain.compile.ArenaPlanner.Request;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The greedy planner on random lifetimes and sizes: no two buffers alive together share a byte,
 * offsets aligned, the plan is a function of the requests, it is at least the largest live total
 * and at most the sum of aligned sizes, and with all sizes equal it is exactly the largest number
 * of buffers alive at once × the aligned size (first fit in start order on an interval graph).
 */
class ArenaPlannerPropertyTest {
    static List<Request> random(long seed, int n, int ops, boolean equalSizes) {
        Random r = new Random(seed);
        int size = 1 + r.nextInt(300);
        List<Request> q = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int first = r.nextInt(ops + 1) - 1;
            int last = first + r.nextInt(Math.max(1, ops - first));
            q.add(new Request(equalSizes ? size : r.nextInt(5) == 0 ? 0 : 1 + r.nextInt(2000), first, last));
        }
        return q;
    }

    /** The largest total of (raw) bytes alive at one operator. */
    static long maxLiveBytes(List<Request> q, int ops) {
        long best = 0;
        for (int t = -1; t <= ops; t++) {
            long live = 0;
            for (Request r : q) {
                if (r.first() <= t && t <= r.last()) {
                    live += r.bytes();
                }
            }
            best = Math.max(best, live);
        }
        return best;
    }

    static int maxLiveCount(List<Request> q, int ops) {
        int best = 0;
        for (int t = -1; t <= ops; t++) {
            int live = 0;
            for (Request r : q) {
                if (r.first() <= t && t <= r.last()) {
                    live++;
                }
            }
            best = Math.max(best, live);
        }
        return best;
    }

    @Property
    void plansAreValidDeterministicAndBounded(@ForAll long seed, @ForAll @IntRange(min = 0, max = 60) int n,
            @ForAll @IntRange(min = 1, max = 30) int ops) {
        List<Request> q = random(seed, n, ops, false);
        ArenaPlanner.Plan p = ArenaPlanner.plan(q);
        long sum = 0;
        for (int i = 0; i < n; i++) {
            Request a = q.get(i);
            sum += ArenaPlanner.align(a.bytes());
            int oa = p.offsets()[i];
            assertEquals(0, oa % ArenaPlanner.ALIGNMENT);
            assertTrue(oa >= 0 && oa + a.bytes() <= p.arenaBytes());
            for (int j = i + 1; j < n; j++) {
                Request b = q.get(j);
                int ob = p.offsets()[j];
                boolean share = a.bytes() > 0 && b.bytes() > 0 && oa < ob + b.bytes() && ob < oa + a.bytes();
                assertTrue(!(a.overlapsInTime(b) && share), "buffers " + i + " and " + j + " collide");
            }
        }
        assertTrue(p.arenaBytes() <= sum, "worse than no reuse");
        assertTrue(p.arenaBytes() >= maxLiveBytes(q, ops), "below the live-bytes lower bound");
        ArenaPlanner.Plan again = ArenaPlanner.plan(List.copyOf(q));
        assertArrayEquals(p.offsets(), again.offsets());
        assertEquals(p.arenaBytes(), again.arenaBytes());
    }

    @Property
    void equalSizesAreOptimal(@ForAll long seed, @ForAll @IntRange(min = 1, max = 60) int n,
            @ForAll @IntRange(min = 1, max = 30) int ops) {
        List<Request> q = random(seed, n, ops, true);
        ArenaPlanner.Plan p = ArenaPlanner.plan(q);
        assertEquals(maxLiveCount(q, ops) * ArenaPlanner.align(q.get(0).bytes()), p.arenaBytes());
    }

    @Test
    void aChainReusesTwoSlots() {
        List<Request> chain = List.of(new Request(100, -1, 0), new Request(100, 0, 1), new Request(100, 1, 2),
                new Request(100, 2, 3));
        ArenaPlanner.Plan p = ArenaPlanner.plan(chain);
        assertArrayEquals(new int[] {0, 100, 0, 100}, p.offsets());
        assertEquals(200, p.arenaBytes());
    }
}
