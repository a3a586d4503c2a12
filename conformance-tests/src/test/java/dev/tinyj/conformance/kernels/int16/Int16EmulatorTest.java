package dev.tinyj.conformance.kernels.int16;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.tinyj.conformance.kernels.support.KernelCaseRun;
import dev.tinyj.conformance.kernels.support.KernelFirmware;
import dev.tinyj.conformance.kernels.support.KernelVectors;
import dev.tinyj.emulator.toolchain.graph.DType;
import dev.tinyj.emulator.toolchain.ops.OpTable;
import dev.tinyj.emulator.toolchain.prepare.PreparedOp;
import fw.kernels.int16.Int16Kernels;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The int16 kernels inside the emulator (building the firmware also verifies they are in the
 * subset, long arithmetic included) give the host JVM's bytes and TFLM's: every int16 vector case
 * on nucleo-l4r5zi (Cortex-M4), the ones that fit its 8 KB on arduino-mega2560 (AVR).
 */
class Int16EmulatorTest {
    private static final Map<String, String> ENTRY = Map.of("CONV_2D", "conv", "DEPTHWISE_CONV_2D", "depthwise",
            "FULLY_CONNECTED", "fullyConnected", "AVERAGE_POOL_2D", "averagePool", "MAX_POOL_2D", "maxPool",
            "SOFTMAX", "softmax", "QUANTIZE", "quantize");

    @TestFactory
    Stream<DynamicTest> everyInt16VectorCaseOnBothCores() {
        List<DynamicTest> tests = new ArrayList<>();
        for (KernelVectors.Case c : KernelVectors.all()) {
            OpTable.Entry e = OpTable.byName(c.op()).flatMap(x -> OpTable.select(x.builtinCode(),
                    c.context().input(0).type())).orElse(null);
            if (e == null || !e.spec().inputTypes().contains(DType.INT16)) {
                continue;
            }
            int sram = Arrays.stream(c.inputs()).map(t -> c.tensors().get(t).bytes().length).sum()
                    + c.outputTensor().tflmBytes().length;
            for (String board : sram < 3000 && !c.op().equals("SOFTMAX") ? List.of("arduino-mega2560", "nucleo-l4r5zi")
                    : List.of("nucleo-l4r5zi")) {
                tests.add(DynamicTest.dynamicTest(c.id() + " on " + board, () -> {
                    PreparedOp op = e.prepare().prepare(c.context());
                    List<Object> args = new ArrayList<>(List.of(KernelCaseRun.placed(op.params()), KernelCaseRun.PAD));
                    for (int k = 0; k < c.inputs().length; k++) {
                        args.add(KernelCaseRun.placed(c.input(k).bytes()));
                        args.add(KernelCaseRun.PAD);
                    }
                    byte[] want = c.outputTensor().tflmBytes();
                    args.add(KernelCaseRun.placed(new byte[want.length]));
                    args.add(KernelCaseRun.PAD);
                    String entry = ENTRY.get(c.op()) + (c.inputs().length == 2 ? "NoBias" : "");
                    byte[] out = KernelFirmware.check(Int16Kernels.class, board, entry, args.toArray());
                    assertArrayEquals(want, Arrays.copyOfRange(out, KernelCaseRun.PAD, KernelCaseRun.PAD + want.length));
                }));
            }
        }
        return tests.stream();
    }
}
