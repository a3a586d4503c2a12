package dev.tinyj.emulator.vm.verify;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;

/**
 * The static call graph of the reachable firmware methods, walked once depth-first:
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
    private int maxDepth;

    /**
     * Walks the graph from {@code roots}; {@code edges} maps each method to its callees in first
     * call order, each with its first call site.
     */
    CallGraph(Map<MethodRef, ? extends SequencedMap<MethodRef, S>> edges, List<MethodRef> roots) {
        this.edges = edges;
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

    private void visit(MethodRef m) {
        onStack.put(m, true);
        stack.add(m);
        int deepest = 0;
        for (Map.Entry<MethodRef, S> call : edges.get(m).entrySet()) {
            MethodRef callee = call.getKey();
            if (onStack.getOrDefault(callee, false)) {
                List<MethodRef> path = new ArrayList<>(stack.subList(stack.indexOf(callee), stack.size()));
                path.add(callee);
                cycles.add(new Cycle<>(m, call.getValue(), List.copyOf(path)));
                continue;
            }
            if (!depth.containsKey(callee) && edges.containsKey(callee)) {
                visit(callee);
            }
            deepest = Math.max(deepest, depth.getOrDefault(callee, 0));
        }
        stack.removeLast();
        onStack.put(m, false);
        depth.put(m, deepest + 1);
        order.add(m);
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
