package dev.tinyj.conformance.kernels.quantize;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tinyj.emulator.toolchain.graph.DType;
import dev.tinyj.emulator.toolchain.graph.Quantization;
import dev.tinyj.emulator.toolchain.graph.TensorInfo;
import dev.tinyj.emulator.toolchain.prepare.DequantizePrepare;
import dev.tinyj.emulator.toolchain.prepare.OpContext;
import dev.tinyj.emulator.toolchain.prepare.OpOptions;
import dev.tinyj.emulator.toolchain.prepare.PrepareException;
import dev.tinyj.emulator.toolchain.prepare.QuantizePrepare;
import java.util.List;
import org.junit.jupiter.api.Test;

/** QUANTIZE/DEQUANTIZE prepare refusals. */
class QuantizePrepareTest {
    private static OpContext ctx(String op, TensorInfo in, TensorInfo out) {
        return new OpContext(op, 1, List.of(in), out, OpOptions.none());
    }

    private static TensorInfo t(DType type, int[] shape, Quantization q) {
        return new TensorInfo(0, "t", type, shape, q, null);
    }

    @Test
    void dequantizeRefusesAZeroPointOutsideInt8() {
        // the float32 multiply equals TFLM's double one only for |v - zp| <= 255
        assertThrows(PrepareException.class, () -> new DequantizePrepare().prepare(ctx("DEQUANTIZE",
                t(DType.INT8, new int[] {2}, Quantization.perTensor(0.5f, 300)), t(DType.FLOAT32, new int[] {2}, null))));
    }

    @Test
    void refusesFloatOutputOfQuantizeAndShapeChanges() {
        PrepareException e = assertThrows(PrepareException.class, () -> new QuantizePrepare().prepare(ctx("QUANTIZE",
                t(DType.FLOAT32, new int[] {2}, null), t(DType.FLOAT32, new int[] {2}, null))));
        assertTrue(e.getMessage().contains("unsupported type"), e.getMessage());
        assertThrows(PrepareException.class, () -> new QuantizePrepare().prepare(ctx("QUANTIZE",
                t(DType.FLOAT32, new int[] {2}, null), t(DType.INT8, new int[] {1, 2}, Quantization.perTensor(1f, 0)))));
    }
}
