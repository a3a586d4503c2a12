package dev.tinyj.conformance.opcodes;

import static java.lang.constant.ConstantDescs.CD_float;
import static java.lang.constant.ConstantDescs.CD_int;
import static java.lang.constant.ConstantDescs.CD_long;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tinyj.conformance.opcodes.ProbeRun.Fault;
import dev.tinyj.conformance.opcodes.ProbeRun.Ref;
import dev.tinyj.emulator.vm.exec.FaultKind;
import dev.tinyj.emulator.vm.memory.GuestArray;
import java.lang.classfile.Opcode;
import java.lang.classfile.TypeKind;
import java.lang.constant.ClassDesc;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Array loads and stores of every element type, newarray, arraylength, and their faults
 * (JVMS §6.5 iaload ... arraylength). Loads from a {@code @Progmem} table in flash add
 * {@code array_load_flash} per element byte.
 */
class ArrayTest {
    static final List<TypeKind> ELEMENTS = List.of(TypeKind.INT, TypeKind.LONG, TypeKind.FLOAT, TypeKind.BYTE,
            TypeKind.BOOLEAN, TypeKind.CHAR, TypeKind.SHORT);
    /** Per element type, four raw values that exercise sign and zero extension. */
    static final Map<TypeKind, long[]> VALUES = Map.of(
            TypeKind.INT, new long[] {Integer.MIN_VALUE, -1, 7, Integer.MAX_VALUE},
            TypeKind.LONG, new long[] {Long.MIN_VALUE, -1, 1L << 40, Long.MAX_VALUE},
            TypeKind.FLOAT, new long[] {Float.floatToRawIntBits(-0f), Float.floatToRawIntBits(1.5f),
                Float.floatToRawIntBits(Float.NEGATIVE_INFINITY), Float.floatToRawIntBits(Float.MIN_VALUE)},
            TypeKind.BYTE, new long[] {-128, -1, 7, 127},
            TypeKind.BOOLEAN, new long[] {0, 1, 1, 0},
            TypeKind.CHAR, new long[] {0, 65535, 0x8000, 7},
            TypeKind.SHORT, new long[] {-32768, -1, 7, 32767});
    static final Map<TypeKind, Probe> LOAD = ELEMENTS.stream()
            .collect(Collectors.toMap(Function.identity(), t -> load(t, false)));
    static final Map<TypeKind, Probe> FLASH_LOAD = ELEMENTS.stream()
            .collect(Collectors.toMap(Function.identity(), t -> load(t, true)));
    static final Map<TypeKind, Probe> STORE = ELEMENTS.stream()
            .collect(Collectors.toMap(Function.identity(), ArrayTest::store));
    static final Map<TypeKind, Probe> NEWARRAY = ELEMENTS.stream()
            .collect(Collectors.toMap(Function.identity(), t -> Probe.of("newarray " + t).params(CD_int)
                    .leaves(arrayOf(t)).code(cb -> {
                        cb.iload(0);
                        cb.newarray(t);
                    }).build()));
    static final Probe ARRAYLENGTH = Probe.of("arraylength").params(arrayOf(TypeKind.INT)).leaves(CD_int)
            .array("a", TypeKind.INT, 5).flashTable("t", TypeKind.INT, 1, 2, 3)
            .code(cb -> {
                cb.aload(0);
                cb.arraylength();
            }).build();

    private static ClassDesc arrayOf(TypeKind t) {
        return t.upperBound().arrayType();
    }

    /** The stack type of an element: int for the narrow ones. */
    private static ClassDesc slotOf(TypeKind t) {
        return switch (t) {
            case LONG -> CD_long;
            case FLOAT -> CD_float;
            default -> CD_int;
        };
    }

    private static int elementBytes(TypeKind t) {
        return switch (t) {
            case LONG -> 8;
            case INT, FLOAT -> 4;
            case CHAR, SHORT -> 2;
            default -> 1;
        };
    }

    /** {@code run(T[] a, int i)}: a[i]. Arrays: {@code a} in SRAM (setup) or {@code t} in flash. */
    private static Probe load(TypeKind t, boolean flash) {
        Probe.Builder b = Probe.of((flash ? "flash " : "") + t + " load").params(arrayOf(t), CD_int).leaves(slotOf(t));
        if (flash) {
            long[] v = VALUES.get(t);
            Number[] values = new Number[v.length];
            for (int k = 0; k < v.length; k++) {
                values[k] = t == TypeKind.FLOAT ? (Number) Float.intBitsToFloat((int) v[k]) : (Number) v[k];
            }
            b.flashTable("t", t, values);
        } else {
            b.array("a", t, 4);
        }
        return b.code(cb -> {
            cb.aload(0);
            cb.iload(1);
            cb.arrayLoad(t);
        }).build();
    }

