package dev.tinyj.conformance.opcodes;

import static dev.tinyj.conformance.opcodes.ProbeRun.bits;
import static java.lang.Float.MAX_VALUE;
import static java.lang.Float.MIN_VALUE;
import static java.lang.Float.NEGATIVE_INFINITY;
import static java.lang.Float.NaN;
import static java.lang.Float.POSITIVE_INFINITY;
import static java.lang.constant.ConstantDescs.CD_float;
import static java.lang.constant.ConstantDescs.CD_int;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.classfile.Opcode;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * float arithmetic with IEEE 754 semantics and the two compares (JVMS §6.5 fadd ... fcmpg).
 * Results compare by raw bits, except that any NaN counts as NaN (JVMS leaves its bits open).
 */
class FloatTest {
    static final Map<Opcode, Probe> BINARY = Stream.of(Opcode.FADD, Opcode.FSUB, Opcode.FMUL, Opcode.FDIV,
            Opcode.FREM)
            .collect(Collectors.toMap(Function.identity(), op -> Probe.binary(op, CD_float, CD_float, CD_float)));
    static final Map<Opcode, Probe> COMPARE = Stream.of(Opcode.FCMPL, Opcode.FCMPG)
            .collect(Collectors.toMap(Function.identity(), op -> Probe.binary(op, CD_float, CD_float, CD_int)));
    static final Probe FNEG = Probe.unary(Opcode.FNEG, CD_float, CD_float);

    /** {a, b, a op b} rows: the result's bits, stack and cycles together. */
    private static void check(String board, Opcode op, float[]... rows) {
        ProbeRun run = ProbeRun.on(BINARY.get(op), board);
        long cycles = run.cost() + run.extra("return");
        for (float[] r : rows) {
            assertEquals(run.state(cycles, bits(r[2])), run.call(r[0], r[1]), op + " " + r[0] + ", " + r[1]);
        }
    }

    @OnBothBoards
    void faddRoundsToNearestAndKeepsSignedZeros(String board) {
        check(board, Opcode.FADD, new float[] {0.1f, 0.2f, Float.intBitsToFloat(0x3E99999A)},
                new float[] {16777216f, 1f, 16777216f}, new float[] {MAX_VALUE, MAX_VALUE, POSITIVE_INFINITY},
                new float[] {POSITIVE_INFINITY, NEGATIVE_INFINITY, NaN}, new float[] {-0f, 0f, 0f},
                new float[] {-0f, -0f, -0f}, new float[] {NaN, 1f, NaN});
    }

    @OnBothBoards
    void fsubAndFmul(String board) {
        check(board, Opcode.FSUB, new float[] {1f, 0.9f, 0.100000024f}, new float[] {-0f, 0f, -0f},
                new float[] {0f, 0f, 0f}, new float[] {POSITIVE_INFINITY, POSITIVE_INFINITY, NaN});
        check(board, Opcode.FMUL, new float[] {1e20f, 1e20f, POSITIVE_INFINITY}, new float[] {-0f, 5f, -0f},
                new float[] {0f, POSITIVE_INFINITY, NaN}, new float[] {MIN_VALUE, 0.5f, 0f},
                new float[] {MIN_VALUE, -1.5f, -2 * MIN_VALUE}, new float[] {3f, -0.5f, -1.5f});
    }

    @OnBothBoards
    void fdivByZeroIsInfinityOrNaNWithoutAFault(String board) {
        check(board, Opcode.FDIV, new float[] {1f, 3f, 0.33333334f}, new float[] {1f, 0f, POSITIVE_INFINITY},
                new float[] {1f, -0f, NEGATIVE_INFINITY}, new float[] {-1f, 0f, NEGATIVE_INFINITY},
                new float[] {0f, 0f, NaN}, new float[] {MAX_VALUE, 0.5f, POSITIVE_INFINITY});
    }

    @OnBothBoards
    void fremTruncatesLikeFmod(String board) {
        check(board, Opcode.FREM, new float[] {5.5f, 2f, 1.5f}, new float[] {-5.5f, 2f, -1.5f},
                new float[] {5.5f, -2f, 1.5f}, new float[] {1f, 0f, NaN}, new float[] {POSITIVE_INFINITY, 1f, NaN},
                new float[] {3f, POSITIVE_INFINITY, 3f}, new float[] {-0f, 1f, -0f}, new float[] {1e10f, 3f, 1f});
    }

    @OnBothBoards
    void fnegFlipsTheSignOfZeroAndInfinity(String board) {
        ProbeRun run = ProbeRun.on(FNEG, board);
        long cycles = run.cost() + run.extra("return");
        assertEquals(run.state(cycles, bits(-1.5f)), run.call(1.5f));
        assertEquals(run.state(cycles, bits(-0f)), run.call(0f));
        assertEquals(run.state(cycles, bits(0f)), run.call(-0f));
        assertEquals(run.state(cycles, bits(POSITIVE_INFINITY)), run.call(NEGATIVE_INFINITY));
        assertEquals(run.state(cycles, bits(NaN)), run.call(NaN));
    }

    @OnBothBoards
    void fcmplAndFcmpgDifferOnlyOnNaN(String board) {
        float[][] rows = {{1f, 2f, -1, -1}, {2f, 1f, 1, 1}, {1f, 1f, 0, 0}, {0f, -0f, 0, 0},
            {NEGATIVE_INFINITY, -MAX_VALUE, -1, -1}, {NaN, 1f, -1, 1}, {1f, NaN, -1, 1}, {NaN, NaN, -1, 1}};
        for (Opcode op : COMPARE.keySet()) {
            ProbeRun run = ProbeRun.on(COMPARE.get(op), board);
            long cycles = run.cost() + run.extra("return");
            for (float[] r : rows) {
                int expected = (int) (op == Opcode.FCMPL ? r[2] : r[3]);
                assertEquals(run.state(cycles, expected), run.call(r[0], r[1]), op + " " + r[0] + ", " + r[1]);
            }
        }
    }
}
