package dev.tinyj.conformance.opcodes;

import static dev.tinyj.conformance.opcodes.ProbeRun.bits;
import static java.lang.constant.ConstantDescs.CD_float;
import static java.lang.constant.ConstantDescs.CD_int;
import static java.lang.constant.ConstantDescs.CD_long;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.classfile.Opcode;
import java.lang.classfile.TypeKind;
import java.lang.classfile.instruction.LoadInstruction;
import java.lang.classfile.instruction.StoreInstruction;
import java.lang.constant.ClassDesc;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Local variable loads and stores of each kind in every encoding: {@code x_0..x_3}, the indexed
 * form, and the wide form at index 300 (JVMS §6.5 iload ... astore_3, wide), which costs the op
 * plus {@code wide}.
 */
class LocalVariableTest {
    static final List<TypeKind> KINDS = List.of(TypeKind.INT, TypeKind.LONG, TypeKind.FLOAT, TypeKind.REFERENCE);
    static final int INDEXED = -1;
    static final int WIDE = 300;
    /** Encodings: slots 0..3 (compact forms), INDEXED (xload 0 / xstore 5), WIDE (slot 300). */
    static final List<Integer> FORMS = List.of(0, 1, 2, 3, INDEXED, WIDE);
    static final Map<String, Probe> LOADS = new LinkedHashMap<>();
    static final Map<String, Probe> STORES = new LinkedHashMap<>();

    static {
        for (TypeKind k : KINDS) {
            for (int form : FORMS) {
                LOADS.put(k + " " + form, load(k, form));
                STORES.put(k + " " + form, store(k, form));
            }
        }
    }

    private static ClassDesc typeOf(TypeKind k) {
        return switch (k) {
            case LONG -> CD_long;
            case FLOAT -> CD_float;
            case REFERENCE -> CD_int.arrayType();
            default -> CD_int;
        };
    }

    private static String prefix(TypeKind k) {
        return switch (k) {
            case LONG -> "L";
            case FLOAT -> "F";
            case REFERENCE -> "A";
            default -> "I";
        };
    }

    /** The opcode a form of a load or store takes, e.g. LLOAD_2, ISTORE, FLOAD_W. */
    static Opcode opcode(TypeKind k, String what, int form) {
        return Opcode.valueOf(prefix(k) + what + (form == INDEXED ? "" : form == WIDE ? "_W" : "_" + form));
    }

    /** {@code run(int x form, value)}: load the value from its slot with the form under test. */
    private static Probe load(TypeKind k, int form) {
        List<ClassDesc> params = new ArrayList<>();
        for (int s = 0; s < form; s++) {
            params.add(CD_int);
        }
        params.add(typeOf(k));
        Probe.Builder b = Probe.of(opcode(k, "LOAD", form).name()).array("a", TypeKind.INT, 1).leaves(typeOf(k));
        if (form == WIDE) {
            return b.params(typeOf(k)).code(cb -> {
                cb.loadLocal(k, 0);
                cb.storeLocal(k, WIDE);
                cb.with(LoadInstruction.of(opcode(k, "LOAD", WIDE), WIDE));
            }).build();
        }
        if (form == INDEXED) {
            return b.params(typeOf(k)).code(cb -> cb.with(LoadInstruction.of(opcode(k, "LOAD", INDEXED), 0))).build();
        }
        return b.params(params.toArray(ClassDesc[]::new))
                .code(cb -> cb.with(LoadInstruction.of(opcode(k, "LOAD", form), form))).build();
    }

    /** {@code run(value)}: load it, store it with the form under test, load it back. */
    private static Probe store(TypeKind k, int form) {
        int slot = form == INDEXED ? 5 : form;
        return Probe.of(opcode(k, "STORE", form).name()).params(typeOf(k)).leaves(typeOf(k))
                .array("a", TypeKind.INT, 1).code(cb -> {
                    cb.loadLocal(k, 0);
                    cb.with(StoreInstruction.of(opcode(k, "STORE", form), slot));
                    cb.loadLocal(k, slot);
                }).build();
    }

    private static Object value(ProbeRun run, TypeKind k) {
        return switch (k) {
            case LONG -> 0x8000_0000_0000_0001L;
            case FLOAT -> -0f;
            case REFERENCE -> run.array("a");
            default -> Integer.MIN_VALUE;
        };
    }

    private static long raw(Object v) {
        return switch (v) {
            case Float f -> bits(f);
            case ProbeRun.Ref r -> r.handle();
            default -> ((Number) v).longValue();
        };
    }

    @OnBothBoards
    void loadsInEveryEncoding(String board) {
        for (TypeKind k : KINDS) {
            for (int form : FORMS) {
                ProbeRun run = ProbeRun.on(LOADS.get(k + " " + form), board);
                Opcode op = opcode(k, "LOAD", form);
                assertEquals(op, run.probe.segments().get(0).get(form == WIDE ? 3 : 1).opcode());
                Object v = value(run, k);
                List<Object> args = new ArrayList<>();
                for (int s = 0; s < form && form != WIDE; s++) {
                    args.add(0);
                }
                args.add(v);
                assertEquals(run.state(run.cost() + run.extra("return"), raw(v)), run.call(args.toArray()), op.name());
            }
        }
    }

    @OnBothBoards
    void storesInEveryEncoding(String board) {
        for (TypeKind k : KINDS) {
            for (int form : FORMS) {
                ProbeRun run = ProbeRun.on(STORES.get(k + " " + form), board);
                Opcode op = opcode(k, "STORE", form);
                assertEquals(op, run.probe.segments().get(0).get(2).opcode());
                Object v = value(run, k);
                assertEquals(run.state(run.cost() + run.extra("return"), raw(v)), run.call(v), op.name());
            }
        }
    }

    @OnBothBoards
    void wideFormsCostTheOpPlusWide(String board) {
        ProbeRun run = ProbeRun.on(STORES.get(TypeKind.LONG + " " + WIDE), board);
        assertEquals(run.op("sipush") + run.op("lload_0") + run.op("lstore") + run.op("wide") + run.op("lload")
                + run.op("wide") + 2L * run.op("putstatic") + run.op("return"), run.cost());
    }
}
