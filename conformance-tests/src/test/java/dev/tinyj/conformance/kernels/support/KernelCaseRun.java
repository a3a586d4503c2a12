package dev.tinyj.conformance.kernels.support;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tinyj.emulator.toolchain.prepare.OpPrepare;
import dev.tinyj.emulator.toolchain.prepare.PrepareException;
import dev.tinyj.emulator.toolchain.prepare.PreparedOp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * Drives the TFLM vector cases of one kernel on the host JVM: in-scope cases are prepared and run
 * (operands and params placed at non-zero offsets inside larger arrays) and must give TFLM's
 * output bytes exactly; out-of-scope cases must be refused with "unsupported type"; cases TFLM
 * refuses must be refused. A last test checks that every case was decided one way or the other.
 */
public final class KernelCaseRun {
    private KernelCaseRun() {
    }

    /** Bytes of slack before each operand and before the params. */
    public static final int PAD = 5;

    /** A kernel call: params at {@code p}; inputs in operand order each at offset {@link #PAD}. */
    @FunctionalInterface
    public interface Kernel {
        void run(byte[] params, int p, byte[][] inputs, byte[] output, int outputOff);
    }

    /** {@code bytes} copied to offset {@link #PAD} of a larger array with junk around it. */
    public static byte[] placed(byte[] bytes) {
        byte[] a = new byte[bytes.length + 2 * PAD];
        Arrays.fill(a, (byte) 0x5A);
        System.arraycopy(bytes, 0, a, PAD, bytes.length);
        return a;
    }

    /** Prepares {@code c} and runs {@code kernel} on its inputs; returns the output bytes. */
    public static byte[] run(KernelVectors.Case c, OpPrepare prepare, Kernel kernel) throws PrepareException {
        PreparedOp op = prepare.prepare(c.context());
        assertArrayEquals(c.outputTensor().shape(), op.outputShape(), "output shape");
        byte[][] in = new byte[c.inputs().length][];
        for (int k = 0; k < in.length; k++) {
            in[k] = placed(c.input(k).bytes());
        }
        int outBytes = c.outputTensor().tflmBytes().length;
        byte[] out = placed(new byte[outBytes]);
        kernel.run(placed(op.params()), PAD, in, out, PAD);
        for (int k = 0; k < PAD; k++) {
            assertEquals((byte) 0x5A, out[k], "kernel wrote before its output");
            assertEquals((byte) 0x5A, out[PAD + outBytes + k], "kernel wrote after its output");
        }
        return Arrays.copyOfRange(out, PAD, PAD + outBytes);
    }

    /**
     * One dynamic test per case of {@code file}, then a summary test.
     *
     * @param inScope whether a case's types are in TinyJ's scope
     */
    public static Stream<DynamicTest> tests(String file, OpPrepare prepare, Kernel kernel,
            Predicate<KernelVectors.Case> inScope) {
        List<KernelVectors.Case> cases = KernelVectors.load(file);
        int[] counts = new int[3];
        List<DynamicTest> tests = new ArrayList<>();
        for (KernelVectors.Case c : cases) {
            boolean error = "ERROR".equals(c.outputTensor().expectedStatus());
            if (error) {
                tests.add(DynamicTest.dynamicTest(c.id() + " (refused as TFLM does)", () -> {
                    assertThrows(PrepareException.class, () -> prepare.prepare(c.context()));
                    counts[2]++;
                }));
            } else if (!inScope.test(c)) {
                tests.add(DynamicTest.dynamicTest(c.id() + " (unsupported type)", () -> {
                    PrepareException e = assertThrows(PrepareException.class, () -> prepare.prepare(c.context()));
                    assertTrue(e.getMessage().contains("unsupported type"), e.getMessage());
                    counts[1]++;
                }));
            } else {
                tests.add(DynamicTest.dynamicTest(c.id(), () -> {
                    assertArrayEquals(c.outputTensor().tflmBytes(), run(c, prepare, kernel), c.id());
                    counts[0]++;
                }));
            }
        }
        tests.add(DynamicTest.dynamicTest(file + " summary", () -> {
            System.out.printf("%s: %d/%d cases match TFLM bit-exactly, %d refused as unsupported type, "
                    + "%d refused as TFLM refuses%n", file, counts[0], cases.size() - counts[1] - counts[2], counts[1],
                    counts[2]);
            assertEquals(cases.size(), counts[0] + counts[1] + counts[2], "every case decided");
            assertTrue(counts[0] > 0, "at least one in-scope case");
        }));
        return tests.stream();
    }
}