    /** {@code run(T[] a, int i, v)}: a[i] = v; leaves nothing. */
    private static Probe store(TypeKind t) {
        return Probe.of(t + " store").params(arrayOf(t), CD_int, slotOf(t)).array("a", t, 4).flashTable("t", t, 0)
                .code(cb -> {
                    cb.aload(0);
                    cb.iload(1);
                    cb.loadLocal(TypeKind.from(slotOf(t)), 2);
                    cb.arrayStore(t);
                }).build();
    }

    private static Object arg(TypeKind t, long raw) {
        return switch (t) {
            case LONG -> raw;
            case FLOAT -> Float.intBitsToFloat((int) raw);
            default -> (int) raw;
        };
    }

    private static List<Long> elements(GuestArray a) {
        List<Long> out = new ArrayList<>();
        for (int k = 0; k < a.length; k++) {
            out.add(a.get(k));
        }
        return out;
    }

    @OnBothBoards
    void loadsOfEveryElementTypeFromSram(String board) {
        for (TypeKind t : ELEMENTS) {
            ProbeRun run = ProbeRun.on(LOAD.get(t), board);
            long[] v = VALUES.get(t);
            GuestArray a = run.guestArray("a");
            for (int k = 0; k < v.length; k++) {
                a.set(k, v[k]);
            }
            long cycles = run.cost() + run.extra("array_bounds_check") + run.extra("return");
            for (int k = 0; k < v.length; k++) {
                assertEquals(run.state(cycles, v[k]), run.call(run.array("a"), k), t + " element " + k);
            }
        }
    }

    @OnBothBoards
    void loadsFromFlashAddArrayLoadFlashPerElementByte(String board) {
        for (TypeKind t : ELEMENTS) {
            ProbeRun run = ProbeRun.on(FLASH_LOAD.get(t), board);
            long[] v = VALUES.get(t);
            long cycles = run.cost() + run.extra("array_bounds_check")
                    + (long) run.extra("array_load_flash") * elementBytes(t) + run.extra("return");
            for (int k = 0; k < v.length; k++) {
                assertEquals(run.state(cycles, v[k]), run.call(run.array("t"), k), t + " flash element " + k);
            }
        }
    }

    @OnBothBoards
    void storesNarrowToTheElementTypeAndBooleanKeepsBitZero(String board) {
        Map<TypeKind, long[]> storedAndKept = Map.of(
                TypeKind.INT, new long[] {-5, -5}, TypeKind.LONG, new long[] {1L << 40, 1L << 40},
                TypeKind.FLOAT, new long[] {Float.floatToRawIntBits(-0f), Float.floatToRawIntBits(-0f)},
                TypeKind.BYTE, new long[] {300, 44}, TypeKind.BOOLEAN, new long[] {3, 1},
                TypeKind.CHAR, new long[] {0x12345, 0x2345}, TypeKind.SHORT, new long[] {40000, -25536});
        for (TypeKind t : ELEMENTS) {
            ProbeRun run = ProbeRun.on(STORE.get(t), board);
            long[] sk = storedAndKept.get(t);
            long cycles = run.cost() + run.extra("array_bounds_check") + run.extra("return");
            var state = run.call(run.array("a"), 2, arg(t, sk[0]));
            assertEquals(List.of(run.state(cycles), List.of(0L, 0L, sk[1], 0L)),
                    List.of(state, elements(run.guestArray("a"))), t + " store of " + sk[0]);
        }
    }

    @OnBothBoards
    void indexMinusOneAndLengthFaultForLoadsAndStores(String board) {
        for (TypeKind t : ELEMENTS) {
            for (int index : new int[] {-1, 4}) {
                ProbeRun load = ProbeRun.on(LOAD.get(t), board);
                Opcode ld = load.probe.segments().get(0).get(3).opcode();
                assertEquals(new Fault(FaultKind.ARRAY_INDEX, "index " + index + " out of bounds for length 4",
                        List.of(load.frameAt(ld)), load.costThrough(ld) + load.extra("array_bounds_check")),
                        load.fault(load.array("a"), index), t + " load at " + index);
                ProbeRun store = ProbeRun.on(STORE.get(t), board);
                Opcode st = store.probe.segments().get(0).get(4).opcode();
                assertEquals(new Fault(FaultKind.ARRAY_INDEX, "index " + index + " out of bounds for length 4",
                        List.of(store.frameAt(st)), store.costThrough(st) + store.extra("array_bounds_check")),
                        store.fault(store.array("a"), index, arg(t, 1)), t + " store at " + index);
            }
        }
    }

