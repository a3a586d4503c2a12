package dev.tinyj.conformance.kernels.elementwise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tinyj.emulator.toolchain.graph.DType;
import dev.tinyj.emulator.toolchain.graph.Quantization;
import dev.tinyj.emulator.toolchain.graph.TensorInfo;
import dev.tinyj.emulator.toolchain.prepare.AddPrepare;
import dev.tinyj.emulator.toolchain.prepare.MulPrepare;
import dev.tinyj.emulator.toolchain.prepare.OpContext;
import dev.tinyj.emulator.toolchain.prepare.OpOptions;
import dev.tinyj.emulator.toolchain.prepare.PrepareException;
import dev.tinyj.hal.Flash;
import dev.tinyj.runtime.kernels.BinaryBroadcast;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ADD/MUL prepare: the broadcast header, and what is refused. */
class ElementwisePrepareTest {
    private static OpContext ctx(String op, DType type, int[] a, int[] b, int[] out, float outScale) {
        Quantization q = Quantization.perTensor(0.5f, 1);
        return new OpContext(op, 2, List.of(new TensorInfo(0, "input1", type, a, q, null),
                new TensorInfo(1, "input2", type, b, q, null)),
                new TensorInfo(2, "output", type, out, Quantization.perTensor(outScale, 0), null), OpOptions.none());
    }

    @Test
    void broadcastStridesAreZeroAlongRepeatedDimensions() throws PrepareException {
        byte[] p = new AddPrepare().prepare(ctx("ADD", DType.INT8, new int[] {2, 1, 3}, new int[] {4, 1},
                new int[] {2, 4, 3}, 1f)).params();
        int[] dims = new int[6];
        int[] s1 = new int[6];
        int[] s2 = new int[6];
        for (int k = 0; k < 6; k++) {
            dims[k] = Flash.readInt(p, BinaryBroadcast.P_OUT_DIMS + 4 * k);
            s1[k] = Flash.readInt(p, BinaryBroadcast.P_STRIDES1 + 4 * k);
            s2[k] = Flash.readInt(p, BinaryBroadcast.P_STRIDES2 + 4 * k);
        }
        assertEquals(List.of(1, 1, 1, 2, 4, 3), java.util.Arrays.stream(dims).boxed().toList());
        assertEquals(List.of(0, 0, 0, 3, 0, 1), java.util.Arrays.stream(s1).boxed().toList());
        assertEquals(List.of(0, 0, 0, 0, 1, 0), java.util.Arrays.stream(s2).boxed().toList());
    }

    @Test
    void refusesInt16AsUnsupportedType() {
        for (String op : List.of("ADD", "MUL")) {
            PrepareException e = assertThrows(PrepareException.class, () -> (op.equals("ADD") ? new AddPrepare()
                    : new MulPrepare()).prepare(ctx(op, DType.INT16, new int[] {2}, new int[] {2}, new int[] {2}, 1f)));
            assertTrue(e.getMessage().contains("unsupported type"), e.getMessage());
        }
    }

    @Test
    void refusesIncompatibleShapesWrongOutputAndRankAboveSix() {
        assertThrows(PrepareException.class, () -> new AddPrepare().prepare(
                ctx("ADD", DType.INT8, new int[] {2, 3}, new int[] {2}, new int[] {2, 3}, 1f)));
        assertThrows(PrepareException.class, () -> new MulPrepare().prepare(
                ctx("MUL", DType.INT8, new int[] {2, 3}, new int[] {3}, new int[] {3, 3}, 1f)));
        int[] r7 = {1, 1, 1, 1, 1, 1, 2};
        assertThrows(PrepareException.class, () -> new AddPrepare().prepare(ctx("ADD", DType.INT8, r7, r7, r7, 1f)));
    }

    @Test
    void addRefusesAnOutputRescaleOfOneOrMore() {
        // 2 * 0.5 / (2^20 * 2^-21) = 2: TFLM's QuantizeMultiplierSmallerThanOneExp CHECK fails
        assertThrows(PrepareException.class, () -> new AddPrepare().prepare(
                ctx("ADD", DType.INT8, new int[] {2}, new int[] {2}, new int[] {2}, 0x1p-21f)));
    }
}
