package dev.tinyj.conformance.opcodes;

import static dev.tinyj.conformance.opcodes.ProbeRun.bits;
import static java.lang.constant.ConstantDescs.CD_float;
import static java.lang.constant.ConstantDescs.CD_int;
import static java.lang.constant.ConstantDescs.CD_long;
import static java.lang.constant.ConstantDescs.CD_void;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tinyj.conformance.opcodes.ProbeRun.Ref;
import java.lang.classfile.CodeBuilder;
import java.lang.classfile.TypeKind;
import java.lang.constant.ClassDesc;
import java.lang.constant.MethodTypeDesc;

/**
 * invokestatic and the return opcodes (JVMS §6.5 invokestatic, ireturn ... return). The caller's
 * invokestatic is charged {@code invoke} + {@code invoke_per_arg_slot} per argument slot; each
 * return its op plus {@code return}. A call from the host charges only the callee.
 */
class InvokeReturnTest {
    static final ClassDesc INTS = CD_int.arrayType();
    static final Probe IRETURN = returns(CD_int, CodeBuilder::ireturn);
    static final Probe LRETURN = returns(CD_long, CodeBuilder::lreturn);
    static final Probe FRETURN = returns(CD_float, CodeBuilder::freturn);
    static final Probe ARETURN = Probe.of("areturn").params(INTS).array("a", TypeKind.INT, 1).raw(INTS, cb -> {
        cb.aload(0);
        cb.areturn();
    }).build();
    static final Probe RETURN = Probe.of("return").raw(CD_void, CodeBuilder::return_).build();
    static final MethodTypeDesc MIX = MethodTypeDesc.of(CD_long, CD_long, CD_int, CD_long);
    /** run(a, b, c) = mix(a, b, c) = (a - b) * c: long arguments keep their order and both slots. */
    static final Probe INVOKE_LONG_ARGS = Probe.of("invokestatic (JIJ)J").params(CD_long, CD_int, CD_long)
            .leaves(CD_long)
            .helper("mix", MIX, cb -> {
                cb.lload(0);
                cb.iload(2);
                cb.i2l();
                cb.lsub();
                cb.lload(3);
                cb.lmul();
                cb.lreturn();
            })
            .code(cb -> {
                cb.lload(0);
                cb.iload(2);
                cb.lload(3);
                cb.invokestatic(Probe.CD_PROBE, "mix", MIX);
            }).build();
    /** run(i, f, a): each value through a callee returning it with ireturn, freturn, areturn; then a void callee. */
    static final Probe INVOKE_EACH_RETURN = Probe.of("invokestatic each return").params(CD_int, CD_float, INTS)
            .leaves(CD_int, CD_float, INTS).array("a", TypeKind.INT, 1)
            .helper("ri", MethodTypeDesc.of(CD_int, CD_int), cb -> {
                cb.iload(0);
                cb.ireturn();
            })
            .helper("rf", MethodTypeDesc.of(CD_float, CD_float), cb -> {
                cb.fload(0);
                cb.freturn();
            })
            .helper("ra", MethodTypeDesc.of(INTS, INTS), cb -> {
                cb.aload(0);
                cb.areturn();
            })
            .helper("rv", MethodTypeDesc.of(CD_void), CodeBuilder::return_)
            .code(cb -> {
                cb.iload(0);
                cb.invokestatic(Probe.CD_PROBE, "ri", MethodTypeDesc.of(CD_int, CD_int));
                cb.fload(1);
                cb.invokestatic(Probe.CD_PROBE, "rf", MethodTypeDesc.of(CD_float, CD_float));
                cb.aload(2);
                cb.invokestatic(Probe.CD_PROBE, "ra", MethodTypeDesc.of(INTS, INTS));
                cb.invokestatic(Probe.CD_PROBE, "rv", MethodTypeDesc.of(CD_void));
            }).build();

    private static Probe returns(ClassDesc type, java.util.function.Consumer<CodeBuilder> ret) {
        return Probe.of("return " + type.displayName()).params(type).raw(type, cb -> {
            cb.loadLocal(TypeKind.from(type), 0);
            ret.accept(cb);
        }).build();
    }

    @OnBothBoards
    void eachReturnOpcodeFromTheHostChargesTheCalleeAndItsReturn(String board) {
        ProbeRun i = ProbeRun.on(IRETURN, board);
        assertEquals(i.returning(Integer.MIN_VALUE, i.op("iload_0") + i.op("ireturn") + i.extra("return")),
                i.call(Integer.MIN_VALUE));
        assertEquals(i.returning(-1, i.cost() + i.extra("return")), i.call(-1));
        ProbeRun l = ProbeRun.on(LRETURN, board);
        assertEquals(l.returning(Long.MIN_VALUE + 5, l.cost() + l.extra("return")), l.call(Long.MIN_VALUE + 5));
        ProbeRun f = ProbeRun.on(FRETURN, board);
        assertEquals(f.returning(bits(-0f), f.cost() + f.extra("return")), f.call(-0f));
        ProbeRun a = ProbeRun.on(ARETURN, board);
        assertEquals(a.returning(a.array("a").handle(), a.cost() + a.extra("return")), a.call(a.array("a")));
        assertEquals(a.returning(0, a.cost() + a.extra("return")), a.call(Ref.NULL));
        ProbeRun v = ProbeRun.on(RETURN, board);
        assertEquals(v.returning(0, v.op("return") + v.extra("return")), v.call());
    }

    @OnBothBoards
    void invokestaticOfASmallLoopFreeHelperIsInlined(String board) {
        // mix is loop-free and under 64 bytecode bytes: inlined (docs/cost-model.md), so the call and
        // its return cost invoke_inlined and return_inlined, not a frame and per-argument moves
        ProbeRun run = ProbeRun.on(INVOKE_LONG_ARGS, board);
        long cycles = run.cost() + run.extra("invoke_inlined") + run.helperCost("mix") + run.extra("return_inlined")
                + run.extra("return");
        assertEquals(run.state(cycles, (10_000_000_000L - 3) * -7L), run.call(10_000_000_000L, 3, -7L));
        assertEquals(run.state(cycles, (Long.MIN_VALUE - 1) * 3L), run.call(Long.MIN_VALUE, 1, 3L));
    }

    @OnBothBoards
    void invokestaticOfEachReturnKindLeavesTheResultOnTheCallersStack(String board) {
        ProbeRun run = ProbeRun.on(INVOKE_EACH_RETURN, board);
        long callees = run.helperCost("ri") + run.helperCost("rf") + run.helperCost("ra") + run.helperCost("rv");
        long cycles = run.cost() + 4L * run.extra("invoke_inlined") + callees + 4L * run.extra("return_inlined")
                + run.extra("return");
        Ref a = run.array("a");
        assertEquals(run.state(cycles, -9, bits(1.25f), a.handle()), run.call(-9, 1.25f, a));
    }
}
