package dev.tinyj.conformance.kernels.pooling;

import dev.tinyj.conformance.kernels.support.KernelCaseRun;
import dev.tinyj.emulator.toolchain.graph.DType;
import dev.tinyj.emulator.toolchain.prepare.AveragePool2DPrepare;
import dev.tinyj.emulator.toolchain.prepare.MaxPool2DPrepare;
import dev.tinyj.runtime.kernels.AveragePool2D;
import dev.tinyj.runtime.kernels.MaxPool2D;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** TFLM's AVERAGE_POOL_2D and MAX_POOL_2D test vectors, bit-exact on the host JVM. */
class PoolingVectorTest {
    @TestFactory
    Stream<DynamicTest> averagePool() {
        return KernelCaseRun.tests("average_pool.txt", new AveragePool2DPrepare(),
                (params, p, in, out, o) -> AveragePool2D.eval(params, p, in[0], KernelCaseRun.PAD, out, o),
                c -> c.typesIn(DType.INT8));
    }

    @TestFactory
    Stream<DynamicTest> maxPool() {
        return KernelCaseRun.tests("max_pool.txt", new MaxPool2DPrepare(),
                (params, p, in, out, o) -> MaxPool2D.eval(params, p, in[0], KernelCaseRun.PAD, out, o),
                c -> c.typesIn(DType.INT8));
    }
}
