package dev.tinyj.conformance.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12's hostile corpus: every named case of the twelve families goes through {@code tinyj
 * verify} and {@code tinyj firmware} (see {@link Harness}); each must be answered cleanly
 * ({@link Outcome#OK}: exit 0-3, no host exception, no hang, no file read outside
 * {@code --classpath}, nothing the JVM would reject said to be inside the subset).
 * The test prints the outcome table (family × outcome) and each failing case.
 */
class HostileCorpusTest {
    /** A try past this is a hang; generous, as a clean try takes milliseconds and the machine is shared. */
    static final Duration CAP = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    static List<HostileCase> corpus() {
        return Stream.of(ValueFamilies.cases(), FlowFamilies.cases(), PoolFamilies.cases(), ClassFamilies.cases())
                .flatMap(List::stream).toList();
    }

    @Test
    void everyCaseIsAnsweredCleanly() {
        List<HostileCase> corpus = corpus();
        assertEquals(corpus.size(), corpus.stream().map(HostileCase::id).distinct().count(), "case names are unique");
        Harness harness = new Harness(CAP);
        Map<String, EnumMap<Outcome, Integer>> table = new LinkedHashMap<>();
        List<String> failing = new ArrayList<>();
        int n = 0;
        for (HostileCase c : corpus) {
            Path root = dir.resolve("try" + n++);
            long t0 = System.nanoTime();
            Harness.Verdict v = harness.judge(c.maker().make(root), root);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            if (ms > 2_000) {
                System.out.println("hostile corpus: " + c.id() + " took " + ms + " ms");
            }
            table.computeIfAbsent(c.family(), k -> new EnumMap<>(Outcome.class)).merge(v.outcome(), 1, Integer::sum);
            if (v.outcome() != Outcome.OK) {
                failing.add(c.id() + " " + v.outcome() + ": " + v.detail());
            }
        }
        System.out.println(report(table, failing));
        assertEquals(List.of(), failing, "hostile cases not answered cleanly");
    }

    /** The outcome table, one row per family, then the failing cases. */
    static String report(Map<String, EnumMap<Outcome, Integer>> table, List<String> failing) {
        StringBuilder sb = new StringBuilder("hostile corpus outcomes\n");
        sb.append(String.format("%-12s", "family"));
        for (Outcome o : Outcome.values()) {
            sb.append(String.format("%15s", o));
        }
        sb.append('\n');
        EnumMap<Outcome, Integer> total = new EnumMap<>(Outcome.class);
        for (var row : table.entrySet()) {
            sb.append(String.format("%-12s", row.getKey()));
            for (Outcome o : Outcome.values()) {
                int k = row.getValue().getOrDefault(o, 0);
                total.merge(o, k, Integer::sum);
                sb.append(String.format("%15d", k));
            }
            sb.append('\n');
        }
        sb.append(String.format("%-12s", "total"));
        for (Outcome o : Outcome.values()) {
            sb.append(String.format("%15d", total.getOrDefault(o, 0)));
        }
        sb.append('\n');
        failing.forEach(f -> sb.append("  ").append(f).append('\n'));
        return sb.toString();
    }
}
