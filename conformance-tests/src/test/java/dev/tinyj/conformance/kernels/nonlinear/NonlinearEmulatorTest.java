package dev.tinyj.conformance.kernels.nonlinear;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.tinyj.conformance.kernels.support.KernelVectors;
import dev.tinyj.conformance.support.Emu;
import dev.tinyj.emulator.toolchain.graph.DType;
import dev.tinyj.emulator.toolchain.graph.Quantization;
import dev.tinyj.emulator.toolchain.graph.TensorInfo;
import dev.tinyj.emulator.toolchain.prepare.OpContext;
import dev.tinyj.emulator.toolchain.prepare.OpOptions;
import dev.tinyj.emulator.toolchain.prepare.PrepareException;
import dev.tinyj.emulator.vm.Firmware;
import dev.tinyj.emulator.vm.SubsetException;
import dev.tinyj.emulator.vm.decode.Program;
import dev.tinyj.emulator.vm.exec.Machine;
import dev.tinyj.emulator.vm.load.ClassPath;
import dev.tinyj.emulator.vm.load.ImageException;
import dev.tinyj.runtime.kernels.Softmax;
import fw.kernels.nonlinear.NonlinearKernels;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Host JVM vs emulator: the firmware wrapper {@link NonlinearKernels} (which also proves the kernels
 * pass the subset verifier) runs the int8 vector cases and some generated ones on an emulated
 * board; the output bytes must equal the host JVM run's.
 */
class NonlinearEmulatorTest {
    private static final String OWNER = "fw/kernels/nonlinear/NonlinearKernels";
    private static final String DESCRIPTOR = "([BI[BI[BI)V";

    /** The wrapper with the runtime kernels on the class path. */
    static Program build(String board) {
        try (ClassPath cp = ClassPath.of(List.of(Emu.classesOf(NonlinearKernels.class), Emu.classesOf(Softmax.class)))) {
            return Firmware.build(cp, NonlinearKernels.class.getName(), Emu.board(board),
                    Set.of("softmax", "logistic", "tanh"));
        } catch (ImageException | SubsetException e) {
            throw new IllegalStateException(e.getMessage() + (e instanceof SubsetException s ? "\n"
                    + String.join("\n", s.violations()) : ""), e);
        }
    }

    /** Runs {@code op} in a fresh machine with the operands at offsets; returns the output bytes. */
    static byte[] emulate(Program program, String board, NonlinearOps op, byte[] params, byte[] input, int n) {
        Machine m = Emu.machine(program, board, new ByteArrayOutputStream());
        m.runInitializers();
        m.setup();
        int p = 4;
        int inOff = 3;
        int outOff = 2;
        int hp = m.allocate(NonlinearVectorTest.withPrefix(params, p));
        byte[] in = new byte[inOff + input.length];
        System.arraycopy(input, 0, in, inOff, input.length);
        int hi = m.allocate(in);
        int ho = m.allocate(new byte[outOff + n + 1]);
        m.call(OWNER, op.entryPoint(), DESCRIPTOR, hp, p, hi, inOff, ho, outOff);
        return java.util.Arrays.copyOfRange(m.bytes(ho), outOff, outOff + n);
    }

    static void agree(Program program, String board, NonlinearOps op, OpContext ctx, byte[] input)
            throws PrepareException {
        byte[] params = op.prepare.prepare(ctx).params();
        byte[] host = op.runAt(NonlinearVectorTest.withPrefix(params, 1), 1, input, 0, 0, input.length);
        assertArrayEquals(host, emulate(program, board, op, params, input, input.length), op + " " + ctx);
    }

    @Test
    void vectorCasesOnTheNucleo() throws PrepareException {
        Program program = build("nucleo-l4r5zi");
        int ran = 0;
        for (NonlinearOps op : NonlinearOps.values()) {
            for (KernelVectors.Case c : KernelVectors.load(op.vectors)) {
                if (c.typesIn(DType.INT8) && c.outputTensor().expectedStatus() == null) {
                    byte[] input = java.util.Arrays.copyOf(c.input(0).bytes(), c.outputTensor().tflmBytes().length);
                    agree(program, "nucleo-l4r5zi", op, c.context(), input);
                    ran++;
                }
            }
        }
        org.junit.jupiter.api.Assertions.assertEquals(7, ran);
    }

    @Test
    void generatedCasesOnTheUnoAndTheNucleo() throws PrepareException {
        Random random = new Random(20261129);
        for (String board : new String[] {"arduino-uno", "nucleo-l4r5zi"}) {
            Program program = build(board);
            int maxLength = board.equals("arduino-uno") ? 24 : 200;
            for (int k = 0; k < 6; k++) {
                int depth = 1 + random.nextInt(12);
                int outer = 1 + random.nextInt(Math.max(1, maxLength / depth));
                byte[] input = new byte[outer * depth];
                random.nextBytes(input);
                int[] shape = {outer, depth};
                float scale = Math.scalb(1f + random.nextFloat(), -8 + random.nextInt(10));
                int zp = random.nextInt(256) - 128;
                TensorInfo in = tensor(0, shape, scale, zp);
                agree(program, board, NonlinearOps.SOFTMAX, new OpContext("SOFTMAX", 0, List.of(in),
                        tensor(1, shape, 1f / 256, -128), new OpOptions(Map.of("beta", "1.0"))), input);
                agree(program, board, NonlinearOps.LOGISTIC, new OpContext("LOGISTIC", 0, List.of(in),
                        tensor(1, shape, 1f / 256, -128), OpOptions.none()), input);
                agree(program, board, NonlinearOps.TANH, new OpContext("TANH", 0, List.of(in),
                        tensor(1, shape, 1f / 128, 0), OpOptions.none()), input);
            }
        }
    }

    private static TensorInfo tensor(int index, int[] shape, float scale, int zeroPoint) {
        return new TensorInfo(index, "", DType.INT8, shape, Quantization.perTensor(scale, zeroPoint), null);
    }
}
