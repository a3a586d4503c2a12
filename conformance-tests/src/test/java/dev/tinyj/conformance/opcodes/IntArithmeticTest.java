package dev.tinyj.conformance.opcodes;

import static java.lang.Integer.MAX_VALUE;
import static java.lang.Integer.MIN_VALUE;
import static java.lang.constant.ConstantDescs.CD_int;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tinyj.conformance.opcodes.ProbeRun.Fault;
import dev.tinyj.emulator.vm.exec.FaultKind;
import java.lang.classfile.Opcode;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** int arithmetic, bitwise ops, shifts and iinc (JVMS §6.5 iadd ... iinc), edge values included. */
class IntArithmeticTest {
    static final Map<Opcode, Probe> BINARY = Stream.of(Opcode.IADD, Opcode.ISUB, Opcode.IMUL, Opcode.IDIV,
            Opcode.IREM, Opcode.ISHL, Opcode.ISHR, Opcode.IUSHR, Opcode.IAND, Opcode.IOR, Opcode.IXOR)
            .collect(Collectors.toMap(Function.identity(), op -> Probe.binary(op, CD_int, CD_int, CD_int)));
    static final Probe INEG = Probe.unary(Opcode.INEG, CD_int, CD_int);
    static final Probe IINC = Probe.of("iinc").params(CD_int).leaves(CD_int, CD_int).code(cb -> {
        cb.iinc(0, 127);
        cb.iload(0);
        cb.iinc(0, -128);
        cb.iload(0);
    }).build();
    static final Probe IINC_W = Probe.of("iinc_w").params(CD_int).leaves(CD_int).code(cb -> {
        cb.iinc(0, 1000);
        cb.iload(0);
    }).build();

    /** {a, b, a op b} rows, checked with one probe per opcode: result, stack and cycles together. */
    private static void check(String board, Opcode op, int[]... rows) {
        ProbeRun run = ProbeRun.on(BINARY.get(op), board);
        long cycles = run.cost() + run.extra("return");
        for (int[] r : rows) {
            assertEquals(run.state(cycles, r[2]), run.call(r[0], r[1]), op + " " + r[0] + ", " + r[1]);
        }
    }

    @OnBothBoards
    void iaddWrapsAround(String board) {
        check(board, Opcode.IADD, new int[] {2, 3, 5}, new int[] {MAX_VALUE, 1, MIN_VALUE},
                new int[] {MIN_VALUE, -1, MAX_VALUE}, new int[] {-7, 7, 0});
    }

    @OnBothBoards
    void isubWrapsAround(String board) {
        check(board, Opcode.ISUB, new int[] {2, 3, -1}, new int[] {MIN_VALUE, 1, MAX_VALUE},
                new int[] {0, MIN_VALUE, MIN_VALUE});
    }

    @OnBothBoards
    void imulKeepsTheLow32Bits(String board) {
        check(board, Opcode.IMUL, new int[] {-6, 7, -42}, new int[] {0x10000, 0x10000, 0},
                new int[] {MAX_VALUE, 2, -2}, new int[] {MIN_VALUE, -1, MIN_VALUE}, new int[] {46341, 46341, -2147479015});
    }

    @OnBothBoards
    void idivTruncatesTowardZeroAndMinByMinusOneOverflows(String board) {
        check(board, Opcode.IDIV, new int[] {7, 2, 3}, new int[] {-7, 2, -3}, new int[] {7, -2, -3},
                new int[] {MIN_VALUE, -1, MIN_VALUE}, new int[] {MIN_VALUE, 1, MIN_VALUE});
    }

    @OnBothBoards
    void iremTakesTheDividendsSignAndMinByMinusOneIsZero(String board) {
        check(board, Opcode.IREM, new int[] {7, 2, 1}, new int[] {-7, 2, -1}, new int[] {7, -2, 1},
                new int[] {MIN_VALUE, -1, 0}, new int[] {MAX_VALUE, MIN_VALUE, MAX_VALUE});
    }

