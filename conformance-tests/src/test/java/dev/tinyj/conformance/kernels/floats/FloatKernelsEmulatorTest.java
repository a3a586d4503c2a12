package dev.tinyj.conformance.kernels.floats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tinyj.conformance.kernels.support.KernelCaseRun;
import dev.tinyj.conformance.kernels.support.KernelFirmware;
import dev.tinyj.conformance.kernels.support.KernelVectors;
import dev.tinyj.emulator.run.TensorFiles;
import dev.tinyj.emulator.toolchain.graph.DType;
import dev.tinyj.emulator.toolchain.ops.OpTable;
import dev.tinyj.emulator.toolchain.prepare.PreparedOp;
import fw.kernels.floats.FloatKernels;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The float32 kernels inside the emulator (building the wrapper also verifies they are inside the
 * subset) give the host JVM's bytes, and TFLM's: every float32 vector case on nucleo-l4r5zi (FPU),
 * the small ones also on arduino-uno (soft float, 2 KB SRAM). SOFTMAX against TFLM within its
 * declared ULP bound, everything else byte for byte.
 */
class FloatKernelsEmulatorTest {
    /** Vector file → wrapper entry. */
    private static final Map<String, String> FILES = Map.of("conv_float32.txt", "conv2d",
            "depthwise_conv_float32.txt", "depthwiseConv2d", "fully_connected_float32.txt", "fullyConnected",
            "max_pool_float32.txt", "maxPool", "softmax_float32.txt", "softmax");
    /** Operand bytes above which a case is left to the 640 KB board. */
    private static final int UNO_BYTES = 900;

    @TestFactory
    Stream<DynamicTest> vectorCases() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Map.Entry<String, String> f : new java.util.TreeMap<>(FILES).entrySet()) {
            for (KernelVectors.Case c : KernelVectors.load(f.getKey())) {
                OpTable.Entry e = OpTable.select(OpTable.byName(c.op()).orElseThrow().builtinCode(), DType.FLOAT32)
                        .orElseThrow();
                for (String board : List.of("arduino-uno", "nucleo-l4r5zi")) {
                    tests.add(DynamicTest.dynamicTest(c.id() + " on " + board, () -> run(e, c, f.getValue(), board)));
                }
            }
        }
        return tests.stream();
    }

    private static void run(OpTable.Entry e, KernelVectors.Case c, String entry, String board) throws Exception {
        PreparedOp op = e.prepare().prepare(c.context());
        byte[] want = c.outputTensor().tflmBytes();
        List<Object> args = new ArrayList<>(List.of(KernelCaseRun.placed(op.params()), KernelCaseRun.PAD));
        int bytes = op.params().length + want.length;
        int operands = entry.equals("maxPool") || entry.equals("softmax") ? 1 : 3;
        for (int k = 0; k < operands; k++) {
            byte[] b = k < c.inputs().length ? c.input(k).bytes() : new byte[4]; // an absent bias is never read
            bytes += b.length;
            args.add(KernelCaseRun.placed(b));
            args.add(KernelCaseRun.PAD);
        }
        if (board.equals("arduino-uno") && bytes > UNO_BYTES) {
            return; // too large for 2 KB of SRAM: run on nucleo-l4r5zi only
        }
        args.add(KernelCaseRun.placed(new byte[want.length]));
        args.add(KernelCaseRun.PAD);
        byte[] out = KernelFirmware.check(FloatKernels.class, board, entry, args.toArray());
        byte[] got = Arrays.copyOfRange(out, KernelCaseRun.PAD, KernelCaseRun.PAD + want.length);
        int ulps = e.op().outputUlpsFromTflm();
        if (ulps == 0) {
            assertArrayEquals(want, got, c + " on " + board);
            return;
        }
        ByteBuffer w = ByteBuffer.wrap(want).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer g = ByteBuffer.wrap(got).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < want.length; i += 4) {
            long d = TensorFiles.ulpDistance(w.getInt(i), g.getInt(i));
            assertTrue(d <= ulps, c + " on " + board + ": element " + i / 4 + " is " + d + " ULP from TFLM's");
        }
    }
}
