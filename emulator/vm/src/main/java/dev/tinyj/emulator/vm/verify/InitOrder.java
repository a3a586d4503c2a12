package dev.tinyj.emulator.vm.verify;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The order in which the VM runs the {@code <clinit>} methods, all before {@code setup()} (not
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
        visit(main, refs, hasClinit, new HashSet<>(), out);
        return out;
    }

    private static void visit(String c, Map<String, ? extends Iterable<String>> refs, Predicate<String> hasClinit,
            Set<String> seen, List<String> out) {
        if (!seen.add(c)) {
            return;
        }
        Iterable<String> next = refs.get(c);
        if (next != null) {
            for (String r : next) {
                visit(r, refs, hasClinit, seen, out);
            }
        }
        if (hasClinit.test(c)) {
            out.add(c);
        }
    }
}
