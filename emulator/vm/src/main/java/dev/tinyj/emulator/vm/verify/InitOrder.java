package dev.tinyj.emulator.vm.verify;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The order (computed with an explicit stack, no host recursion) in which the VM runs the {@code <clinit>} methods, all before {@code setup()} (not
 * lazily as JVMS §5.5 does):
 * <ol>
 *   <li>depth-first over class references, starting at the main class;
 *   <li>a class's references are its firmware superclass first, then the classes its reachable
 *       methods name in {@code invokestatic}, {@code getstatic} and {@code putstatic}, in order of
 *       first reference, methods taken in class-file order;
 *   <li>a class is listed after all the classes it references (post-order), so its dependencies
 *       initialise before it and the main class comes last;
 *   <li>a class already being visited is skipped, which breaks a reference cycle in visiting
 *       order;
 *   <li>classes without a {@code <clinit>} are visited but not listed.
 * </ol>
 */
final class InitOrder {
    private InitOrder() {
    }

    /**
     * The run order from {@code main}, given each class's references ({@code refs}) and which
     * classes have a {@code <clinit>}.
     */
    static List<String> compute(String main, Map<String, ? extends Iterable<String>> refs,
            Predicate<String> hasClinit) {
        List<String> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        // an explicit stack of (class, its references still to visit): no host recursion
        ArrayDeque<Map.Entry<String, Iterator<String>>> stack = new ArrayDeque<>();
        seen.add(main);
        stack.push(Map.entry(main, references(refs, main)));
        while (!stack.isEmpty()) {
            Map.Entry<String, Iterator<String>> top = stack.peek();
            if (top.getValue().hasNext()) {
                String r = top.getValue().next();
                if (seen.add(r)) {
                    stack.push(Map.entry(r, references(refs, r)));
                }
                continue;
            }
            stack.pop();
            if (hasClinit.test(top.getKey())) {
                out.add(top.getKey());
            }
        }
        return out;
    }

    private static Iterator<String> references(Map<String, ? extends Iterable<String>> refs, String c) {
        Iterable<String> next = refs.get(c);
        return next == null ? Collections.emptyIterator() : next.iterator();
    }
}