    @OnBothBoards
    void nullArrayFaultsForLoadsStoresAndArraylength(String board) {
        for (TypeKind t : ELEMENTS) {
            ProbeRun load = ProbeRun.on(LOAD.get(t), board);
            Opcode ld = load.probe.segments().get(0).get(3).opcode();
            assertEquals(new Fault(FaultKind.NULL_ARRAY, "array operation on null", List.of(load.frameAt(ld)),
                    load.costThrough(ld) + load.extra("array_bounds_check")), load.fault(Ref.NULL, 0), t + " load");
            ProbeRun store = ProbeRun.on(STORE.get(t), board);
            Opcode st = store.probe.segments().get(0).get(4).opcode();
            assertEquals(new Fault(FaultKind.NULL_ARRAY, "array operation on null", List.of(store.frameAt(st)),
                    store.costThrough(st) + store.extra("array_bounds_check")), store.fault(Ref.NULL, 0, arg(t, 1)),
                    t + " store");
        }
        ProbeRun len = ProbeRun.on(ARRAYLENGTH, board);
        assertEquals(new Fault(FaultKind.NULL_ARRAY, "array operation on null", List.of(len.frameAt(Opcode.ARRAYLENGTH)),
                len.costThrough(Opcode.ARRAYLENGTH)), len.fault(Ref.NULL));
    }

    @OnBothBoards
    void storeIntoAFlashTableFaults(String board) {
        ProbeRun run = ProbeRun.on(STORE.get(TypeKind.INT), board);
        GuestArray t = run.guestArray("t");
        assertEquals(new Fault(FaultKind.FLASH_WRITE, "store into a flash array (int[1] at 0x"
                + Integer.toHexString(t.address) + ")", List.of(run.frameAt(Opcode.IASTORE)),
                run.costThrough(Opcode.IASTORE) + run.extra("array_bounds_check")), run.fault(run.array("t"), 0, 9));
    }

    @OnBothBoards
    void arraylengthOfSramAndFlashArrays(String board) {
        ProbeRun run = ProbeRun.on(ARRAYLENGTH, board);
        long cycles = run.cost() + run.extra("return");
        assertEquals(run.state(cycles, 5), run.call(run.array("a")));
        assertEquals(run.state(cycles, 3), run.call(run.array("t")));
    }

    /** What a new array looks like: type, length, zeroed, in SRAM. */
    record Shape(int atype, int length, List<Long> elements, boolean inFlash) {
    }

    @OnBothBoards
    void newarrayOfEveryTypeIsZeroedAndChargedPerDataByte(String board) {
        for (TypeKind t : ELEMENTS) {
            ProbeRun run = ProbeRun.on(NEWARRAY.get(t), board);
            var state = run.call(3);
            long handle = state.stack().get(1);
            long cycles = run.cost() + (long) run.extra("newarray_per_byte") * 3 * elementBytes(t) + run.extra("return");
            GuestArray a = run.machine.array((int) handle);
            assertEquals(List.of(run.state(cycles, handle), new Shape(t.newarrayCode(), 3, List.of(0L, 0L, 0L), false)),
                    List.of(state, new Shape(a.type, a.length, elements(a), a.inFlash)), t.toString());
        }
    }

    @OnBothBoards
    void newarrayOfLengthZeroAndNegative(String board) {
        ProbeRun run = ProbeRun.on(NEWARRAY.get(TypeKind.INT), board);
        var state = run.call(0);
        assertEquals(run.state(run.cost() + run.extra("return"), state.stack().get(1)), state);
        assertEquals(0, run.machine.array(state.stack().get(1).intValue()).length);
        assertEquals(new Fault(FaultKind.NEGATIVE_ARRAY_SIZE, "newarray int[-1]", List.of(run.frameAt(Opcode.NEWARRAY)),
                run.costThrough(Opcode.NEWARRAY)), run.fault(-1));
    }
}
