package dev.tinyj.conformance.opcodes;

import static java.lang.Integer.MAX_VALUE;
import static java.lang.Integer.MIN_VALUE;
import static java.lang.constant.ConstantDescs.CD_int;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tinyj.conformance.opcodes.ProbeRun.Ref;
import java.lang.classfile.Label;
import java.lang.classfile.Opcode;
import java.lang.classfile.TypeKind;
import java.lang.classfile.instruction.SwitchCase;
import java.lang.constant.ClassDesc;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntBinaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Conditional branches, goto/goto_w and both switches (JVMS §6.5 ifeq ... lookupswitch). A taken
 * conditional branch adds {@code branch_taken}; goto and the switches do not; lookupswitch adds
 * {@code switch_per_case} per binary-search step, ceil(log2(n + 1)) for n cases.
 */
class BranchAndSwitchTest {
    static final ClassDesc INTS = CD_int.arrayType();
    static final Map<Opcode, Probe> IF_ZERO = Stream.of(Opcode.IFEQ, Opcode.IFNE, Opcode.IFLT, Opcode.IFGE,
            Opcode.IFGT, Opcode.IFLE).collect(Collectors.toMap(Function.identity(), op -> conditional(op, CD_int)));
    static final Map<Opcode, Probe> IF_ICMP = Stream.of(Opcode.IF_ICMPEQ, Opcode.IF_ICMPNE, Opcode.IF_ICMPLT,
            Opcode.IF_ICMPGE, Opcode.IF_ICMPGT, Opcode.IF_ICMPLE)
            .collect(Collectors.toMap(Function.identity(), op -> conditional(op, CD_int, CD_int)));
    static final Map<Opcode, Probe> IF_REF = Map.of(
            Opcode.IF_ACMPEQ, conditional(Opcode.IF_ACMPEQ, INTS, INTS),
            Opcode.IF_ACMPNE, conditional(Opcode.IF_ACMPNE, INTS, INTS),
            Opcode.IFNULL, conditional(Opcode.IFNULL, INTS),
            Opcode.IFNONNULL, conditional(Opcode.IFNONNULL, INTS));
    static final Probe GOTO = jumps(Opcode.GOTO);
    static final Probe GOTO_W = jumps(Opcode.GOTO_W);
    /** Cases -1, 0 and 2 (1 is a hole), results 10, 20, 30; default 99. */
    static final Probe TABLESWITCH = Probe.of("tableswitch").params(CD_int).leaves(CD_int).branching((cb, done) -> {
        Label[] to = {cb.newLabel(), cb.newLabel(), cb.newLabel(), cb.newLabel()};
        cb.iload(0);
        cb.tableswitch(-1, 2, to[3], List.of(SwitchCase.of(-1, to[0]), SwitchCase.of(0, to[1]),
                SwitchCase.of(2, to[2])));
        for (int k = 0; k < to.length; k++) {
            cb.labelBinding(to[k]);
            cb.bipush(k == 3 ? 99 : 10 * (k + 1));
            done.run();
        }
    }).build();
    static final Map<Integer, Probe> LOOKUPSWITCH = Map.of(
            1, lookup(7),
            3, lookup(-1000, 7, 100_000),
            4, lookup(MIN_VALUE, -1, 7, MAX_VALUE));

    /** {@code run(params)}: {@code if (op) -> 1 else 0}; segment 1 falls through, segment 2 is taken. */
    private static Probe conditional(Opcode op, ClassDesc... params) {
        return Probe.of(op.name()).params(params).leaves(CD_int).branching((cb, done) -> {
            Label taken = cb.newLabel();
            for (int k = 0; k < params.length; k++) {
                cb.loadLocal(TypeKind.from(params[k]), k);
            }
            cb.branch(op, taken);
            cb.iconst_0();
            done.run();
            cb.labelBinding(taken);
            cb.iconst_1();
            done.run();
        }).build();
    }

    /** {@code run(x)}: x, jump forward, +2, jump back, +1: segments 0, 2, 1 all run. */
    private static Probe jumps(Opcode op) {
        return Probe.of(op.name()).params(CD_int).leaves(CD_int).branching((cb, done) -> {
            Label back = cb.newLabel();
            Label forward = cb.newLabel();
            cb.iload(0);
            cb.branch(op, forward);
            cb.labelBinding(back);
            cb.iconst_1();
            cb.iadd();
            done.run();
            cb.labelBinding(forward);
            cb.iconst_2();
            cb.iadd();
            cb.branch(op, back);
        }).build();
    }

    /** {@code run(x)}: case keys[k] → k + 1, default → 99; segment k + 1 is case k, the last is default. */
    private static Probe lookup(int... keys) {
        return Probe.of("lookupswitch " + keys.length).params(CD_int).leaves(CD_int).branching((cb, done) -> {
            List<Label> to = new ArrayList<>();
            List<SwitchCase> cases = new ArrayList<>();
            for (int key : keys) {
                Label l = cb.newLabel();
                to.add(l);
                cases.add(SwitchCase.of(key, l));
            }
            Label dflt = cb.newLabel();
            cb.iload(0);
            cb.lookupswitch(dflt, cases);
            for (int k = 0; k < keys.length; k++) {
                cb.labelBinding(to.get(k));
                cb.bipush(k + 1);
                done.run();
            }
            cb.labelBinding(dflt);
            cb.bipush(99);
            done.run();
        }).build();
    }

    /** Checks one conditional: the result says whether it was taken, and so do the cycles. */
    private static void checkBranch(ProbeRun run, boolean taken, Object... args) {
        long cycles = taken ? run.cost(0, 2) + run.extra("branch_taken") : run.cost(0, 1);
        assertEquals(run.state(cycles + run.extra("return"), taken ? 1 : 0), run.call(args),
                run.probe + " " + List.of(args));
    }

