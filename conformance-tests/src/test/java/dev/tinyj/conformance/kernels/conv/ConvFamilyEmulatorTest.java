package dev.tinyj.conformance.kernels.conv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.tinyj.conformance.kernels.support.KernelVectors;
import dev.tinyj.conformance.kernels.support.KernelVectors.Case;
import dev.tinyj.conformance.support.Emu;
import dev.tinyj.emulator.toolchain.ops.OpTable;
import dev.tinyj.emulator.toolchain.prepare.PrepareException;
import dev.tinyj.emulator.toolchain.prepare.PreparedOp;
import dev.tinyj.emulator.vm.Firmware;
import dev.tinyj.emulator.vm.SubsetException;
import dev.tinyj.emulator.vm.decode.Program;
import dev.tinyj.emulator.vm.exec.Machine;
import dev.tinyj.emulator.vm.load.ClassPath;
import dev.tinyj.emulator.vm.load.ImageException;
import dev.tinyj.runtime.kernels.Conv2D;
import fw.kernels.conv.ConvFamilyFirmware;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The convolution-family kernels inside the emulator (which also proves they are in the subset:
 * the build verifies the firmware) give the same bytes as on the host JVM: small TFLM vector cases
 * on arduino-uno (2 KB SRAM), every vector case and generated cases on nucleo-l4r5zi.
 */
class ConvFamilyEmulatorTest {
    private static final String DESC = "([BI[BI[BI[BI[BI)V";
    private static final String OWNER = ConvFamilyFirmware.class.getName().replace('.', '/');

    /** An operator run: its name, params, operands. */
    record Run(String name, String op, byte[] params, byte[] input, byte[] filter, byte[] bias, int outLen) {
        int sramBytes() {
            return params.length + input.length + filter.length + (bias == null ? 0 : bias.length) + outLen;
        }
    }

    @TestFactory
    Stream<DynamicTest> vectorCasesOnBothBoards() throws Exception {
        List<Run> runs = new java.util.ArrayList<>();
        for (String file : new String[] {"fully_connected.txt", "conv.txt", "depthwise_conv.txt"}) {
            for (Case c : KernelVectors.load(file)) {
                runs.add(fromVector(c));
            }
        }
        Program uno = build("arduino-uno");
        Program nucleo = build("nucleo-l4r5zi");
        Stream<DynamicTest> small = runs.stream().filter(r -> r.sramBytes() < 700)
                .map(r -> DynamicTest.dynamicTest("arduino-uno " + r.name(), () -> check(uno, "arduino-uno", r)));
        Stream<DynamicTest> all = runs.stream()
                .map(r -> DynamicTest.dynamicTest("nucleo-l4r5zi " + r.name(), () -> check(nucleo, "nucleo-l4r5zi", r)));
        return Stream.concat(small, all);
    }

    @TestFactory
    Stream<DynamicTest> generatedCasesOnNucleo() throws Exception {
        Program nucleo = build("nucleo-l4r5zi");
        List<Run> runs = new java.util.ArrayList<>();
        for (long seed = 1; runs.size() < 12; seed++) {
            boolean depthwise = seed % 2 == 0;
            ConvFamilyPropertyTest.WindowCase wc;
            try {
                wc = ConvFamilyPropertyTest.window(seed * 7919, depthwise);
            } catch (org.opentest4j.TestAbortedException e) {
                continue; // an empty output: not a useful case
            }
            ConvFamilyCase c = wc.c();
            String op = depthwise ? "DEPTHWISE_CONV_2D" : "CONV_2D";
            PreparedOp prep = OpTable.byName(op).orElseThrow().prepare().prepare(c.context());
            runs.add(new Run(op + " seed " + seed * 7919, op, prep.params(), c.input(), c.filter(), c.biasBytes(),
                    c.outputSize()));
        }
        return runs.stream().map(r -> DynamicTest.dynamicTest(r.name(), () -> check(nucleo, "nucleo-l4r5zi", r)));
    }

    private static Run fromVector(Case c) throws PrepareException {
        PreparedOp prep = OpTable.byName(c.op()).orElseThrow().prepare().prepare(c.context());
        byte[] bias = c.inputs().length > 2 ? c.input(2).bytes() : null;
        return new Run(c.id(), c.op(), prep.params(), c.input(0).bytes(), c.input(1).bytes(), bias,
                c.outputTensor().tflmBytes().length);
    }

    private static void check(Program program, String board, Run r) {
        byte[] host = ConvFamilyHost.run(r.op(), r.params(), r.input(), r.filter(), r.bias(), r.outLen());
        Machine m = Emu.machine(program, board, new ByteArrayOutputStream());
        m.runInitializers();
        int lead = 2;
        int p = m.allocate(pad(r.params(), lead));
        int in = m.allocate(pad(r.input(), lead));
        int f = m.allocate(pad(r.filter(), lead));
        int b = r.bias() == null ? 0 : m.allocate(pad(r.bias(), lead));
        int out = m.allocate(new byte[r.outLen() + lead]);
        String entry = switch (r.op()) {
            case "CONV_2D" -> "conv2d";
            case "DEPTHWISE_CONV_2D" -> "depthwiseConv2d";
            default -> "fullyConnected";
        };
        m.call(OWNER, entry, DESC, p, lead, in, lead, f, lead, b, lead, out, lead);
        byte[] emu = java.util.Arrays.copyOfRange(m.bytes(out), lead, lead + r.outLen());
        assertArrayEquals(host, emu, board + " " + r.name());
    }

    private static byte[] pad(byte[] b, int lead) {
        byte[] a = new byte[lead + b.length];
        System.arraycopy(b, 0, a, lead, b.length);
        return a;
    }

    /** The wrapper plus tiny-runtime's classes, verified and linked for {@code board}. */
    private static Program build(String board) throws ImageException, SubsetException {
        try (ClassPath cp = ClassPath.of(List.of(Emu.classesOf(ConvFamilyFirmware.class), Emu.classesOf(Conv2D.class)))) {
            return Firmware.build(cp, ConvFamilyFirmware.class.getName(), Emu.board(board),
                    Set.of("conv2d", "depthwiseConv2d", "fullyConnected"));
        }
    }
}
