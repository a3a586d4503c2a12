package dev.tinyj.emulator.vm.verify;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;

/**
 * The static call graph of the reachable firmware methods, walked once depth-first with an
 * explicit stack (no host recursion, so a call chain of any length is walked):
 * <ol>
 *   <li>roots in the order given; a method's callees in order of their first call in its code;
 *   <li>a method is appended to {@link #order()} when all its callees are done (post-order), so
 *       callees come before callers;
 *   <li>a call to a method still on the DFS stack closes a cycle: it is recorded in
 *       {@link #cycles()} with the stack path it closes and is left out of the order and depth;
 *   <li>a method's depth is 1 plus the largest depth of its non-cycle callees.
 * </ol>
 *
 * @param <S> the call-site type the edges carry
 */
final class CallGraph<S> {
    /** A call that closes a cycle: the calling method, its call site and the cycle it forms. */
    record Cycle<S>(MethodRef caller, S site, List<MethodRef> path) {
        /** {@code A.f(I)I -> A.g(I)I -> A.f(I)I}. */
        String text() {
            return String.join(" -> ", path.stream().map(MethodRef::display).toList());
        }
    }

    private final Map<MethodRef, ? extends SequencedMap<MethodRef, S>> edges;
    private final Map<MethodRef, Integer> depth = new HashMap<>();
    private final Map<MethodRef, Boolean> onStack = new HashMap<>();
    private final List<MethodRef> stack = new ArrayList<>();
    private final List<MethodRef> order = new ArrayList<>();
    private final List<Cycle<S>> cycles = new ArrayList<>();
    private final List<MethodRef> roots;
    private int maxDepth;

    /**
     * Walks the graph from {@code roots}; {@code edges} maps each method to its callees in first
     * call order, each with its first call site.
     */
    CallGraph(Map<MethodRef, ? extends SequencedMap<MethodRef, S>> edges, List<MethodRef> roots) {
        this.edges = edges;
        this.roots = List.copyOf(roots);
        for (MethodRef r : roots) {
            if (!depth.containsKey(r) && edges.containsKey(r)) {
                visit(r);
            }
            maxDepth = Math.max(maxDepth, depth.getOrDefault(r, 0));
        }
        for (MethodRef m : edges.keySet()) {
            if (!depth.containsKey(m)) {
                visit(m);
            }
        }
    }

    /** One method on the walk's explicit stack: its callees still to visit and its deepest so far. */
    private final class Frame {
        final MethodRef method;
        final java.util.Iterator<Map.Entry<MethodRef, S>> calls;
        int deepest;
        MethodRef pending;

        Frame(MethodRef method) {
            this.method = method;
            this.calls = edges.get(method).entrySet().iterator();
        }
    }

    /** Depth-first from {@code start}, iteratively (a deep call chain never overflows the host stack). */
    private void visit(MethodRef start) {
        java.util.ArrayDeque<Frame> frames = new java.util.ArrayDeque<>();
        enter(start, frames);
        while (!frames.isEmpty()) {
            Frame f = frames.peek();
            if (f.pending != null) {
                f.deepest = Math.max(f.deepest, depth.getOrDefault(f.pending, 0));
                f.pending = null;
            }
            if (!f.calls.hasNext()) {
                frames.pop();
                stack.removeLast();
                onStack.put(f.method, false);
                depth.put(f.method, f.deepest + 1);
                order.add(f.method);
                continue;
            }
            Map.Entry<MethodRef, S> call = f.calls.next();
            MethodRef callee = call.getKey();
            if (onStack.getOrDefault(callee, false)) {
                List<MethodRef> path = new ArrayList<>(stack.subList(stack.indexOf(callee), stack.size()));
                path.add(callee);
                cycles.add(new Cycle<>(f.method, call.getValue(), List.copyOf(path)));
                continue;
            }
            f.pending = callee;
            if (!depth.containsKey(callee) && edges.containsKey(callee)) {
                enter(callee, frames);
            }
        }
    }

    private void enter(MethodRef m, java.util.ArrayDeque<Frame> frames) {
        onStack.put(m, true);
        stack.add(m);
        frames.push(new Frame(m));
    }

    /**
     * The longest chain of calls from a root ({@link #maxDepth()} methods): the deepest root,
     * then at each step the first callee of greatest depth.
     */
    List<MethodRef> deepestChain() {
        MethodRef at = null;
        for (MethodRef r : roots) {
            if (depth.getOrDefault(r, 0) == maxDepth && at == null && maxDepth > 0) {
                at = r;
            }
        }
        List<MethodRef> chain = new ArrayList<>();
        java.util.Set<MethodRef> seen = new java.util.HashSet<>();
        while (at != null) {
            chain.add(at);
            seen.add(at);
            int want = depth.get(at) - 1;
            MethodRef next = null;
            for (MethodRef callee : edges.get(at).keySet()) {
                if (want > 0 && next == null && depth.getOrDefault(callee, 0) == want && !seen.contains(callee)) {
                    next = callee;
                }
            }
            at = next;
        }
        return chain;
    }

    /** Every method once, callees before callers. */
    List<MethodRef> order() {
        return List.copyOf(order);
    }

    /** Every call that closes a cycle, in discovery order. */
    List<Cycle<S>> cycles() {
        return List.copyOf(cycles);
    }

    /** The largest depth of a root. */
    int maxDepth() {
        return maxDepth;
    }
}