    @OnBothBoards
    void idivAndIremByZeroFaultAtTheInstruction(String board) {
        for (Opcode op : List.of(Opcode.IDIV, Opcode.IREM)) {
            ProbeRun run = ProbeRun.on(BINARY.get(op), board);
            assertEquals(new Fault(FaultKind.DIVIDE_BY_ZERO, "integer division by zero", List.of(run.frameAt(op)),
                    run.costThrough(op)), run.fault(5, 0), op.name());
        }
    }

    @OnBothBoards
    void ishlMasksTheCountToFiveBits(String board) {
        check(board, Opcode.ISHL, new int[] {1, 4, 16}, new int[] {1, 31, MIN_VALUE}, new int[] {1, 32, 1},
                new int[] {1, 33, 2}, new int[] {1, -1, MIN_VALUE}, new int[] {3, 31, MIN_VALUE});
    }

    @OnBothBoards
    void ishrShiftsInTheSignBit(String board) {
        check(board, Opcode.ISHR, new int[] {-16, 2, -4}, new int[] {MIN_VALUE, 31, -1}, new int[] {-16, 34, -4},
                new int[] {64, -29, 8}, new int[] {-1, 100, -1});
    }

    @OnBothBoards
    void iushrShiftsInZeros(String board) {
        check(board, Opcode.IUSHR, new int[] {-16, 28, 15}, new int[] {MIN_VALUE, 31, 1}, new int[] {-1, 32, -1},
                new int[] {-1, 33, MAX_VALUE}, new int[] {-1, -1, 1});
    }

    @OnBothBoards
    void bitwiseOps(String board) {
        check(board, Opcode.IAND, new int[] {0xF0F0, 0xFF00, 0xF000}, new int[] {-1, MIN_VALUE, MIN_VALUE});
        check(board, Opcode.IOR, new int[] {0xF0F0, 0x0F00, 0xFFF0}, new int[] {MIN_VALUE, 1, MIN_VALUE + 1});
        check(board, Opcode.IXOR, new int[] {0xF0F0, 0xFF00, 0x0FF0}, new int[] {-1, MAX_VALUE, MIN_VALUE});
    }

    @OnBothBoards
    void inegOfMinValueIsMinValue(String board) {
        ProbeRun run = ProbeRun.on(INEG, board);
        long cycles = run.cost() + run.extra("return");
        assertEquals(run.state(cycles, -5), run.call(5));
        assertEquals(run.state(cycles, MIN_VALUE), run.call(MIN_VALUE));
        assertEquals(run.state(cycles, -MAX_VALUE), run.call(MAX_VALUE));
        assertEquals(run.state(cycles, 0), run.call(0));
    }

    @OnBothBoards
    void iincAddsSignedByteDeltasAndWraps(String board) {
        ProbeRun run = ProbeRun.on(IINC, board);
        long cycles = run.cost() + run.extra("return");
        assertEquals(run.state(cycles, 137, 9), run.call(10));
        assertEquals(run.state(cycles, MIN_VALUE + 126, MAX_VALUE - 1), run.call(MAX_VALUE));
    }

    @OnBothBoards
    void iincWideTakesASixteenBitDelta(String board) {
        ProbeRun run = ProbeRun.on(IINC_W, board);
        assertEquals(Opcode.IINC_W, run.probe.segments().get(0).get(1).opcode());
        long cycles = run.cost() + run.extra("return");
        assertEquals(run.cost(), run.op("sipush") + run.op("iinc") + run.op("wide") + run.op("iload_0")
                + 2L * run.op("putstatic") + run.op("return"), "iinc_w costs iinc + wide");
        assertEquals(run.state(cycles, 1005), run.call(5));
        assertEquals(run.state(cycles, MIN_VALUE + 999), run.call(MAX_VALUE));
    }
}
