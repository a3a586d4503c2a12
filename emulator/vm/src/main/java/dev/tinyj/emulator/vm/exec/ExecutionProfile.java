package dev.tinyj.emulator.vm.exec;

import dev.tinyj.emulator.vm.cost.CostRecipe;
import dev.tinyj.emulator.vm.decode.DecodedMethod;
import java.util.Map;
import java.util.TreeMap;

/**
 * Per-instruction execution counts of a run, kept only when asked for
 * ({@link Machine#startProfile()}): how often each decoded instruction ran and how many dynamic
 * cost events it had (taken branches, flash element loads, zeroed bytes). With each instruction's
 * {@link CostRecipe} this gives how many times every cost-table key was charged, which is what
 * calibration fits ({@code ./tinyj calibrate}).
 */
public final class ExecutionProfile {
    final long[][] hits;
    final long[][] events;

    ExecutionProfile(DecodedMethod[] methods) {
        hits = new long[methods.length][];
        events = new long[methods.length][];
        for (int i = 0; i < methods.length; i++) {
            hits[i] = new long[methods[i].code.length];
            events[i] = new long[methods[i].code.length];
        }
    }

    /**
     * How many times each key ({@code op.<mnemonic>[.<form>]}, {@code extra.<name>}) was charged:
     * Σ over instructions of executions x static multiplicity, plus events x per-event multiplicity.
     * The table's cycles for each key times these counts add up to the run's cycles (a test checks it).
     */
    public Map<String, Long> keyCounts(DecodedMethod[] methods) {
        Map<String, Long> counts = new TreeMap<>();
        for (int m = 0; m < methods.length; m++) {
            CostRecipe[] recipes = methods[m].recipeAt;
            for (int pc = 0; pc < hits[m].length; pc++) {
                CostRecipe r = recipes[pc];
                if (r == null || (hits[m][pc] == 0 && events[m][pc] == 0)) {
                    continue;
                }
                for (CostRecipe.Term t : r.terms()) {
                    counts.merge(t.key(), hits[m][pc] * t.times(), Long::sum);
                }
                if (r.dynamicKey() != null && events[m][pc] > 0) {
                    counts.merge(r.dynamicKey(), events[m][pc] * r.dynamicTimes(), Long::sum);
                }
            }
        }
        return counts;
    }
}
