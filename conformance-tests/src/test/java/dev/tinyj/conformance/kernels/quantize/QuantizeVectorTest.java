package dev.tinyj.conformance.kernels.quantize;

import dev.tinyj.conformance.kernels.support.KernelCaseRun;
import dev.tinyj.conformance.kernels.table.OperatorTableHarnessTest;
import dev.tinyj.emulator.toolchain.graph.DType;
import dev.tinyj.emulator.toolchain.prepare.DequantizePrepare;
import dev.tinyj.emulator.toolchain.prepare.QuantizePrepare;
import dev.tinyj.runtime.kernels.Dequantize;
import dev.tinyj.runtime.kernels.Quantize;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * TFLM's QUANTIZE and DEQUANTIZE test vectors, bit-exact on the host JVM. In scope: float32 →
 * int8, int8 → int8, uint8 → int8, int16 → int8 and int16 → int32 QUANTIZE, int8 → float32
 * DEQUANTIZE; the other int16 and int32 sides and a uint8 output are refused.
 */
class QuantizeVectorTest {
    private static final int PAD = KernelCaseRun.PAD;

    @TestFactory
    Stream<DynamicTest> quantize() {
        return KernelCaseRun.tests("quantize.txt", new QuantizePrepare(),
                (params, p, in, out, o) -> Quantize.eval(params, p, in[0], PAD, out, o),
                OperatorTableHarnessTest::quantizeInScope);
    }

    @TestFactory
    Stream<DynamicTest> dequantize() {
        return KernelCaseRun.tests("dequantize.txt", new DequantizePrepare(),
                (params, p, in, out, o) -> Dequantize.eval(params, p, in[0], PAD, out, o),
                c -> c.input(0).dtype() == DType.INT8);
    }
}
