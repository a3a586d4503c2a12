package dev.tinyj.conformance.kernels.elementwise;

import dev.tinyj.conformance.kernels.support.KernelCaseRun;
import dev.tinyj.emulator.toolchain.graph.DType;
import dev.tinyj.emulator.toolchain.prepare.AddPrepare;
import dev.tinyj.emulator.toolchain.prepare.MulPrepare;
import dev.tinyj.runtime.kernels.Add;
import dev.tinyj.runtime.kernels.Mul;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** TFLM's ADD and MUL test vectors (with broadcasting), bit-exact on the host JVM. */
class ElementwiseVectorTest {
    private static final int PAD = KernelCaseRun.PAD;

    @TestFactory
    Stream<DynamicTest> add() {
        return KernelCaseRun.tests("add.txt", new AddPrepare(),
                (params, p, in, out, o) -> Add.eval(params, p, in[0], PAD, in[1], PAD, out, o),
                c -> c.typesIn(DType.INT8));
    }

    @TestFactory
    Stream<DynamicTest> mul() {
        return KernelCaseRun.tests("mul.txt", new MulPrepare(),
                (params, p, in, out, o) -> Mul.eval(params, p, in[0], PAD, in[1], PAD, out, o),
                c -> c.typesIn(DType.INT8));
    }
}
