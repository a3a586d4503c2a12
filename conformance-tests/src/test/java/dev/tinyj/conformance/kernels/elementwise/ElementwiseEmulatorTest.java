package dev.tinyj.conformance.kernels.elementwise;

import dev.tinyj.conformance.kernels.support.KernelEmulatorCases;
import dev.tinyj.conformance.kernels.support.KernelFirmware;
import dev.tinyj.emulator.toolchain.graph.DType;
import dev.tinyj.emulator.toolchain.prepare.AddPrepare;
import dev.tinyj.emulator.toolchain.prepare.MulPrepare;
import dev.tinyj.emulator.toolchain.prepare.PrepareException;
import dev.tinyj.emulator.toolchain.prepare.PreparedOp;
import fw.kernels.elementwise.ElementwiseKernels;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** ADD and MUL in the emulator give the host JVM's bytes: TFLM vectors on both boards, generated broadcasts on the L4R5. */
class ElementwiseEmulatorTest {
    @TestFactory
    Stream<DynamicTest> addVectors() {
        return KernelEmulatorCases.tests("add.txt", new AddPrepare(), c -> c.typesIn(DType.INT8),
                ElementwiseKernels.class, "add");
    }

    @TestFactory
    Stream<DynamicTest> mulVectors() {
        return KernelEmulatorCases.tests("mul.txt", new MulPrepare(), c -> c.typesIn(DType.INT8),
                ElementwiseKernels.class, "mul");
    }

    @Property
    void generatedCasesMatchHost(@ForAll long seed) throws PrepareException {
        ElementwisePropertyTest.Gen g = ElementwisePropertyTest.Gen.of(seed);
        int size = ElementwisePropertyTest.size(g.out());
        PreparedOp add = new AddPrepare().prepare(g.context("ADD"));
        KernelFirmware.check(ElementwiseKernels.class, "nucleo-l4r5zi", "add", RefInt8.at(add.params(), 1), 1,
                RefInt8.at(g.a(), 2), 2, RefInt8.at(g.b(), 3), 3, new byte[size + 1], 1);
        PreparedOp mul = new MulPrepare().prepare(g.context("MUL"));
        KernelFirmware.check(ElementwiseKernels.class, "nucleo-l4r5zi", "mul", RefInt8.at(mul.params(), 1), 1,
                RefInt8.at(g.a(), 2), 2, RefInt8.at(g.b(), 3), 3, new byte[size + 1], 1);
    }
}
