package dev.tinyj.conformance.kernels.quantize;

import dev.tinyj.conformance.kernels.elementwise.RefInt8;
import dev.tinyj.conformance.kernels.support.KernelEmulatorCases;
import dev.tinyj.conformance.kernels.support.KernelFirmware;
import dev.tinyj.emulator.toolchain.graph.DType;
import dev.tinyj.emulator.toolchain.graph.Quantization;
import dev.tinyj.emulator.toolchain.graph.TensorInfo;
import dev.tinyj.emulator.toolchain.prepare.DequantizePrepare;
import dev.tinyj.emulator.toolchain.prepare.OpContext;
import dev.tinyj.emulator.toolchain.prepare.OpOptions;
import dev.tinyj.emulator.toolchain.prepare.PrepareException;
import dev.tinyj.emulator.toolchain.prepare.QuantizePrepare;
import fw.kernels.quantize.QuantizeKernels;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * QUANTIZE and DEQUANTIZE in the emulator give the host JVM's bytes: TFLM vectors on both boards;
 * on the L4R5 generated floats (ties, huge, NaN, infinities: the float division, roundf and the
 * x86 conversion rule in the emulator's float unit), requantization and dequantization of every
 * int8 value with scales of any magnitude.
 */
class QuantizeEmulatorTest {
    @TestFactory
    Stream<DynamicTest> quantizeVectors() {
        return KernelEmulatorCases.tests("quantize.txt", new QuantizePrepare(),
                c -> c.outputTensor().dtype() == DType.INT8 && c.typesIn(DType.INT8, DType.FLOAT32),
                QuantizeKernels.class, "quantize");
    }

    @TestFactory
    Stream<DynamicTest> dequantizeVectors() {
        return KernelEmulatorCases.tests("dequantize.txt", new DequantizePrepare(),
                c -> c.input(0).dtype() == DType.INT8, QuantizeKernels.class, "dequantize");
    }

    private static byte[] params(String op, TensorInfo in, TensorInfo out, boolean quantize) throws PrepareException {
        OpContext ctx = new OpContext(op, 0, List.of(in), out, OpOptions.none());
        return (quantize ? new QuantizePrepare().prepare(ctx) : new DequantizePrepare().prepare(ctx)).params();
    }

    @Property
    void generatedCasesMatchHost(@ForAll long seed) throws PrepareException {
        Random r = new Random(seed);
        float s1 = r.nextBoolean() ? RefInt8.scale(r, -12, 4) : Math.abs(Float.intBitsToFloat(r.nextInt() | 1));
        if (!Float.isFinite(s1)) {
            s1 = 1e-3f;
        }
        float s2 = RefInt8.scale(r, -12, 4);
        int z1 = r.nextInt(256) - 128;
        int z2 = r.nextInt(256) - 128;
        int n = 64;
        ByteBuffer floats = ByteBuffer.allocate(4 * n).order(ByteOrder.LITTLE_ENDIAN);
        float[] special = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 3e9f, -3e9f, 0.5f, -0.5f, 2.5f};
        for (int i = 0; i < n; i++) {
            float x = i < special.length ? special[i] * (i >= 5 ? s2 : 1) : (r.nextInt(600) - 300) * 0.5f * s2
                    + (r.nextInt(4) == 0 ? (float) r.nextGaussian() : 0);
            floats.putFloat(x);
        }
        TensorInfo f32 = new TensorInfo(0, "input", DType.FLOAT32, new int[] {n}, null, null);
        TensorInfo q1 = new TensorInfo(0, "input", DType.INT8, new int[] {n}, Quantization.perTensor(s1, z1), null);
        TensorInfo q2 = new TensorInfo(1, "output", DType.INT8, new int[] {n}, Quantization.perTensor(s2, z2), null);
        TensorInfo out32 = new TensorInfo(1, "output", DType.FLOAT32, new int[] {n}, null, null);
        String board = "nucleo-l4r5zi";
        KernelFirmware.check(QuantizeKernels.class, board, "quantize", params("QUANTIZE", f32, q2, true), 0,
                RefInt8.at(floats.array(), 4), 4, new byte[n + 2], 2);
        byte[] int8 = RefInt8.int8s(r, n);
        KernelFirmware.check(QuantizeKernels.class, board, "quantize", params("QUANTIZE", q1, q2, true), 0,
                RefInt8.at(int8, 1), 1, new byte[n + 2], 2);
        KernelFirmware.check(QuantizeKernels.class, board, "dequantize", params("DEQUANTIZE", q1, out32, false), 0,
                RefInt8.at(int8, 1), 1, new byte[4 * n + 2], 2);
    }
}
