package dev.tinyj.conformance.kernels.conv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tinyj.conformance.kernels.support.KernelVectors;
import dev.tinyj.conformance.kernels.support.KernelVectors.Case;
import dev.tinyj.emulator.toolchain.graph.DType;
import dev.tinyj.emulator.toolchain.ops.OpTable;
import dev.tinyj.emulator.toolchain.prepare.PrepareException;
import dev.tinyj.emulator.toolchain.prepare.PreparedOp;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every TFLM test vector of FULLY_CONNECTED, CONV_2D and DEPTHWISE_CONV_2D: prepare from the
 * case's context, run the kernel on the host JVM, and compare with TFLM's reference output byte
 * for byte. Cases outside TinyJ's int8 scope must be refused as an unsupported type; cases TFLM's
 * prepare rejects must be refused.
 */
class ConvFamilyVectorTest {

    @TestFactory
    Stream<DynamicTest> fullyConnected() {
        return cases("fully_connected.txt");
    }

    @TestFactory
    Stream<DynamicTest> conv2d() {
        return cases("conv.txt");
    }

    @TestFactory
    Stream<DynamicTest> depthwiseConv2d() {
        return cases("depthwise_conv.txt");
    }

    private static Stream<DynamicTest> cases(String file) {
        List<Case> all = KernelVectors.load(file);
        return all.stream().map(c -> DynamicTest.dynamicTest(c.id(), () -> check(c)));
    }

    /** Whether the case is inside TinyJ's scope: int8 activations, int8 filter, int32 bias. */
    static boolean inScope(Case c) {
        return c.tensors().values().stream().allMatch(t -> t.dtype() == DType.INT8
                || t.dtype() == DType.INT32 && t.constant() && t.role().equals("bias"));
    }

    private static void check(Case c) throws PrepareException {
        var prepare = OpTable.byName(c.op()).orElseThrow().prepare();
        if ("ERROR".equals(c.outputTensor().expectedStatus())) {
            assertThrows(PrepareException.class, () -> prepare.prepare(c.context()));
            return;
        }
        if (!inScope(c)) {
            PrepareException e = assertThrows(PrepareException.class, () -> prepare.prepare(c.context()));
            assertTrue(e.getMessage().contains("unsupported type"), e.getMessage());
            return;
        }
        PreparedOp prep = prepare.prepare(c.context());
        assertArrayEquals(c.outputTensor().shape(), prep.outputShape(), "output shape");
        byte[] bias = c.inputs().length > 2 ? c.input(2).bytes() : null;
        byte[] out = ConvFamilyHost.run(c.op(), prep.params(), c.input(0).bytes(), c.input(1).bytes(), bias,
                c.outputTensor().tflmBytes().length);
        assertArrayEquals(c.outputTensor().tflmBytes(), out, c + " output differs from TFLM's");
    }
}
