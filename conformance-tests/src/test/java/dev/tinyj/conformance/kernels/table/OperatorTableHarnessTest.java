package dev.tinyj.conformance.kernels.table;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tinyj.conformance.kernels.support.KernelVectors;
import dev.tinyj.emulator.toolchain.graph.DType;
import dev.tinyj.emulator.toolchain.ops.OpTable;
import dev.tinyj.emulator.toolchain.prepare.PrepareException;
import dev.tinyj.emulator.toolchain.prepare.PreparedOp;
import dev.tinyj.testkit.SharedData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The one table-driven kernel harness: for every operator of {@link OpTable}, every vector case
 * naming it ({@code op} line, in ../shared/kernel_vectors or the project's own files) is prepared
 * by the table's prepare step, written as a one-operator model image and run through the generated
 * resolver and bridge on the host JVM, and must give TFLM's output bytes exactly; a case with a
 * non-int8 activation must be refused as "unsupported type", one TFLM refuses must be refused.
 * A property per operator then feeds every in-scope case random inputs of the same shapes and
 * checks the run is deterministic and the prepare step accepts what it accepted. An operator in the
 * table without any vector case fails {@link #everyOperatorHasVectors()}.
 */
class OperatorTableHarnessTest {
    private static final Map<String, List<KernelVectors.Case>> BY_OP = KernelVectors.all().stream()
            .collect(Collectors.groupingBy(KernelVectors.Case::op, TreeMap::new, Collectors.toList()));

    @Test
    void everyOperatorHasVectors() {
        // most operators' vectors are TFLM's, in ../shared/kernel_vectors: without it, skip (or fail under CI)
        SharedData.require("kernel_vectors", "every operator having vectors not checked");
        List<String> missing = new ArrayList<>();
        for (OpTable.Entry e : OpTable.entries()) {
            if (BY_OP.getOrDefault(e.name(), List.of()).stream().noneMatch(OperatorTableHarnessTest::int8)) {
                missing.add(e.name());
            }
        }
        assertEquals(List.of(), missing, "operators of OpTable without an int8 vector case");
    }

    @TestFactory
    Stream<DynamicNode> everyCaseOfEveryOperator() {
        List<DynamicNode> ops = new ArrayList<>();
        for (OpTable.Entry e : OpTable.entries()) {
            List<DynamicNode> cases = new ArrayList<>();
            for (KernelVectors.Case c : BY_OP.getOrDefault(e.name(), List.of())) {
                cases.add(DynamicTest.dynamicTest(c.id(), () -> check(e, c)));
            }
            cases.add(DynamicTest.dynamicTest(e.name() + ": random inputs on every case's shapes",
                    () -> randomInputs(e)));
            ops.add(DynamicContainer.dynamicContainer(e.name(), cases));
        }
        return ops.stream();
    }

    private static void check(OpTable.Entry e, KernelVectors.Case c) throws PrepareException {
        if ("ERROR".equals(c.outputTensor().expectedStatus())) {
            assertThrows(PrepareException.class, () -> e.prepare().prepare(c.context()));
            return;
        }
        if (!int8(c)) {
            PrepareException x = assertThrows(PrepareException.class, () -> e.prepare().prepare(c.context()));
            assertTrue(x.getMessage().contains("unsupported type"), x.getMessage());
            return;
        }
        PreparedOp p = e.prepare().prepare(c.context());
        assertArrayEquals(c.outputTensor().tflmBytes(), OneOpImage.run(e, c, p), c.toString());
    }

    /** Deterministic, in-bounds runs on random int8 inputs of each in-scope case's shapes (QUANTIZE's float inputs kept). */
    private static void randomInputs(OpTable.Entry e) throws PrepareException {
        Random r = new Random(e.code());
        for (KernelVectors.Case c : BY_OP.getOrDefault(e.name(), List.of())) {
            if (!int8(c) || "ERROR".equals(c.outputTensor().expectedStatus())) {
                continue;
            }
            KernelVectors.Case random = RandomInputs.of(c, r);
            PreparedOp p = e.prepare().prepare(random.context());
            byte[] once = OneOpImage.run(e, random, p);
            assertArrayEquals(once, OneOpImage.run(e, random, p), random.toString());
        }
    }

    /**
     * Whether every activation of {@code c} is int8 (or float32 where QUANTIZE/DEQUANTIZE take it,
     * or a uint8 input of QUANTIZE to int8, or the int16 cell state of an LSTM with int8 input).
     */
    static boolean int8(KernelVectors.Case c) {
        return c.typesIn(DType.INT8)
                || c.op().equals("UNIDIRECTIONAL_SEQUENCE_LSTM") && c.input(0).dtype() == DType.INT8
                        && c.typesIn(DType.INT8, DType.INT16)
                || c.op().equals("QUANTIZE") && c.outputTensor().dtype() == DType.INT8
                        && c.typesIn(DType.INT8, DType.FLOAT32, DType.UINT8)
                || c.op().equals("DEQUANTIZE") && c.typesIn(DType.INT8, DType.FLOAT32);
    }
}
