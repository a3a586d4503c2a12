package dev.tinyj.conformance.opcodes;

import static java.lang.Long.MAX_VALUE;
import static java.lang.Long.MIN_VALUE;
import static java.lang.constant.ConstantDescs.CD_int;
import static java.lang.constant.ConstantDescs.CD_long;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tinyj.conformance.opcodes.ProbeRun.Fault;
import dev.tinyj.emulator.vm.exec.FaultKind;
import java.lang.classfile.Opcode;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** long arithmetic, bitwise ops, shifts (int count) and lcmp (JVMS §6.5 ladd ... lcmp). */
class LongArithmeticTest {
    static final Map<Opcode, Probe> BINARY = Stream.of(Opcode.LADD, Opcode.LSUB, Opcode.LMUL, Opcode.LDIV,
            Opcode.LREM, Opcode.LAND, Opcode.LOR, Opcode.LXOR)
            .collect(Collectors.toMap(Function.identity(), op -> Probe.binary(op, CD_long, CD_long, CD_long)));
    static final Map<Opcode, Probe> SHIFT = Stream.of(Opcode.LSHL, Opcode.LSHR, Opcode.LUSHR)
            .collect(Collectors.toMap(Function.identity(), op -> Probe.binary(op, CD_long, CD_int, CD_long)));
    static final Probe LNEG = Probe.unary(Opcode.LNEG, CD_long, CD_long);
    static final Probe LCMP = Probe.binary(Opcode.LCMP, CD_long, CD_long, CD_int);

    /** {a, b, expected} rows on {@code probe}: result, stack and cycles together. */
    private static void check(String board, Probe probe, boolean intCount, long[]... rows) {
        ProbeRun run = ProbeRun.on(probe, board);
        long cycles = run.cost() + run.extra("return");
        for (long[] r : rows) {
            Object b = intCount ? (Object) (int) r[1] : (Object) r[1];
            assertEquals(run.state(cycles, r[2]), run.call(r[0], b), probe + " " + r[0] + ", " + r[1]);
        }
    }

    @OnBothBoards
    void laddAndLsubWrapAround(String board) {
        check(board, BINARY.get(Opcode.LADD), false, new long[] {1L << 40, 1L << 40, 1L << 41},
                new long[] {MAX_VALUE, 1, MIN_VALUE}, new long[] {0xFFFF_FFFFL, 1, 0x1_0000_0000L});
        check(board, BINARY.get(Opcode.LSUB), false, new long[] {MIN_VALUE, 1, MAX_VALUE},
                new long[] {0x1_0000_0000L, 1, 0xFFFF_FFFFL}, new long[] {0, MIN_VALUE, MIN_VALUE});
    }

    @OnBothBoards
    void lmulKeepsTheLow64Bits(String board) {
        check(board, BINARY.get(Opcode.LMUL), false, new long[] {0x1_0000_0000L, 0x1_0000_0000L, 0},
                new long[] {-3, 1L << 40, -3L << 40}, new long[] {MIN_VALUE, -1, MIN_VALUE},
                new long[] {0xFFFF_FFFFL, 0xFFFF_FFFFL, 0xFFFF_FFFE_0000_0001L});
    }

    @OnBothBoards
    void ldivAndLremTruncateTowardZero(String board) {
        check(board, BINARY.get(Opcode.LDIV), false, new long[] {-7, 2, -3}, new long[] {MIN_VALUE, -1, MIN_VALUE},
                new long[] {1L << 62, 3, 1537228672809129301L});
        check(board, BINARY.get(Opcode.LREM), false, new long[] {-7, 2, -1}, new long[] {7, -2, 1},
                new long[] {MIN_VALUE, -1, 0}, new long[] {MAX_VALUE, 10, 7});
    }

    @OnBothBoards
    void ldivAndLremByZeroFaultAtTheInstruction(String board) {
        for (Opcode op : List.of(Opcode.LDIV, Opcode.LREM)) {
            ProbeRun run = ProbeRun.on(BINARY.get(op), board);
            assertEquals(new Fault(FaultKind.DIVIDE_BY_ZERO, "integer division by zero", List.of(run.frameAt(op)),
                    run.costThrough(op)), run.fault(5L, 0L), op.name());
        }
    }

    @OnBothBoards
    void bitwiseOpsUseAll64Bits(String board) {
        check(board, BINARY.get(Opcode.LAND), false, new long[] {0xFF00_0000_0000_00FFL, -1L << 8, 0xFF00_0000_0000_0000L});
        check(board, BINARY.get(Opcode.LOR), false, new long[] {1L << 63, 1, MIN_VALUE + 1});
        check(board, BINARY.get(Opcode.LXOR), false, new long[] {-1, 0x0000_FFFF_0000_FFFFL, 0xFFFF_0000_FFFF_0000L});
    }

    @OnBothBoards
    void lshlMasksTheCountToSixBits(String board) {
        check(board, SHIFT.get(Opcode.LSHL), true, new long[] {1, 40, 1L << 40}, new long[] {1, 63, MIN_VALUE},
                new long[] {1, 64, 1}, new long[] {1, 65, 2}, new long[] {1, -1, MIN_VALUE}, new long[] {1, 32, 1L << 32});
    }

    @OnBothBoards
    void lshrAndLushrDifferInTheFill(String board) {
        check(board, SHIFT.get(Opcode.LSHR), true, new long[] {MIN_VALUE, 63, -1}, new long[] {-256, 66, -64},
                new long[] {1L << 40, -24, 1L << 40 >> 40});
        check(board, SHIFT.get(Opcode.LUSHR), true, new long[] {MIN_VALUE, 63, 1}, new long[] {-1, 32, 0xFFFF_FFFFL},
                new long[] {-1, 64, -1}, new long[] {-1, -1, 1});
    }

    @OnBothBoards
    void lnegOfMinValueIsMinValue(String board) {
        ProbeRun run = ProbeRun.on(LNEG, board);
        long cycles = run.cost() + run.extra("return");
        assertEquals(run.state(cycles, -(1L << 40)), run.call(1L << 40));
        assertEquals(run.state(cycles, MIN_VALUE), run.call(MIN_VALUE));
        assertEquals(run.state(cycles, -MAX_VALUE), run.call(MAX_VALUE));
    }

    @OnBothBoards
    void lcmpComparesSigned64Bit(String board) {
        check(board, LCMP, false, new long[] {1, 2, -1}, new long[] {2, 1, 1}, new long[] {5, 5, 0},
                new long[] {MIN_VALUE, MAX_VALUE, -1}, new long[] {1L << 32, 1, 1}, new long[] {-1, 0xFFFF_FFFFL, -1});
    }
}
