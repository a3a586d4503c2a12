package dev.tinyj.conformance.kernels.nonlinear;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tinyj.conformance.kernels.support.KernelCaseRun;
import dev.tinyj.conformance.kernels.support.KernelVectors;
import dev.tinyj.emulator.toolchain.graph.DType;
import dev.tinyj.emulator.toolchain.prepare.PrepareException;
import dev.tinyj.emulator.toolchain.prepare.PreparedOp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every case of {@code softmax.txt}, {@code logistic.txt} and {@code tanh.txt}: int8 cases are
 * prepared on the host and run on the host JVM (operands at non-zero offsets) and must equal TFLM's
 * {@code tflm_q} byte for byte; cases with another type must be refused with "unsupported type".
 */
class NonlinearVectorTest {
    @TestFactory
    Stream<DynamicTest> everyCase() {
        List<DynamicTest> tests = new ArrayList<>();
        for (NonlinearOps op : NonlinearOps.values()) {
            for (KernelVectors.Case c : KernelVectors.load(op.vectors)) {
                tests.add(DynamicTest.dynamicTest(c.id(), () -> check(op, c)));
            }
        }
        return tests.stream();
    }

    static void check(NonlinearOps op, KernelVectors.Case c) throws PrepareException {
        if (c.outputTensor().expectedStatus() != null) {
            assertThrows(PrepareException.class, () -> op.prepare.prepare(c.context()));
            return;
        }
        if (c.op().equals("SOFTMAX") && c.outputTensor().dtype() == DType.INT16 && c.input(0).dtype() == DType.INT8) {
            assertArrayEquals(c.outputTensor().tflmBytes(), KernelCaseRun.run(c, op.prepare,
                    (params, p, in, out, o) -> dev.tinyj.runtime.kernels.Softmax.eval(params, p, in[0],
                            KernelCaseRun.PAD, out, o)), c.id());
            return;
        }
        if (!c.typesIn(DType.INT8)) {
            PrepareException e = assertThrows(PrepareException.class, () -> op.prepare.prepare(c.context()));
            assertTrue(e.getMessage().contains("unsupported type"), e.getMessage());
            return;
        }
        PreparedOp prepared = op.prepare.prepare(c.context());
        assertArrayEquals(c.outputTensor().shape(), prepared.outputShape());
        byte[] expected = c.outputTensor().tflmBytes();
        byte[] params = withPrefix(prepared.params(), 8);
        byte[] got = op.runAt(params, 8, Arrays.copyOf(c.input(0).bytes(), expected.length), 5, 11, expected.length);
        assertArrayEquals(expected, got, c.id());
    }

    /** The parameter block at offset {@code p} of a larger array, as in a model image. */
    static byte[] withPrefix(byte[] params, int p) {
        byte[] b = new byte[p + params.length];
        System.arraycopy(params, 0, b, p, params.length);
        return b;
    }
}
