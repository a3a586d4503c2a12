package dev.tinyj.conformance.opcodes;

import static dev.tinyj.conformance.opcodes.ProbeRun.bits;
import static java.lang.constant.ConstantDescs.CD_boolean;
import static java.lang.constant.ConstantDescs.CD_byte;
import static java.lang.constant.ConstantDescs.CD_char;
import static java.lang.constant.ConstantDescs.CD_float;
import static java.lang.constant.ConstantDescs.CD_int;
import static java.lang.constant.ConstantDescs.CD_long;
import static java.lang.constant.ConstantDescs.CD_short;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.classfile.CodeBuilder;
import java.lang.classfile.Opcode;
import java.lang.classfile.TypeKind;
import java.lang.classfile.instruction.ConstantInstruction;
import java.lang.constant.ClassDesc;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Constants (JVMS §6.5 aconst_null ... ldc2_w), nop, and getstatic/putstatic of every field type,
 * putstatic narrowing to the field's type.
 */
class FieldAndConstantTest {
    /** A constant instruction and the raw slot it pushes. */
    record Const(Opcode op, ClassDesc type, long raw, Consumer<CodeBuilder> push) {
    }

    static final List<Const> CONSTS = List.of(
            new Const(Opcode.ACONST_NULL, CD_int.arrayType(), 0, CodeBuilder::aconst_null),
            new Const(Opcode.ICONST_M1, CD_int, -1, CodeBuilder::iconst_m1),
            new Const(Opcode.ICONST_0, CD_int, 0, CodeBuilder::iconst_0),
            new Const(Opcode.ICONST_1, CD_int, 1, CodeBuilder::iconst_1),
            new Const(Opcode.ICONST_2, CD_int, 2, CodeBuilder::iconst_2),
            new Const(Opcode.ICONST_3, CD_int, 3, CodeBuilder::iconst_3),
            new Const(Opcode.ICONST_4, CD_int, 4, CodeBuilder::iconst_4),
            new Const(Opcode.ICONST_5, CD_int, 5, CodeBuilder::iconst_5),
            new Const(Opcode.LCONST_0, CD_long, 0, CodeBuilder::lconst_0),
            new Const(Opcode.LCONST_1, CD_long, 1, CodeBuilder::lconst_1),
            new Const(Opcode.FCONST_0, CD_float, bits(0f), CodeBuilder::fconst_0),
            new Const(Opcode.FCONST_1, CD_float, bits(1f), CodeBuilder::fconst_1),
            new Const(Opcode.FCONST_2, CD_float, bits(2f), CodeBuilder::fconst_2),
            new Const(Opcode.BIPUSH, CD_int, -128, cb -> cb.bipush(-128)),
            new Const(Opcode.SIPUSH, CD_int, -32768, cb -> cb.sipush(-32768)),
            new Const(Opcode.LDC, CD_int, 100_000, cb -> ldc(cb, Opcode.LDC, cb.constantPool().intEntry(100_000))),
            new Const(Opcode.LDC, CD_float, bits(0.1f), cb -> ldc(cb, Opcode.LDC, cb.constantPool().floatEntry(0.1f))),
            new Const(Opcode.LDC_W, CD_int, Integer.MIN_VALUE,
                    cb -> ldc(cb, Opcode.LDC_W, cb.constantPool().intEntry(Integer.MIN_VALUE))),
            new Const(Opcode.LDC_W, CD_float, bits(-2.5e-3f),
                    cb -> ldc(cb, Opcode.LDC_W, cb.constantPool().floatEntry(-2.5e-3f))),
            new Const(Opcode.LDC2_W, CD_long, 0x8000_0001_0000_0007L,
                    cb -> ldc(cb, Opcode.LDC2_W, cb.constantPool().longEntry(0x8000_0001_0000_0007L))));
    static final Map<Const, Probe> CONSTANTS = new LinkedHashMap<>();

    static {
        for (Const c : CONSTS) {
            CONSTANTS.put(c, Probe.of(c.op() + " " + c.type().displayName()).leaves(c.type()).code(c.push()).build());
        }
    }

