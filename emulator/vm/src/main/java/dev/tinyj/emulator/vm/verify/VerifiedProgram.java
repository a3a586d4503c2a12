package dev.tinyj.emulator.vm.verify;

import java.util.List;

/**
 * What {@link SubsetVerifier#verify} found. The orders and depth are computed even when there are
 * violations (recursive calls are then left out of them), but a VM may run the program only when
 * {@link #ok()}.
 *
 * @param violations every violation, sorted by file, line and offset, without duplicates
 * @param reachableMethods every reachable firmware method once, callees before callers: DFS
 *     post-order from the roots (the {@code <clinit>}s in {@code initOrder}, then
 *     {@code setup()V}, then {@code loop()V}), callees in order of their first call in the code
 * @param initOrder internal names of the classes whose {@code <clinit>} runs, in run order (see
 *     {@link SubsetVerifier} for the rule); the main class last unless it has no
 *     {@code <clinit>}
 * @param progmemTables the {@code @Progmem} tables of reached classes, in class reach order
 * @param maxCallDepth the longest chain of firmware frames from a root (a root alone is 1; HAL
 *     and intrinsic calls add no frame)
 */
public record VerifiedProgram(List<Violation> violations, List<MethodRef> reachableMethods, List<String> initOrder,
        List<ProgmemTable> progmemTables, int maxCallDepth, java.util.Set<String> entryPoints) {
    public VerifiedProgram {
        entryPoints = java.util.Set.copyOf(entryPoints);
        violations = List.copyOf(violations);
        reachableMethods = List.copyOf(reachableMethods);
        initOrder = List.copyOf(initOrder);
        progmemTables = List.copyOf(progmemTables);
    }

    /** Whether the program is inside the subset (no violations). */
    public boolean ok() {
        return violations.isEmpty();
    }

    /** Every violation in {@link Violation#format()} form, one per element. */
    public List<String> messages() {
        return violations.stream().map(Violation::format).toList();
    }
}
