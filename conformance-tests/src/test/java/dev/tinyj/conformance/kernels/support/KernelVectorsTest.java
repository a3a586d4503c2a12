package dev.tinyj.conformance.kernels.support;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tinyj.emulator.toolchain.graph.DType;
import java.util.List;
import org.junit.jupiter.api.Test;

class KernelVectorsTest {
    @Test
    void readsTheFirstFullyConnectedCase() {
        List<KernelVectors.Case> cases = KernelVectors.load("fully_connected.txt");
        KernelVectors.Case c = cases.get(0);
        assertEquals("fc_simple_int8", c.id());
        assertEquals("FULLY_CONNECTED", c.op());
        assertEquals("NONE", c.context().options().string("fused_activation_function", "?"));
        assertEquals(DType.INT8, c.input(0).dtype());
        assertArrayEquals(new int[] {2, 10}, c.input(0).shape());
        assertEquals(-1, c.input(0).quantization().zeroPoint0());
        assertArrayEquals(new byte[] {47, 49, 51, 115, 117, 119}, c.outputTensor().tflmBytes());
        assertArrayEquals(new byte[] {1, 0, 0, 0, 2, 0, 0, 0, 3, 0, 0, 0}, c.input(2).bytes());
        assertEquals(6, cases.size());
    }
}