    static final Probe NOP = Probe.of("nop").params(CD_int).leaves(CD_int).code(cb -> {
        cb.iload(0);
        cb.nop();
    }).build();

    /** Field types and the stack type their values travel as. */
    static final Map<ClassDesc, ClassDesc> FIELD_TYPES = Map.of(CD_boolean, CD_int, CD_byte, CD_int, CD_char, CD_int,
            CD_short, CD_int, CD_int, CD_int, CD_long, CD_long, CD_float, CD_float, CD_int.arrayType(), CD_int.arrayType());
    static final Map<ClassDesc, Probe> FIELDS = new LinkedHashMap<>();

    static {
        FIELD_TYPES.forEach((field, slot) -> FIELDS.put(field, Probe.of("putstatic/getstatic " + field.displayName())
                .params(slot).leaves(slot).field("f", field).array("a", TypeKind.INT, 2).code(cb -> {
                    cb.loadLocal(TypeKind.from(slot), 0);
                    cb.putstatic(Probe.CD_PROBE, "f", field);
                    cb.getstatic(Probe.CD_PROBE, "f", field);
                }).build()));
    }

    private static void ldc(CodeBuilder cb, Opcode op, java.lang.classfile.constantpool.LoadableConstantEntry e) {
        cb.with(ConstantInstruction.ofLoad(op, e));
    }

    @OnBothBoards
    void everyConstantPushesItsValue(String board) {
        for (Const c : CONSTS) {
            ProbeRun run = ProbeRun.on(CONSTANTS.get(c), board);
            assertEquals(c.op(), run.probe.segments().get(0).get(1).opcode());
            assertEquals(run.state(run.cost() + run.extra("return"), c.raw()), run.call(), c.op() + " " + c.raw());
        }
    }

    /**
     * Regression: the predecoder threw "constant outside the subset:
     * DynamicConstantDesc[ConstantBootstraps::nullConstant()Object]" for any aconst_null, because
     * the class-file API gives ConstantDescs.NULL as its value; firmware with {@code a = null}
     * could not link.
     */
    @OnBothBoards
    void aconstNullLinksAndPushesTheNullHandle(String board) {
        Const c = CONSTS.getFirst();
        ProbeRun run = ProbeRun.on(CONSTANTS.get(c), board);
        assertEquals(run.state(run.op("sipush") + run.op("aconst_null") + 2L * run.op("putstatic") + run.op("return")
                + run.extra("return"), 0), run.call());
    }

    @OnBothBoards
    void nopChangesNothingButItsCost(String board) {
        ProbeRun run = ProbeRun.on(NOP, board);
        assertEquals(run.state(run.cost() + run.extra("return"), 42), run.call(42));
    }

    /** The value stored, the value the field keeps and getstatic pushes back. */
    private static void checkField(String board, ClassDesc field, Object stored, long kept) {
        ProbeRun run = ProbeRun.on(FIELDS.get(field), board);
        var state = run.call(stored);
        assertEquals(List.of(run.state(run.cost() + run.extra("return"), kept), kept),
                List.of(state, run.machine.staticValue(Probe.OWNER, "f")), field.displayName() + " " + stored);
    }

    @OnBothBoards
    void putstaticNarrowsToTheFieldType(String board) {
        checkField(board, CD_boolean, 3, 1);
        checkField(board, CD_boolean, 2, 0);
        checkField(board, CD_byte, 300, 44);
        checkField(board, CD_byte, 128, -128);
        checkField(board, CD_char, -1, 65535);
        checkField(board, CD_short, 40000, -25536);
    }

    @OnBothBoards
    void getstaticAndPutstaticOfIntLongFloatAndArrayFields(String board) {
        checkField(board, CD_int, Integer.MIN_VALUE, Integer.MIN_VALUE);
        checkField(board, CD_long, 0x8000_0000_0000_0001L, 0x8000_0000_0000_0001L);
        checkField(board, CD_float, -0f, bits(-0f));
        ProbeRun run = ProbeRun.on(FIELDS.get(CD_int.arrayType()), board);
        checkField(board, CD_int.arrayType(), run.array("a"), run.array("a").handle());
        checkField(board, CD_int.arrayType(), ProbeRun.Ref.NULL, 0);
    }
}
