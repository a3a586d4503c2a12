package dev.tinyj.testkit;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Prints, at the end of the run, why tests were skipped or aborted (e.g. "../shared/kernel_vectors
 * is absent"), once per distinct reason with a count, so a run outside the team's layout says on
 * the console what it did not check, and, when shared data was missing, where it was looked for
 * and how to make that fail instead ({@link SharedData}). Registered through
 * {@code META-INF/services} in this jar, so every module whose tests depend on the testkit lists its own skips.
 */
public final class SkipReasons implements TestExecutionListener {
    private final Map<String, Integer> reasons = new LinkedHashMap<>();

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        reasons.merge(reason, 1, Integer::sum);
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
            String reason = result.getThrowable().map(Throwable::getMessage).orElse("aborted");
            reasons.merge(reason.replaceFirst("^Assumption failed: ", ""), 1, Integer::sum);
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
        reasons.forEach((reason, n) -> System.out.println("[tinyj] not checked (" + n + (n == 1 ? " test" : " tests")
                + "): " + reason));
        if (reasons.keySet().stream().anyMatch(r -> r.contains("../shared"))) {
            System.out.println("[tinyj] ../shared is looked for at " + SharedData.where() + "; " + SharedData.REQUIRE_ENV
                    + "=1 (as .ci/run sets) makes missing shared data fail the build");
        }
    }
}
