package dev.tinyj.conformance.differential;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Deterministic complement to the properties: every {@code fw.diff} function on every combination
 * of the edge values of its parameter types ({@link Gen}), host JVM against the emulator on both
 * boards. Random tries may miss a pair such as {@code (MIN_VALUE, -1)}; this never does.
 */
class EdgeSweepTest {
    @TestFactory
    Stream<DynamicTest> everyFunctionOnEveryEdgeCombination() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Class<?> c : Twin.FIRMWARE) {
            for (Method fn : Twin.functions(c)) {
                tests.add(DynamicTest.dynamicTest(c.getSimpleName() + "." + fn.getName() + Twin.descriptor(fn),
                        () -> sweep(fn)));
            }
        }
        return tests.stream();
    }

    private static void sweep(Method fn) {
        Class<?>[] params = fn.getParameterTypes();
        Object[][] choices = new Object[params.length][];
        for (int k = 0; k < params.length; k++) {
            choices[k] = edges(params[k]);
        }
        int[] at = new int[params.length];
        while (true) {
            Object[] args = new Object[params.length];
            for (int k = 0; k < params.length; k++) {
                args[k] = choices[k][at[k]];
            }
            Twin.check(fn, args);
            int k = params.length - 1;
            while (k >= 0 && ++at[k] == choices[k].length) {
                at[k] = 0;
                k--;
            }
            if (k < 0) {
                return;
            }
        }
    }

    private static Object[] edges(Class<?> type) {
        if (type == int.class) {
            return Gen.INT_EDGES;
        }
        if (type == long.class) {
            return Gen.LONG_EDGES;
        }
        if (type == float.class) {
            return Gen.FLOAT_EDGES;
        }
        throw new IllegalArgumentException("no edges for " + type);
    }
}
