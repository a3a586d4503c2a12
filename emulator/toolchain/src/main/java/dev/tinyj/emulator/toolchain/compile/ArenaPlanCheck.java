package dev.tinyj.emulator.toolchain.compile;

import java.util.ArrayList;
import java.util.List;

/**
 * An independent check of a compiled model's arena plan (the planner's and the in-place rules'
 * safety net, used by the tests and usable by the image writer before it writes):
 *
 * <ol>
 *   <li>every ARENA tensor lies inside {@code [0, arenaBytes)}, at an offset that is a multiple of
 *       {@link ArenaPlanner#ALIGNMENT}, with a lifetime {@code firstUse <= lastUse};</li>
 *   <li>an aliased tensor ({@code aliasOf >= 0}) names an ARENA tensor that is itself not aliased
 *       (the root of its group);</li>
 *   <li>two ARENA tensors alive at a common operator (closed lifetimes intersect) share no byte,
 *       unless they are in the same alias group and either occupy the very same bytes (RESHAPE,
 *       element-wise in place) or meet at one operator only, one's last use being the other's
 *       first (the input and output of an overlapping windowed operator);</li>
 *   <li>every VARIABLE tensor lies inside the persistent region
 *       {@code [plannedBytes, arenaBytes)}, aligned, and shares no byte with any other buffer (it
 *       is alive from before the first operator to after the last);</li>
 *   <li>FLASH tensors carry {@code bytes} bytes of data; ABSENT tensors no offset.</li>
 * </ol>
 * Scratch buffers are not in {@link CompiledModel}; {@link #violations(ModelCompiler.Compilation)}
 * checks them as well (alive only at their operator).
 */
public final class ArenaPlanCheck {
    private ArenaPlanCheck() {
    }

    /** Every violation of the rules above, one line each; empty when the plan is valid. */
    public static List<String> violations(CompiledModel m) {
        return violations(new ModelCompiler.Compilation(m, new int[m.ops().size()], new int[m.ops().size()]));
    }

    /** {@link #violations(CompiledModel)}, scratch buffers included. */
    public static List<String> violations(ModelCompiler.Compilation c) {
        CompiledModel m = c.model();
        List<String> v = new ArrayList<>();
        List<int[]> spans = new ArrayList<>(); // {group, offset, bytes, first, last, tensor or -1 - op}
        for (CompiledTensor t : m.tensors()) {
            String what = "tensor " + t.index() + " '" + t.name() + "'";
            switch (t.placement()) {
                case ARENA -> {
                    if (t.arenaOffset() < 0 || (long) t.arenaOffset() + t.bytes() > m.arenaBytes()) {
                        v.add(what + ": bytes [" + t.arenaOffset() + ", " + ((long) t.arenaOffset() + t.bytes())
                                + ") outside the arena of " + m.arenaBytes());
                    }
                    if (t.arenaOffset() % ArenaPlanner.ALIGNMENT != 0) {
                        v.add(what + ": offset " + t.arenaOffset() + " not aligned to " + ArenaPlanner.ALIGNMENT);
                    }
                    if (t.firstUse() > t.lastUse()) {
                        v.add(what + ": lifetime " + t.firstUse() + ".." + t.lastUse() + " is empty");
                    }
                    int group = t.index();
                    if (t.aliasOf() >= 0) {
                        CompiledTensor a = m.tensors().get(t.aliasOf());
                        if (a.placement() != Placement.ARENA || a.aliasOf() >= 0) {
                            v.add(what + ": aliases tensor " + a.index() + " which is not an unaliased arena tensor");
                        }
                        group = a.index();
                    }
                    spans.add(new int[] {group, t.arenaOffset(), t.bytes(), t.firstUse(), t.lastUse(), t.index()});
                }
                case VARIABLE -> {
                    if (t.arenaOffset() < m.plannedBytes() || (long) t.arenaOffset() + t.bytes() > m.arenaBytes()) {
                        v.add(what + ": variable bytes [" + t.arenaOffset() + ", "
                                + ((long) t.arenaOffset() + t.bytes()) + ") outside the persistent region ["
                                + m.plannedBytes() + ", " + m.arenaBytes() + ")");
                    }
                    if (t.arenaOffset() % ArenaPlanner.ALIGNMENT != 0) {
                        v.add(what + ": offset " + t.arenaOffset() + " not aligned to " + ArenaPlanner.ALIGNMENT);
                    }
                    spans.add(new int[] {-1 - m.ops().size() - t.index(), t.arenaOffset(), t.bytes(), Integer.MIN_VALUE,
                        Integer.MAX_VALUE, t.index()});
                }
                case FLASH -> {
                    if (t.data() == null || t.data().length != t.bytes()) {
                        v.add(what + ": flash data of " + (t.data() == null ? "none" : t.data().length + " bytes")
                                + ", expected " + t.bytes());
                    }
                }
                case ABSENT -> {
                    if (t.arenaOffset() != -1) {
                        v.add(what + ": absent but has arena offset " + t.arenaOffset());
                    }
                }
            }
        }
        for (int i = 0; i < c.scratchBytes().length; i++) {
            if (c.scratchBytes()[i] > 0) {
                int off = c.scratchOffsets()[i];
                if (off < 0 || (long) off + c.scratchBytes()[i] > m.arenaBytes()) {
                    v.add("scratch of operator " + i + ": outside the arena");
                }
                spans.add(new int[] {-1 - i, off, c.scratchBytes()[i], i, i, -1 - i});
            }
        }
        for (int a = 0; a < spans.size(); a++) {
            for (int b = a + 1; b < spans.size(); b++) {
                int[] x = spans.get(a);
                int[] y = spans.get(b);
                boolean together = x[3] <= y[4] && y[3] <= x[4];
                boolean shareBytes = x[2] > 0 && y[2] > 0 && x[1] < y[1] + y[2] && y[1] < x[1] + x[2];
                boolean sameBytes = x[1] == y[1] && x[2] == y[2];
                boolean handOver = x[4] == y[3] || y[4] == x[3];
                if (together && shareBytes && (x[0] != y[0] || !sameBytes && !handOver)) {
                    v.add(name(x[5]) + " and " + name(y[5]) + " are alive together and share bytes");
                }
            }
        }
        return v;
    }

    private static String name(int id) {
        return id >= 0 ? "tensor " + id : "scratch of operator " + (-1 - id);
    }
}
