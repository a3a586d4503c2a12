package dev.tinyj.conformance.kernels.elementwise;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tinyj.emulator.toolchain.graph.DType;
import dev.tinyj.emulator.toolchain.graph.Quantization;
import dev.tinyj.emulator.toolchain.graph.TensorInfo;
import dev.tinyj.emulator.toolchain.ops.OpTable;
import dev.tinyj.emulator.toolchain.prepare.NegPrepare;
import dev.tinyj.emulator.toolchain.prepare.OpContext;
import dev.tinyj.emulator.toolchain.prepare.OpOptions;
import dev.tinyj.emulator.toolchain.prepare.PrepareException;
import dev.tinyj.emulator.toolchain.prepare.PreparedOp;
import dev.tinyj.emulator.toolchain.tflite.TfliteReader;
import dev.tinyj.emulator.toolchain.tflite.TfliteSpec;
import dev.tinyj.emulator.toolchain.tflite.TfliteWriter;
import dev.tinyj.runtime.kernels.Neg;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/**
 * NEG (float32) against IEEE 754's negate: each output is its input with the sign bit inverted and
 * every other bit kept, which for a number is Java's {@code -x} and for a NaN keeps the payload.
 * Random bit patterns (NaNs, infinities, zeros, subnormals among them), operands at non-zero
 * offsets, and the same run in place. An int8 NEG, which TFLM does not run either, is refused with
 * what NEG's kernel takes.
 */
class NegPropertyTest {
    @Property
    void negatesEveryBitPattern(@ForAll int[] bits) throws PrepareException {
        int n = bits.length;
        TensorInfo in = new TensorInfo(0, "input", DType.FLOAT32, new int[] {n}, null, null);
        TensorInfo out = new TensorInfo(1, "output", DType.FLOAT32, new int[] {n}, null, null);
        PreparedOp op = new NegPrepare().prepare(new OpContext("NEG", 0, List.of(in), out, OpOptions.none()));
        ByteBuffer input = ByteBuffer.allocate(4 * n + 3).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer want = ByteBuffer.allocate(4 * n).order(ByteOrder.LITTLE_ENDIAN);
        for (int k = 0; k < n; k++) {
            float x = Float.intBitsToFloat(bits[k]);
            input.putInt(3 + 4 * k, bits[k]);
            want.putInt(4 * k, Float.isNaN(x) ? bits[k] ^ Integer.MIN_VALUE : Float.floatToRawIntBits(-x));
        }
        byte[] params = RefInt8.at(op.params(), 5);
        byte[] output = new byte[4 * n + 2];
        Neg.eval(params, 5, input.array(), 3, output, 2);
        assertArrayEquals(want.array(), Arrays.copyOfRange(output, 2, 2 + 4 * n));
        Neg.eval(params, 5, input.array(), 3, input.array(), 3);
        assertArrayEquals(want.array(), Arrays.copyOfRange(input.array(), 3, 3 + 4 * n));
    }

    @Test
    void int8NegIsRefusedAsTflmRefusesIt() throws Exception {
        Quantization q = Quantization.perTensor(0.5f, 0);
        TfliteSpec spec = new TfliteSpec("neg", "main", List.of(
                new TfliteSpec.Tensor("in", DType.INT8, new int[] {2}, null, q),
                new TfliteSpec.Tensor("out", DType.INT8, new int[] {2}, null, q)),
                List.of(new TfliteSpec.Operator("NEG", new int[] {0}, new int[] {1}, new OpOptions(Map.of()))),
                new int[] {0}, new int[] {1});
        List<String> findings = TfliteReader.read(TfliteWriter.write(spec), "neg.tflite").unsupported();
        assertEquals(1, findings.size(), findings.toString());
        String summary = OpTable.byName("NEG").orElseThrow().spec().summary();
        assertTrue(findings.get(0).startsWith("operator 0 (NEG): tensor 0 'in' int8[2]: unsupported type int8 (NEG runs "
                + "float32: " + summary + ")"), findings.get(0));
    }
}
