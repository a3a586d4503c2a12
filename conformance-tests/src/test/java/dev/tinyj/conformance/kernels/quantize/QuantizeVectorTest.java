package dev.tinyj.conformance.kernels.quantize;

import dev.tinyj.conformance.kernels.support.KernelCaseRun;
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
 * int8, int8 → int8 and uint8 → int8 QUANTIZE, int8 → float32 DEQUANTIZE; int16 and int32 sides
 * and a uint8 output are refused.
 */
class QuantizeVectorTest {
    private static final int PAD = KernelCaseRun.PAD;

    @TestFactory
    Stream<DynamicTest> quantize() {
        return KernelCaseRun.tests("quantize.txt", new QuantizePrepare(),
                (params, p, in, out, o) -> Quantize.eval(params, p, in[0], PAD, out, o),
                c -> c.outputTensor().dtype() == DType.INT8 && c.typesIn(DType.INT8, DType.FLOAT32, DType.UINT8));
    }

    @TestFactory
    Stream<DynamicTest> dequantize() {
        return KernelCaseRun.tests("dequantize.txt", new DequantizePrepare(),
                (params, p, in, out, o) -> Dequantize.eval(params, p, in[0], PAD, out, o),
                c -> c.input(0).dtype() == DType.INT8);
    }
}
