package dev.tinyj.conformance.opcodes;

import static dev.tinyj.conformance.opcodes.ProbeRun.bits;
import static java.lang.constant.ConstantDescs.CD_float;
import static java.lang.constant.ConstantDescs.CD_int;
import static java.lang.constant.ConstantDescs.CD_long;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.classfile.Opcode;
import java.lang.classfile.TypeKind;
import java.lang.constant.ClassDesc;
import java.util.List;

/**
 * The operand-stack shuffles (JVMS §6.5 pop ... swap), each form of the category-2 rules with
 * longs. Operands come from parameters; every slot left is stored, and the guard below them
 * shows the depth.
 */
class StackShuffleTest {
    static final int A = 11;
    static final int B = 22;
    static final int C = 33;
    static final int D = 44;
    static final long X = 0x1234_5678_9ABC_DEF0L;
    static final long Y = -0x0FED_CBA9_8765_4321L;

    static final Probe POP = shuffle(Opcode.POP, List.of(CD_int, CD_int), CD_int);
    static final Probe POP2 = shuffle(Opcode.POP2, List.of(CD_int, CD_int, CD_int), CD_int);
    static final Probe POP2_LONG = shuffle(Opcode.POP2, List.of(CD_int, CD_long), CD_int);
    static final Probe DUP = shuffle(Opcode.DUP, List.of(CD_int), CD_int, CD_int);
    static final Probe DUP_X1 = shuffle(Opcode.DUP_X1, List.of(CD_int, CD_int), CD_int, CD_int, CD_int);
    static final Probe DUP_X2 = shuffle(Opcode.DUP_X2, List.of(CD_int, CD_int, CD_int), CD_int, CD_int, CD_int, CD_int);
    static final Probe DUP_X2_LONG = shuffle(Opcode.DUP_X2, List.of(CD_long, CD_int), CD_int, CD_long, CD_int);
    static final Probe DUP2 = shuffle(Opcode.DUP2, List.of(CD_int, CD_int), CD_int, CD_int, CD_int, CD_int);
    static final Probe DUP2_LONG = shuffle(Opcode.DUP2, List.of(CD_long), CD_long, CD_long);
    static final Probe DUP2_X1 = shuffle(Opcode.DUP2_X1, List.of(CD_int, CD_int, CD_int),
            CD_int, CD_int, CD_int, CD_int, CD_int);
    static final Probe DUP2_X1_LONG = shuffle(Opcode.DUP2_X1, List.of(CD_int, CD_long), CD_long, CD_int, CD_long);
    static final Probe DUP2_X2 = shuffle(Opcode.DUP2_X2, List.of(CD_int, CD_int, CD_int, CD_int),
            CD_int, CD_int, CD_int, CD_int, CD_int, CD_int);
    static final Probe DUP2_X2_LONG_ON_INTS = shuffle(Opcode.DUP2_X2, List.of(CD_int, CD_int, CD_long),
            CD_long, CD_int, CD_int, CD_long);
    static final Probe DUP2_X2_INTS_ON_LONG = shuffle(Opcode.DUP2_X2, List.of(CD_long, CD_int, CD_int),
            CD_int, CD_int, CD_long, CD_int, CD_int);
    static final Probe DUP2_X2_LONG_ON_LONG = shuffle(Opcode.DUP2_X2, List.of(CD_long, CD_long),
            CD_long, CD_long, CD_long);
    static final Probe SWAP = shuffle(Opcode.SWAP, List.of(CD_int, CD_float), CD_float, CD_int);

    /** {@code run(params)}: load every parameter in order, execute {@code op}, leave {@code leaves}. */
    private static Probe shuffle(Opcode op, List<ClassDesc> params, ClassDesc... leaves) {
        return Probe.of(op.name()).params(params.toArray(ClassDesc[]::new)).leaves(leaves).code(cb -> {
            int slot = 0;
            for (ClassDesc p : params) {
                TypeKind t = TypeKind.from(p);
                cb.loadLocal(t, slot);
                slot += t.slotSize();
            }
            cb.with(Probe.simple(op));
        }).build();
    }

    /** Runs {@code probe} with {@code args}; expects {@code stack} bottom to top. */
    private static void check(String board, Probe probe, List<Object> args, long... stack) {
        ProbeRun run = ProbeRun.on(probe, board);
        assertEquals(run.state(run.cost() + run.extra("return"), stack), run.call(args.toArray()), probe.toString());
    }

    @OnBothBoards
    void popAndPop2DropOneAndTwoSlots(String board) {
        check(board, POP, List.of(A, B), A);
        check(board, POP2, List.of(A, B, C), A);
        check(board, POP2_LONG, List.of(A, X), A);
    }

    @OnBothBoards
    void dupDupX1DupX2(String board) {
        check(board, DUP, List.of(A), A, A);
        check(board, DUP_X1, List.of(A, B), B, A, B);
        check(board, DUP_X2, List.of(A, B, C), C, A, B, C);
        check(board, DUP_X2_LONG, List.of(X, A), A, X, A);
    }

    @OnBothBoards
    void dup2AndDup2X1OnIntsAndLongs(String board) {
        check(board, DUP2, List.of(A, B), A, B, A, B);
        check(board, DUP2_LONG, List.of(X), X, X);
        check(board, DUP2_X1, List.of(A, B, C), B, C, A, B, C);
        check(board, DUP2_X1_LONG, List.of(A, X), X, A, X);
    }

    @OnBothBoards
    void dup2X2InAllFourForms(String board) {
        check(board, DUP2_X2, List.of(A, B, C, D), C, D, A, B, C, D);
        check(board, DUP2_X2_LONG_ON_INTS, List.of(A, B, X), X, A, B, X);
        check(board, DUP2_X2_INTS_ON_LONG, List.of(X, A, B), A, B, X, A, B);
        check(board, DUP2_X2_LONG_ON_LONG, List.of(X, Y), Y, X, Y);
    }

    @OnBothBoards
    void swapExchangesTheTopTwo(String board) {
        check(board, SWAP, List.of(A, 2.5f), bits(2.5f), A);
    }
}
