package dev.tinyj.conformance.kernels.table;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.tinyj.conformance.kernels.support.KernelCaseRun;
import dev.tinyj.conformance.kernels.support.KernelFirmware;
import dev.tinyj.conformance.kernels.support.KernelVectors;
import dev.tinyj.emulator.toolchain.ops.OpTable;
import dev.tinyj.emulator.toolchain.prepare.PreparedOp;
import fw.kernels.table.TableOpKernels;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Operators added under the op contract (LOG_SOFTMAX, REDUCE_MAX, HARD_SWISH, SUM, REDUCE_MIN, ARG_MAX, ...) in
 * the emulator through {@link TableOpKernels} (building it proves the kernels are inside the
 * subset): every int8 vector case on the nucleo-l4r5zi, and the ones whose operands fit its 2 KB
 * SRAM also on the arduino-uno; the output must equal the host JVM's and TFLM's bytes.
 */
class TableOpsEmulatorTest {
    /** Operand bytes above which a case is left to the L4R5 (the Uno has 2,048 B of SRAM). */
    private static final int UNO_BYTES = 640;

    @TestFactory
    Stream<DynamicTest> vectorCasesInTheEmulator() {
        List<DynamicTest> tests = new ArrayList<>();
        add(tests, "LOG_SOFTMAX", "log_softmax.txt", "logSoftmax");
        add(tests, "REDUCE_MAX", "reduce_max.txt", "reduceMax");
        add(tests, "HARD_SWISH", "hard_swish.txt", "hardSwish");
        add(tests, "SUM", "sum.txt", "sum");
        add(tests, "REDUCE_MIN", "reduce_min.txt", "reduceMin");
        add(tests, "ARG_MAX", "arg_min_max.txt", "argMinMax");
        add(tests, "ARG_MIN", "arg_min_max.txt", "argMinMax");
        add(tests, "SLICE", "slice.txt", "slice");
        add(tests, "SPACE_TO_DEPTH", "space_to_depth.txt", "transposeLike");
        add(tests, "DEPTH_TO_SPACE", "depth_to_space.txt", "transposeLike");
        add(tests, "MIRROR_PAD", "mirror_pad.txt", "mirrorPad");
        add(tests, "GATHER", "gather.txt", "gather");
        add(tests, "BATCH_TO_SPACE_ND", "batch_to_space_nd.txt", "batchToSpaceNd");
        add(tests, "SPACE_TO_BATCH_ND", "space_to_batch_nd.txt", "spaceToBatchNd");
        add(tests, "RESIZE_BILINEAR", "resize_bilinear.txt", "resizeBilinear");
        return tests.stream();
    }

    private static void add(List<DynamicTest> tests, String op, String file, String entry) {
        for (KernelVectors.Case c : KernelVectors.load(file)) {
            if (!c.op().equals(op) || "ERROR".equals(c.outputTensor().expectedStatus())
                    || !OperatorTableHarnessTest.int8(c)) {
                continue;
            }
            int bytes = c.outputTensor().tflmBytes().length;
            for (int k = 0; k < c.inputs().length; k++) {
                bytes += c.input(k).bytes().length;
            }
            for (String board : bytes <= UNO_BYTES ? List.of("arduino-uno", "nucleo-l4r5zi") : List.of("nucleo-l4r5zi")) {
                tests.add(DynamicTest.dynamicTest(c.id() + " on " + board, () -> {
                    PreparedOp prepared = OpTable.byName(op).orElseThrow().prepare().prepare(c.context());
                    List<Object> args = new ArrayList<>(List.of(KernelCaseRun.placed(prepared.params()),
                            KernelCaseRun.PAD));
                    for (int k = 0; k < c.inputs().length; k++) {
                        args.add(KernelCaseRun.placed(c.input(k).bytes()));
                        args.add(KernelCaseRun.PAD);
                    }
                    byte[] want = c.outputTensor().tflmBytes();
                    args.add(KernelCaseRun.placed(new byte[want.length]));
                    args.add(KernelCaseRun.PAD);
                    byte[] out = KernelFirmware.check(TableOpKernels.class, board, entry, args.toArray());
                    assertArrayEquals(want, Arrays.copyOfRange(out, KernelCaseRun.PAD, KernelCaseRun.PAD + want.length));
                }));
            }
        }
    }
}
