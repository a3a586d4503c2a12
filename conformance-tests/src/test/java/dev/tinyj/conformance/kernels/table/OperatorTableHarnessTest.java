package dev.tinyj.conformance.kernels.table;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.tinyj.conformance.kernels.support.KernelVectors;
import dev.tinyj.emulator.run.TensorFiles;
import dev.tinyj.emulator.toolchain.graph.DType;
import dev.tinyj.emulator.toolchain.ops.OpTable;
import dev.tinyj.emulator.toolchain.prepare.PrepareException;
import dev.tinyj.emulator.toolchain.prepare.PreparedOp;
import dev.tinyj.testkit.SharedData;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
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
 * resolver and bridge on the host JVM, and must give TFLM's output bytes exactly (an operator that
 * declares a ULP bound, {@code OpDeclaration.outputUlpsFromTflm}: float SOFTMAX, each float32
 * element within it); a case with a type no kernel of the operator takes must be refused as
 * "unsupported type", one TFLM refuses must be refused. Each case runs twice, over an arena of
 * zeros and one of 0x5A bytes, so an output byte a kernel leaves unwritten (a dead tensor's bytes
 * on the device) fails.
 * A property per operator then feeds every in-scope case random inputs of the same shapes and
 * checks the run is deterministic and the prepare step accepts what it accepted. An operator in the
 * table without any vector case fails {@link #everyOperatorHasVectors()}.
 */
public class OperatorTableHarnessTest {
    private static final Map<String, List<KernelVectors.Case>> BY_OP = KernelVectors.all().stream()
            .collect(Collectors.groupingBy(KernelVectors.Case::op, TreeMap::new, Collectors.toList()));

    @Test
    void everyOperatorHasVectors() {
        // most operators' vectors are TFLM's, in ../shared/kernel_vectors: without it, skip (or fail under CI)
        SharedData.require("kernel_vectors", "every operator having vectors not checked");
        List<String> missing = new ArrayList<>();
        for (OpTable.Entry e : OpTable.entries()) {
            if (casesOf(e).stream().noneMatch(c -> inScope(e, c))) {
                missing.add(e.key());
            }
        }
        assertEquals(List.of(), missing, "operators of OpTable without an in-scope vector case");
    }

    @TestFactory
    Stream<DynamicNode> everyCaseOfEveryOperator() {
        List<DynamicNode> ops = new ArrayList<>();
        for (OpTable.Entry e : OpTable.entries()) {
            List<DynamicNode> cases = new ArrayList<>();
            for (KernelVectors.Case c : casesOf(e)) {
                cases.add(DynamicTest.dynamicTest(c.id(), () -> check(e, c)));
            }
            cases.add(DynamicTest.dynamicTest(e.key() + ": random inputs on every case's shapes",
                    () -> randomInputs(e)));
            ops.add(DynamicContainer.dynamicContainer(e.key(), cases));
        }
        return ops.stream();
    }

    private static void check(OpTable.Entry e, KernelVectors.Case c) throws PrepareException {
        if ("ERROR".equals(c.outputTensor().expectedStatus())) {
            assertThrows(PrepareException.class, () -> e.prepare().prepare(c.context()));
            return;
        }
        if (!inScope(e, c)) {
            PrepareException x = assertThrows(PrepareException.class, () -> e.prepare().prepare(c.context()));
            assertTrue(x.getMessage().contains("unsupported type"), x.getMessage());
            return;
        }
        PreparedOp p = e.prepare().prepare(c.context());
        expectTflm(e, c, OneOpImage.run(e, c, p), c.toString());
        // every output byte written: the same output over an arena full of other bytes
        expectTflm(e, c, OneOpImage.run(e, c, p, (byte) 0x5A), c + " (arena 0x5A)");
    }

    /** TFLM's output bytes exactly, or each float32 element within the ULP bound {@code e} declares. */
    private static void expectTflm(OpTable.Entry e, KernelVectors.Case c, byte[] got, String what) {
        int ulps = e.op().outputUlpsFromTflm();
        if (ulps == 0) {
            assertArrayEquals(c.outputTensor().tflmBytes(), got, what);
            return;
        }
        // the one documented exception (float SOFTMAX: TFLM's output has glibc's expf in it): each
        // float32 element within the kernel's declared bound, nothing else
        assertEquals(DType.FLOAT32, c.outputTensor().dtype(), what);
        byte[] want = c.outputTensor().tflmBytes();
        assertEquals(want.length, got.length, what);
        ByteBuffer w = ByteBuffer.wrap(want).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer g = ByteBuffer.wrap(got).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < want.length; i += 4) {
            long d = TensorFiles.ulpDistance(w.getInt(i), g.getInt(i));
            if (d > ulps) {
                fail(what + ": element " + i / 4 + " is " + d + " ULP from TFLM's (" + w.getFloat(i) + " vs "
                        + g.getFloat(i) + "), beyond the " + ulps + " ULP " + e.key() + " declares");
            }
        }
    }

    /**
     * Deterministic, in-bounds runs on random int8 (and int16) inputs of each in-scope case's shapes
     * (QUANTIZE's float inputs kept).
     */
    private static void randomInputs(OpTable.Entry e) throws PrepareException {
        Random r = new Random(e.code());
        for (KernelVectors.Case c : casesOf(e)) {
            if (!inScope(e, c) || "ERROR".equals(c.outputTensor().expectedStatus())) {
                continue;
            }
            KernelVectors.Case random = RandomInputs.of(c, r);
            PreparedOp p = e.prepare().prepare(random.context());
            byte[] once = OneOpImage.run(e, random, p);
            assertArrayEquals(once, OneOpImage.run(e, random, p), random.toString());
        }
    }

    /** The vector cases of {@code e}'s operator that {@link OpTable#select} gives to {@code e} (by input 0's type). */
    static List<KernelVectors.Case> casesOf(OpTable.Entry e) {
        return BY_OP.getOrDefault(e.name(), List.of()).stream()
                .filter(c -> OpTable.select(e.builtinCode(), c.context().input(0).type()).orElse(null) == e).toList();
    }

    /**
     * Whether {@code e} must run case {@code c} (else refuse it as an unsupported type): a type
     * variant runs every case selected to it, the default kernel its {@link #int8} ones.
     */
    static boolean inScope(OpTable.Entry e, KernelVectors.Case c) {
        return !e.spec().variant().isEmpty() || int8(c);
    }

    /** Operators with int32 index tensors beside int8 data: ARG_MAX's and ARG_MIN's outputs, GATHER's indices. */
    static final Set<String> INT32_INDICES = Set.of("ARG_MAX", "ARG_MIN", "GATHER");

    /**
     * Whether {@code c}'s types are in TinyJ's scope: every activation int8, or float32 where
     * QUANTIZE/DEQUANTIZE take it, or {@link #quantizeInScope}, or an int16 output of SOFTMAX (int8
     * input), or SVDF's int16 or int8 weights_time and state, or int32 indices of
     * {@link #INT32_INDICES} beside int8 data, or the int16 cell state of an LSTM with int8 input.
     */
    static boolean int8(KernelVectors.Case c) {
        return c.typesIn(DType.INT8)
                || c.op().equals("UNIDIRECTIONAL_SEQUENCE_LSTM") && c.input(0).dtype() == DType.INT8
                        && c.typesIn(DType.INT8, DType.INT16)
                || INT32_INDICES.contains(c.op()) && c.input(0).dtype() == DType.INT8
                        && c.typesIn(DType.INT8, DType.INT32)
                || c.op().equals("QUANTIZE") && quantizeInScope(c)
                || c.op().equals("DEQUANTIZE") && c.typesIn(DType.INT8, DType.FLOAT32)
                || c.op().equals("SOFTMAX") && c.input(0).dtype() == DType.INT8
                        && c.outputTensor().dtype() == DType.INT16
                || c.op().equals("SVDF") && c.input(0).dtype() == DType.INT8 && c.input(4).dtype() == c.input(2).dtype()
                        && c.typesIn(DType.INT8, DType.INT16, DType.INT32);
    }

    /**
     * QUANTIZE's pairs the default kernel runs: float32, int8 or uint8 to int8 (int16 inputs go to
     * QUANTIZE's int16 variant).
     */
    public static boolean quantizeInScope(KernelVectors.Case c) {
        DType in = c.input(0).dtype();
        return c.outputTensor().dtype() == DType.INT8 && (in == DType.INT8 || in == DType.FLOAT32 || in == DType.UINT8);
    }
}
