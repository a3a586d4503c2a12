package dev.tinyj.conformance.kernels.shape;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.tinyj.conformance.kernels.support.KernelVectors;
import dev.tinyj.conformance.kernels.support.KernelVectors.Case;
import dev.tinyj.conformance.support.Emu;
import dev.tinyj.emulator.toolchain.prepare.PrepareException;
import dev.tinyj.emulator.toolchain.prepare.PreparedOp;
import dev.tinyj.emulator.vm.Firmware;
import dev.tinyj.emulator.vm.SubsetException;
import dev.tinyj.emulator.vm.decode.Program;
import dev.tinyj.emulator.vm.exec.Machine;
import dev.tinyj.emulator.vm.load.ClassPath;
import dev.tinyj.emulator.vm.load.ImageException;
import dev.tinyj.runtime.kernels.Reshape;
import fw.kernels.shape.ShapeFirmware;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The shape-family kernels run in the emulator ({@link ShapeFirmware}) give the same bytes as on
 * the host JVM: every in-scope TFLM vector case on arduino-uno (2 KB SRAM: the cases are small),
 * and generated larger cases on nucleo-l4r5zi.
 */
class ShapeEmulatorTest {
    private static final String OWNER = ShapeFirmware.class.getName().replace('.', '/');
    private static final String[] ENTRY_POINTS = {"reshape", "concatenation", "concatenationOne", "pad", "mean",
        "stridedSlice"};
    private static final Map<String, Program> PROGRAMS = new java.util.concurrent.ConcurrentHashMap<>();

    /** The wrapper plus tiny-runtime's kernel classes, built (and verified) for {@code board}. */
    private static Program program(String board) {
        return PROGRAMS.computeIfAbsent(board, b -> {
            try (ClassPath cp = ClassPath.of(List.of(Emu.classesOf(ShapeFirmware.class),
                    Emu.classesOf(Reshape.class)))) {
                return Firmware.build(cp, ShapeFirmware.class.getName(), Emu.board(b), Set.of(ENTRY_POINTS));
            } catch (ImageException | SubsetException e) {
                throw new IllegalStateException(e.getMessage()
                        + (e instanceof SubsetException s ? "\n" + String.join("\n", s.violations()) : ""), e);
            }
        });
    }

    /** Runs the kernel of {@code op} in the emulator on {@code board}, operands at the host runner's offsets. */
    static byte[] emulate(String board, String op, byte[] params, List<byte[]> data, int outputBytes) {
        Machine m = Emu.machine(program(board), board, new ByteArrayOutputStream());
        m.runInitializers();
        m.setup();
        int o = ShapeKernels.OPERAND_OFF;
        long pb = m.allocate(ShapeKernels.at(params, ShapeKernels.PARAM_OFF));
        long p = ShapeKernels.PARAM_OFF;
        long in = m.allocate(ShapeKernels.at(data.get(0), o));
        int out = m.allocate(ShapeKernels.at(new byte[outputBytes], o));
        String k3 = "([BI[BI[BI)V";
        switch (op) {
            case "RESHAPE" -> m.call(OWNER, "reshape", k3, pb, p, in, o, out, o);
            case "MEAN" -> m.call(OWNER, "mean", k3, pb, p, in, o, out, o);
            case "STRIDED_SLICE" -> m.call(OWNER, "stridedSlice", k3, pb, p, in, o, out, o);
            case "PAD" -> m.call(OWNER, "pad", "([BI[BI[BI[BI)V", pb, p, in, o, 0, 0, out, o);
            case "PADV2" -> m.call(OWNER, "pad", "([BI[BI[BI[BI)V", pb, p, in, o,
                    m.allocate(ShapeKernels.at(data.get(1), o)), o, out, o);
            case "CONCATENATION" -> {
                if (data.size() == 2) {
                    m.call(OWNER, "concatenation", "([BI[BI[BI[BI)V", pb, p, in, o,
                            m.allocate(ShapeKernels.at(data.get(1), o)), o, out, o);
                } else {
                    for (int i = 0; i < data.size(); i++) {
                        m.call(OWNER, "concatenationOne", "([BII[BI[BI)V", pb, p, i,
                                m.allocate(ShapeKernels.at(data.get(i), o)), o, out, o);
                    }
                }
            }
            default -> throw new IllegalArgumentException(op);
        }
        return java.util.Arrays.copyOfRange(m.bytes(out), o, o + outputBytes);
    }

    @TestFactory
    Stream<DynamicTest> vectorCasesOnArduinoUno() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String file : List.of("reshape.txt", "concatenation.txt", "pad.txt", "mean.txt", "strided_slice.txt")) {
            for (Case c : KernelVectors.load(file)) {
                if (c.outputTensor().expectedStatus() != null || !ShapeVectorTest.inScope(c)) {
                    continue;
                }
                tests.add(DynamicTest.dynamicTest(c.id(), () -> {
                    PreparedOp prepared = ShapeVectorTest.prepare(c);
                    List<byte[]> data = ShapeVectorTest.dataOperands(c);
                    int n = c.outputTensor().tflmBytes().length;
                    byte[] host = ShapeKernels.run(c.op(), prepared.params(), data, n);
                    assertArrayEquals(host, emulate("arduino-uno", c.op(), prepared.params(), data, n), c.id());
                    assertArrayEquals(c.outputTensor().tflmBytes(), host, c.id());
                }));
            }
        }
        return tests.stream();
    }

    @Test
    void generatedCasesOnNucleo() throws PrepareException {
        Random r = new Random(20261129L);
        for (int k = 0; k < 12; k++) {
            for (GeneratedCases.Generated g : GeneratedCases.all(r)) {
                byte[] host = ShapeKernels.run(g.op(), g.prepared().params(), g.data(), g.outputBytes());
                byte[] emu = emulate("nucleo-l4r5zi", g.op(), g.prepared().params(), g.data(), g.outputBytes());
                assertArrayEquals(host, emu, g.op() + " generated case " + k);
            }
        }
    }
}
