package dev.tinyj.conformance.kernels.pooling;

import dev.tinyj.conformance.kernels.elementwise.RefInt8;
import dev.tinyj.conformance.kernels.support.KernelEmulatorCases;
import dev.tinyj.conformance.kernels.support.KernelFirmware;
import dev.tinyj.emulator.toolchain.graph.DType;
import dev.tinyj.emulator.toolchain.prepare.AveragePool2DPrepare;
import dev.tinyj.emulator.toolchain.prepare.MaxPool2DPrepare;
import dev.tinyj.emulator.toolchain.prepare.PrepareException;
import dev.tinyj.emulator.toolchain.prepare.PreparedOp;
import fw.kernels.pooling.PoolingKernels;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The pooling kernels in the emulator give the host JVM's bytes: TFLM vectors on both boards, generated cases on the L4R5. */
class PoolingEmulatorTest {
    @TestFactory
    Stream<DynamicTest> averagePoolVectors() {
        return KernelEmulatorCases.tests("average_pool.txt", new AveragePool2DPrepare(), c -> c.typesIn(DType.INT8),
                PoolingKernels.class, "averagePool");
    }

    @TestFactory
    Stream<DynamicTest> maxPoolVectors() {
        return KernelEmulatorCases.tests("max_pool.txt", new MaxPool2DPrepare(), c -> c.typesIn(DType.INT8),
                PoolingKernels.class, "maxPool");
    }

    @Property
    void generatedCasesMatchHost(@ForAll long seed) throws PrepareException {
        PoolingPropertyTest.Gen g = PoolingPropertyTest.Gen.of(seed);
        int size = g.n() * g.outH() * g.outW() * g.c();
        PreparedOp avg = new AveragePool2DPrepare().prepare(g.context("AVERAGE_POOL_2D"));
        KernelFirmware.check(PoolingKernels.class, "nucleo-l4r5zi", "averagePool", RefInt8.at(avg.params(), 2), 2,
                RefInt8.at(g.data(), 1), 1, new byte[size + 3], 3);
        PreparedOp max = new MaxPool2DPrepare().prepare(g.context("MAX_POOL_2D"));
        KernelFirmware.check(PoolingKernels.class, "nucleo-l4r5zi", "maxPool", RefInt8.at(max.params(), 2), 2,
                RefInt8.at(g.data(), 1), 1, new byte[size + 3], 3);
    }
}
