package dev.tinyj.conformance.kernels.support;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.tinyj.emulator.toolchain.prepare.OpPrepare;
import dev.tinyj.emulator.toolchain.prepare.PreparedOp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * The in-scope TFLM vector cases of one kernel run through its firmware wrapper on both boards:
 * the emulator's output must equal the host JVM's, and both TFLM's.
 */
public final class KernelEmulatorCases {
    private KernelEmulatorCases() {
    }

    public static final List<String> BOARDS = List.of("arduino-uno", "nucleo-l4r5zi");

    /** One dynamic test per in-scope case and board; {@code entry} is the wrapper's method name. */
    public static Stream<DynamicTest> tests(String file, OpPrepare prepare, Predicate<KernelVectors.Case> inScope,
            Class<?> wrapper, String entry) {
        return tests(file, prepare, inScope, wrapper, entry, c -> BOARDS);
    }

    /** The same on the boards {@code boards} gives each case (the Uno's 2 KB of SRAM holds small cases only). */
    public static Stream<DynamicTest> tests(String file, OpPrepare prepare, Predicate<KernelVectors.Case> inScope,
            Class<?> wrapper, String entry, Function<KernelVectors.Case, List<String>> boards) {
        List<DynamicTest> tests = new ArrayList<>();
        for (KernelVectors.Case c : KernelVectors.load(file)) {
            if ("ERROR".equals(c.outputTensor().expectedStatus()) || !inScope.test(c)) {
                continue;
            }
            for (String board : boards.apply(c)) {
                tests.add(DynamicTest.dynamicTest(c.id() + " on " + board, () -> {
                    PreparedOp op = prepare.prepare(c.context());
                    List<Object> args = new ArrayList<>(List.of(KernelCaseRun.placed(op.params()), KernelCaseRun.PAD));
                    for (int k = 0; k < c.inputs().length; k++) {
                        args.add(KernelCaseRun.placed(c.input(k).bytes()));
                        args.add(KernelCaseRun.PAD);
                    }
                    byte[] want = c.outputTensor().tflmBytes();
                    args.add(KernelCaseRun.placed(new byte[want.length]));
                    args.add(KernelCaseRun.PAD);
                    byte[] out = KernelFirmware.check(wrapper, board, entry, args.toArray());
                    assertArrayEquals(want, Arrays.copyOfRange(out, KernelCaseRun.PAD, KernelCaseRun.PAD + want.length));
                }));
            }
        }
        return tests.stream();
    }
}