    @OnBothBoards
    void ifAgainstZero(String board) {
        Map<Opcode, java.util.function.IntPredicate> rule = Map.of(Opcode.IFEQ, v -> v == 0, Opcode.IFNE, v -> v != 0,
                Opcode.IFLT, v -> v < 0, Opcode.IFGE, v -> v >= 0, Opcode.IFGT, v -> v > 0, Opcode.IFLE, v -> v <= 0);
        for (Opcode op : IF_ZERO.keySet()) {
            ProbeRun run = ProbeRun.on(IF_ZERO.get(op), board);
            for (int v : new int[] {MIN_VALUE, -1, 0, 1, MAX_VALUE}) {
                checkBranch(run, rule.get(op).test(v), v);
            }
        }
    }

    @OnBothBoards
    void ifIcmpComparesSigned(String board) {
        Map<Opcode, IntBinaryOperator> rule = Map.of(Opcode.IF_ICMPEQ, (a, b) -> a == b ? 1 : 0,
                Opcode.IF_ICMPNE, (a, b) -> a != b ? 1 : 0, Opcode.IF_ICMPLT, (a, b) -> a < b ? 1 : 0,
                Opcode.IF_ICMPGE, (a, b) -> a >= b ? 1 : 0, Opcode.IF_ICMPGT, (a, b) -> a > b ? 1 : 0,
                Opcode.IF_ICMPLE, (a, b) -> a <= b ? 1 : 0);
        int[][] pairs = {{1, 2}, {2, 1}, {5, 5}, {MIN_VALUE, MAX_VALUE}, {MAX_VALUE, MIN_VALUE}, {-1, 0}};
        for (Opcode op : IF_ICMP.keySet()) {
            ProbeRun run = ProbeRun.on(IF_ICMP.get(op), board);
            for (int[] p : pairs) {
                checkBranch(run, rule.get(op).applyAsInt(p[0], p[1]) == 1, p[0], p[1]);
            }
        }
    }

    @OnBothBoards
    void ifAcmpComparesReferences(String board) {
        for (Opcode op : List.of(Opcode.IF_ACMPEQ, Opcode.IF_ACMPNE)) {
            ProbeRun run = ProbeRun.on(IF_REF.get(op), board);
            boolean eq = op == Opcode.IF_ACMPEQ;
            Ref a = new Ref(1);
            Ref b = new Ref(2);
            checkBranch(run, eq, a, a);
            checkBranch(run, !eq, a, b);
            checkBranch(run, !eq, Ref.NULL, a);
            checkBranch(run, eq, Ref.NULL, Ref.NULL);
        }
    }

    @OnBothBoards
    void ifnullAndIfnonnull(String board) {
        ProbeRun isNull = ProbeRun.on(IF_REF.get(Opcode.IFNULL), board);
        checkBranch(isNull, true, Ref.NULL);
        checkBranch(isNull, false, new Ref(1));
        ProbeRun nonNull = ProbeRun.on(IF_REF.get(Opcode.IFNONNULL), board);
        checkBranch(nonNull, false, Ref.NULL);
        checkBranch(nonNull, true, new Ref(1));
    }

    @OnBothBoards
    void gotoAndGotoWJumpForwardAndBackWithoutBranchTaken(String board) {
        for (Probe p : List.of(GOTO, GOTO_W)) {
            ProbeRun run = ProbeRun.on(p, board);
            assertEquals(p == GOTO ? Opcode.GOTO : Opcode.GOTO_W, run.probe.segments().get(0).getLast().opcode());
            assertEquals(run.state(run.cost(0, 1, 2) + run.extra("return"), 43), run.call(40), p.toString());
        }
    }

    @OnBothBoards
    void tableswitchHitsHolesAndMissesOnBothSides(String board) {
        ProbeRun run = ProbeRun.on(TABLESWITCH, board);
        int[][] keyResultSegment = {{-2, 99, 4}, {-1, 10, 1}, {0, 20, 2}, {1, 99, 4}, {2, 30, 3}, {3, 99, 4},
            {MIN_VALUE, 99, 4}, {MAX_VALUE, 99, 4}};
        for (int[] r : keyResultSegment) {
            assertEquals(run.state(run.cost(0, r[2]) + run.extra("return"), r[1]), run.call(r[0]), "key " + r[0]);
        }
    }

    private static int searchSteps(int cases) {
        int steps = 0;
        while ((1L << steps) < cases + 1L) {
            steps++;
        }
        return steps;
    }

    @OnBothBoards
    void lookupswitchChargesCeilLog2OfCasesPlusOneSteps(String board) {
        Map<Integer, int[]> keys = Map.of(1, new int[] {7}, 3, new int[] {-1000, 7, 100_000},
                4, new int[] {MIN_VALUE, -1, 7, MAX_VALUE});
        for (int n : LOOKUPSWITCH.keySet()) {
            ProbeRun run = ProbeRun.on(LOOKUPSWITCH.get(n), board);
            long search = (long) run.extra("switch_per_case") * searchSteps(n) + run.extra("return");
            int[] k = keys.get(n);
            for (int c = 0; c < k.length; c++) {
                assertEquals(run.state(run.cost(0, c + 1) + search, c + 1), run.call(k[c]), n + " cases, key " + k[c]);
            }
            for (int miss : new int[] {0, 8, -999, 99_999}) {
                assertEquals(run.state(run.cost(0, n + 1) + search, 99), run.call(miss), n + " cases, miss " + miss);
            }
        }
    }
}
