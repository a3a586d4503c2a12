package dev.tinyj.conformance.kernels.elementwise;

import dev.tinyj.conformance.kernels.support.KernelEmulatorCases;
import dev.tinyj.conformance.kernels.support.KernelVectors;
import dev.tinyj.emulator.toolchain.graph.DType;
import dev.tinyj.emulator.toolchain.prepare.AbsPrepare;
import dev.tinyj.emulator.toolchain.prepare.MaximumMinimumPrepare;
import dev.tinyj.emulator.toolchain.prepare.NegPrepare;
import dev.tinyj.emulator.toolchain.prepare.PreluPrepare;
import dev.tinyj.emulator.toolchain.prepare.SquaredDifferencePrepare;
import dev.tinyj.emulator.toolchain.prepare.SubPrepare;
import fw.kernels.elementwise.ElementwiseOpKernels;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The element-wise kernels added after ADD and MUL (SUB, MAXIMUM, MINIMUM, SQUARED_DIFFERENCE, PRELU
 * on {@code BinaryBroadcast.runMore}; ABS; NEG, float32) in the emulator give the host JVM's bytes and
 * TFLM's on their in-scope vector cases: on both boards where a case's operands fit the Uno's SRAM,
 * on the L4R5 alone otherwise. Building the wrapper verifies the kernels are inside the subset.
 */
class ElementwiseOpEmulatorTest {
    @TestFactory
    Stream<DynamicTest> subVectors() {
        return KernelEmulatorCases.tests("sub.txt", new SubPrepare(), c -> c.typesIn(DType.INT8),
                ElementwiseOpKernels.class, "sub", ElementwiseOpEmulatorTest::boards);
    }

    @TestFactory
    Stream<DynamicTest> maximumVectors() {
        return KernelEmulatorCases.tests("maximum_minimum.txt", MaximumMinimumPrepare.maximum(),
                c -> c.op().equals("MAXIMUM") && c.typesIn(DType.INT8), ElementwiseOpKernels.class, "maximum",
                ElementwiseOpEmulatorTest::boards);
    }

    @TestFactory
    Stream<DynamicTest> minimumVectors() {
        return KernelEmulatorCases.tests("maximum_minimum.txt", MaximumMinimumPrepare.minimum(),
                c -> c.op().equals("MINIMUM") && c.typesIn(DType.INT8), ElementwiseOpKernels.class, "minimum",
                ElementwiseOpEmulatorTest::boards);
    }

    @TestFactory
    Stream<DynamicTest> absVectors() {
        return KernelEmulatorCases.tests("abs.txt", new AbsPrepare(), c -> c.typesIn(DType.INT8),
                ElementwiseOpKernels.class, "abs", ElementwiseOpEmulatorTest::boards);
    }

    @TestFactory
    Stream<DynamicTest> negVectors() {
        return KernelEmulatorCases.tests("neg.txt", new NegPrepare(), c -> c.typesIn(DType.FLOAT32),
                ElementwiseOpKernels.class, "neg", ElementwiseOpEmulatorTest::boards);
    }

    @TestFactory
    Stream<DynamicTest> squaredDifferenceVectors() {
        return KernelEmulatorCases.tests("squared_difference.txt", new SquaredDifferencePrepare(),
                c -> c.typesIn(DType.INT8), ElementwiseOpKernels.class, "squaredDifference",
                ElementwiseOpEmulatorTest::boards);
    }

    @TestFactory
    Stream<DynamicTest> preluVectors() {
        return KernelEmulatorCases.tests("prelu.txt", new PreluPrepare(), c -> c.typesIn(DType.INT8),
                ElementwiseOpKernels.class, "prelu", ElementwiseOpEmulatorTest::boards);
    }

    /** Both boards for a case whose tensors total at most 1 KB, else the L4R5. */
    static List<String> boards(KernelVectors.Case c) {
        int bytes = c.tensors().values().stream().mapToInt(t -> t.bytes().length).sum();
        return bytes <= 1024 ? KernelEmulatorCases.BOARDS : List.of("nucleo-l4r5zi");
    }
}
