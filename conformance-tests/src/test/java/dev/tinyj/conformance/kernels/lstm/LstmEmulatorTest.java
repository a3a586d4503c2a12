package dev.tinyj.conformance.kernels.lstm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.tinyj.conformance.kernels.support.KernelCaseRun;
import dev.tinyj.conformance.kernels.support.KernelFirmware;
import dev.tinyj.conformance.kernels.support.KernelVectors;
import dev.tinyj.emulator.toolchain.prepare.PreparedOp;
import dev.tinyj.emulator.toolchain.prepare.UnidirectionalSequenceLstmPrepare;
import fw.kernels.lstm.LstmKernels;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The UNIDIRECTIONAL_SEQUENCE_LSTM kernel in the emulator ({@link LstmKernels}) on arduino-uno and
 * nucleo-l4r5zi: every accepted vector case gives the host JVM's output bytes, which are TFLM's.
 * Building the wrapper also verifies the kernel, its gate and the int16 sigmoid (with its
 * {@code @Progmem} table) are inside the subset.
 */
class LstmEmulatorTest {
    /** TFLite positions of the kernel's operands, in its parameter order. */
    private static final int[] OPERANDS = {0, 1, 2, 3, 4, 5, 6, 7, 8, 12, 13, 14, 15, 18, 19};

    @TestFactory
    Stream<DynamicTest> vectorCasesOnBothBoards() {
        List<DynamicTest> tests = new ArrayList<>();
        for (KernelVectors.Case c : KernelVectors.load("unidirectional_sequence_lstm.txt")) {
            if (c.outputTensor().tflmQ() == null) {
                continue;
            }
            for (String board : List.of("arduino-uno", "nucleo-l4r5zi")) {
                tests.add(DynamicTest.dynamicTest(c.id() + " on " + board, () -> {
                    PreparedOp op = new UnidirectionalSequenceLstmPrepare().prepare(c.context());
                    List<Object> args = new ArrayList<>(List.of(KernelCaseRun.placed(op.params()), KernelCaseRun.PAD));
                    for (int k : OPERANDS) {
                        args.add(KernelCaseRun.placed(c.input(k).bytes()));
                        args.add(KernelCaseRun.PAD);
                    }
                    byte[] want = c.outputTensor().tflmBytes();
                    args.add(KernelCaseRun.placed(new byte[want.length]));
                    args.add(KernelCaseRun.PAD);
                    byte[] out = KernelFirmware.check(LstmKernels.class, board, "lstm", args.toArray());
                    assertArrayEquals(want, Arrays.copyOfRange(out, KernelCaseRun.PAD, KernelCaseRun.PAD + want.length));
                }));
            }
        }
        return tests.stream();
    }
}
