package dev.tinyj.conformance.kernels.shape;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tinyj.conformance.kernels.support.KernelVectors;
import dev.tinyj.conformance.kernels.support.KernelVectors.Case;
import dev.tinyj.conformance.kernels.support.KernelVectors.VTensor;
import dev.tinyj.emulator.toolchain.graph.DType;
import dev.tinyj.emulator.toolchain.ops.OpTable;
import dev.tinyj.emulator.toolchain.prepare.PrepareException;
import dev.tinyj.emulator.toolchain.prepare.PreparedOp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every case of TFLM's reshape, concatenation, pad (PAD and PADV2), mean and strided_slice
 * vectors: prepared with the op table's prepare step and run on the host JVM, output bytes equal
 * to what TFLM's reference kernel produced ({@code tflm_q}); out-of-scope types refused with
 * "unsupported type"; cases whose Prepare must fail refused with a PrepareException.
 */
class ShapeVectorTest {
    @TestFactory
    Stream<DynamicTest> reshape() {
        return cases("reshape.txt");
    }

    @TestFactory
    Stream<DynamicTest> concatenation() {
        return cases("concatenation.txt");
    }

    @TestFactory
    Stream<DynamicTest> pad() {
        return cases("pad.txt");
    }

    @TestFactory
    Stream<DynamicTest> mean() {
        return cases("mean.txt");
    }

    @TestFactory
    Stream<DynamicTest> stridedSlice() {
        return cases("strided_slice.txt");
    }

    private static Stream<DynamicTest> cases(String file) {
        List<Case> all = KernelVectors.load(file);
        assertTrue(!all.isEmpty(), file + " has no cases");
        return all.stream().map(c -> DynamicTest.dynamicTest(c.id(), () -> check(c)));
    }

    /** Whether every activation tensor of the case is int8 (int32 constants are index operands). */
    static boolean inScope(Case c) {
        return c.tensors().values().stream().allMatch(t -> t.dtype() == DType.INT8
                || t.dtype() == DType.INT32 && t.constant());
    }

    /** The int8 operands the kernel reads, in operand order. */
    static List<byte[]> dataOperands(Case c) {
        List<byte[]> data = new ArrayList<>();
        for (int k = 0; k < c.inputs().length; k++) {
            VTensor t = c.input(k);
            if (t.dtype() == DType.INT8) {
                data.add(t.bytes());
            }
        }
        return data;
    }

    static PreparedOp prepare(Case c) throws PrepareException {
        return OpTable.byName(c.op()).orElseThrow().prepare().prepare(c.context());
    }

    private static void check(Case c) throws PrepareException {
        VTensor out = c.outputTensor();
        if ("ERROR".equals(out.expectedStatus())) {
            PrepareException e = assertThrows(PrepareException.class, () -> prepare(c), c.toString());
            assertTrue(e.getMessage().contains("operator 0 (" + c.op() + ")"), e.getMessage());
            // the reasons TFLM's PadPrepare fails these cases: not some earlier check
            assertTrue(e.getMessage().contains("quantized differently") || e.getMessage().contains(
                    "outside the int8 range"), e.getMessage());
            return;
        }
        if (!inScope(c)) {
            PrepareException e = assertThrows(PrepareException.class, () -> prepare(c), c.toString());
            assertTrue(e.getMessage().contains("unsupported type"), e.getMessage());
            return;
        }
        PreparedOp prepared = prepare(c);
        byte[] expected = out.tflmBytes();
        if (out.tflmShape() != null) {
            assertArrayEquals(out.tflmShape(), prepared.outputShape(), c + " output shape "
                    + Arrays.toString(prepared.outputShape()));
        }
        byte[] actual = ShapeKernels.run(c.op(), prepared.params(), dataOperands(c), expected.length);
        assertArrayEquals(expected, actual, c.toString());
    }
}
