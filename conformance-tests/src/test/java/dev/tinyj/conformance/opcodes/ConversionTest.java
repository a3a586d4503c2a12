package dev.tinyj.conformance.opcodes;

import static dev.tinyj.conformance.opcodes.ProbeRun.bits;
import static java.lang.Float.NEGATIVE_INFINITY;
import static java.lang.Float.NaN;
import static java.lang.Float.POSITIVE_INFINITY;
import static java.lang.constant.ConstantDescs.CD_float;
import static java.lang.constant.ConstantDescs.CD_int;
import static java.lang.constant.ConstantDescs.CD_long;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.classfile.Opcode;
import java.lang.classfile.TypeKind;
import java.lang.constant.ClassDesc;
import java.util.Map;

/** Widening, narrowing and float conversions (JVMS §6.5 i2l ... i2s): rounding, NaN, saturation. */
class ConversionTest {
    static final Map<Opcode, Probe> PROBES = Map.of(
            Opcode.I2L, conversion(Opcode.I2L, CD_int, CD_long),
            Opcode.I2F, conversion(Opcode.I2F, CD_int, CD_float),
            Opcode.L2I, conversion(Opcode.L2I, CD_long, CD_int),
            Opcode.L2F, conversion(Opcode.L2F, CD_long, CD_float),
            Opcode.F2I, conversion(Opcode.F2I, CD_float, CD_int),
            Opcode.F2L, conversion(Opcode.F2L, CD_float, CD_long),
            Opcode.I2B, conversion(Opcode.I2B, CD_int, CD_int),
            Opcode.I2C, conversion(Opcode.I2C, CD_int, CD_int),
            Opcode.I2S, conversion(Opcode.I2S, CD_int, CD_int));

    private static Probe conversion(Opcode op, ClassDesc from, ClassDesc to) {
        return Probe.unary(op, from, to);
    }

    /** Pairs of (argument, expected raw slot): result, stack and cycles together. */
    private static void check(String board, Opcode op, Object... pairs) {
        ProbeRun run = ProbeRun.on(PROBES.get(op), board);
        long cycles = run.cost() + run.extra("return");
        boolean floatResult = TypeKind.from(run.probe.leaves.getFirst()) == TypeKind.FLOAT;
        for (int k = 0; k < pairs.length; k += 2) {
            Object expected = pairs[k + 1];
            long raw = floatResult ? bits((Float) expected) : ((Number) expected).longValue();
            assertEquals(run.state(cycles, raw), run.call(pairs[k]), op + " " + pairs[k]);
        }
    }

    @OnBothBoards
    void i2lSignExtends(String board) {
        check(board, Opcode.I2L, -1, -1L, Integer.MIN_VALUE, -2147483648L, Integer.MAX_VALUE, 2147483647L);
    }

    @OnBothBoards
    void i2fRoundsToNearestEven(String board) {
        check(board, Opcode.I2F, 16777217, 16777216f, 16777219, 16777220f, Integer.MAX_VALUE, 2.14748365e9f,
                -1, -1f, 0, 0f);
    }

    @OnBothBoards
    void l2iKeepsTheLow32Bits(String board) {
        check(board, Opcode.L2I, 0x1_2345_6789L, 0x2345_6789, 0x8000_0000L, Integer.MIN_VALUE, -1L, -1,
                Long.MIN_VALUE, 0);
    }

    @OnBothBoards
    void l2fRoundsToNearestEven(String board) {
        check(board, Opcode.L2F, Long.MAX_VALUE, 9.223372e18f, Long.MIN_VALUE, -9.223372e18f, (1L << 24) + 1,
                16777216f, -3L, -3f);
    }

    @OnBothBoards
    void f2iTruncatesSaturatesAndMapsNaNToZero(String board) {
        check(board, Opcode.F2I, 2.9f, 2, -2.9f, -2, -0f, 0, NaN, 0, POSITIVE_INFINITY, Integer.MAX_VALUE,
                NEGATIVE_INFINITY, Integer.MIN_VALUE, 1e10f, Integer.MAX_VALUE, -1e10f, Integer.MIN_VALUE);
    }

    @OnBothBoards
    void f2lTruncatesSaturatesAndMapsNaNToZero(String board) {
        check(board, Opcode.F2L, -2.9f, -2L, 1e10f, 10_000_000_000L, -0f, 0L, NaN, 0L, POSITIVE_INFINITY,
                Long.MAX_VALUE, NEGATIVE_INFINITY, Long.MIN_VALUE, 1e19f, Long.MAX_VALUE);
    }

    @OnBothBoards
    void i2bI2cI2sNarrowThenExtend(String board) {
        check(board, Opcode.I2B, 300, 44, 128, -128, -129, 127, 0xFF, -1);
        check(board, Opcode.I2C, -1, 65535, 0x12345, 0x2345, 0x8000, 0x8000);
        check(board, Opcode.I2S, 40000, -25536, 0x18000, -32768, -1, -1);
    }
}
