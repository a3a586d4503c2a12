package dev.tinyj.conformance.kernels.elementwise;

import dev.tinyj.conformance.kernels.support.KernelEmulatorCases;
import dev.tinyj.conformance.kernels.support.KernelVectors;
import dev.tinyj.emulator.toolchain.graph.DType;
import dev.tinyj.emulator.toolchain.prepare.MaximumMinimumPrepare;
import dev.tinyj.emulator.toolchain.prepare.SubPrepare;
import fw.kernels.elementwise.BinaryOpKernels;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The kernels of {@code BinaryBroadcast.runMore} in the emulator give the host JVM's bytes and
 * TFLM's on their int8 vector cases: on both boards where a case's operands fit the Uno's SRAM,
 * on the L4R5 alone otherwise. Building the wrapper verifies the kernels are inside the subset.
 */
class BinaryOpEmulatorTest {
    @TestFactory
    Stream<DynamicTest> subVectors() {
        return KernelEmulatorCases.tests("sub.txt", new SubPrepare(), c -> c.typesIn(DType.INT8),
                BinaryOpKernels.class, "sub", BinaryOpEmulatorTest::boards);
    }

    @TestFactory
    Stream<DynamicTest> maximumVectors() {
        return KernelEmulatorCases.tests("maximum_minimum.txt", MaximumMinimumPrepare.maximum(),
                c -> c.op().equals("MAXIMUM") && c.typesIn(DType.INT8), BinaryOpKernels.class, "maximum",
                BinaryOpEmulatorTest::boards);
    }

    @TestFactory
    Stream<DynamicTest> minimumVectors() {
        return KernelEmulatorCases.tests("maximum_minimum.txt", MaximumMinimumPrepare.minimum(),
                c -> c.op().equals("MINIMUM") && c.typesIn(DType.INT8), BinaryOpKernels.class, "minimum",
                BinaryOpEmulatorTest::boards);
    }

    /** Both boards for a case whose tensors total at most 1 KB, else the L4R5. */
    static List<String> boards(KernelVectors.Case c) {
        int bytes = c.tensors().values().stream().mapToInt(t -> t.bytes().length).sum();
        return bytes <= 1024 ? KernelEmulatorCases.BOARDS : List.of("nucleo-l4r5zi");
    }
}
