package dev.tinyj.conformance.kernels.lstm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tinyj.conformance.kernels.support.KernelVectors;
import dev.tinyj.emulator.toolchain.graph.DType;
import dev.tinyj.emulator.toolchain.prepare.PrepareException;
import dev.tinyj.emulator.toolchain.prepare.PreparedOp;
import dev.tinyj.emulator.toolchain.prepare.UnidirectionalSequenceLstmPrepare;
import dev.tinyj.runtime.math.Int16Sigmoid;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The cases of {@code kernel_vectors/unidirectional_sequence_lstm.txt} (TFLM's int8 test and
 * TinyJ's, with TFLM's outputs) run straight through the kernel with odd operand offsets: the
 * output and also the hidden and cell states left behind equal TFLM's, which the table-driven
 * harness (output only) does not check; {@link LstmReference} gives the same bytes, so the
 * property's reference is itself pinned to TFLM. The refused cases are refused: int16 and float32
 * activations as unsupported types, the others for their reasons.
 */
class LstmVectorTest {
    private static final List<KernelVectors.Case> CASES = KernelVectors.load("unidirectional_sequence_lstm.txt");

    @Test
    void theFileHoldsTflmsTestAndOwnCases() {
        assertTrue(CASES.stream().anyMatch(c -> c.id().equals("int8_2x3x2x2")), "TFLM's TestUnidirectionalLSTMInt8");
        assertTrue(CASES.stream().filter(c -> c.outputTensor().tflmQ() != null).count() >= 10, "accepted cases");
    }

    /**
     * The runtime's int16 logistic and tanh on every int16 input, the tanh at every left shift the
     * prepare allows, against the reference's; and the table has the shape of TFLite's
     * {@code sigmoid_table_uint16} (65536 · sigmoid(i / 24) within 1.5, non-decreasing, 32768 to
     * 65535).
     */
    @Test
    void int16ActivationsMatchTheReferenceOnEveryInput() {
        char[] t = LstmReference.table();
        assertEquals(256, t.length);
        assertEquals(32768, t[0]);
        assertEquals(65535, t[255]);
        for (int i = 0; i < 256; i++) {
            assertTrue(Math.abs(t[i] - 65536 / (1 + Math.exp(-i / 24.0))) < 1.5, "table entry " + i);
            assertTrue(i == 0 || t[i] >= t[i - 1], "non-decreasing at " + i);
        }
        for (int x = -32768; x < 32768; x++) {
            assertEquals(LstmReference.sigmoid(x), Int16Sigmoid.logistic(x, 3, 0), "logistic " + x);
            for (int leftShift = -31; leftShift <= 14; leftShift += 5) {
                int multiplier = leftShift >= 0 ? 3 << leftShift : 3;
                int shift = leftShift >= 0 ? 0 : -leftShift;
                assertEquals(LstmReference.tanh(x, leftShift), Int16Sigmoid.tanh(x, multiplier, shift),
                        "tanh " + x + " left shift " + leftShift);
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> everyCaseMatchesTflm() {
        return CASES.stream().map(c -> DynamicTest.dynamicTest(c.id(), () -> check(c)));
    }

    private static void check(KernelVectors.Case c) throws PrepareException {
        UnidirectionalSequenceLstmPrepare prepare = new UnidirectionalSequenceLstmPrepare();
        if (c.outputTensor().tflmQ() == null) {
            PrepareException e = assertThrows(PrepareException.class, () -> prepare.prepare(c.context()));
            if (c.input(0).dtype() != DType.INT8) {
                assertTrue(e.getMessage().contains("unsupported type"), e.getMessage());
            }
            return;
        }
        KernelVectors.VTensor hidden = c.input(18);
        KernelVectors.VTensor cell = c.input(19);
        short[] cell0 = new short[cell.q().length];
        for (int k = 0; k < cell0.length; k++) {
            cell0[k] = (short) cell.q()[k];
        }
        LstmPropertyTest.LstmCase run = new LstmPropertyTest.LstmCase(c.context(), c.input(0).bytes(), hidden.bytes(),
                cell0);
        PreparedOp prepared = prepare.prepare(c.context());
        LstmReference.Result want = new LstmReference.Result(c.outputTensor().tflmBytes(), hidden.tflmBytes(),
                shorts(cell.tflmQ()));
        for (LstmReference.Result got : new LstmReference.Result[] {LstmRun.run(run, prepared.params(), 5),
            LstmReference.run(c.context(), run.input(), run.hidden(), run.cell())}) {
            assertArrayEquals(want.output(), got.output(), c + " output");
            assertArrayEquals(want.hidden(), got.hidden(), c + " hidden state");
            assertArrayEquals(want.cell(), got.cell(), c + " cell state");
        }
        assertEquals(0, prepared.scratchBytes(), "no scratch buffer");
    }

    private static short[] shorts(long[] v) {
        short[] s = new short[v.length];
        for (int k = 0; k < v.length; k++) {
            s[k] = (short) v[k];
        }
        return s;
    }
}
