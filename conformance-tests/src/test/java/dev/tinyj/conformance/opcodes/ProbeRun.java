package dev.tinyj.conformance.opcodes;

import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tinyj.boards.CostTable;
import dev.tinyj.conformance.support.Emu;
import dev.tinyj.emulator.vm.SubsetException;
import dev.tinyj.emulator.vm.exec.FaultKind;
import dev.tinyj.emulator.vm.exec.GuestFault;
import dev.tinyj.emulator.vm.exec.Machine;
import dev.tinyj.emulator.vm.load.ImageException;
import dev.tinyj.emulator.vm.memory.GuestArray;
import java.io.ByteArrayOutputStream;
import java.lang.classfile.Instruction;
import java.lang.classfile.Opcode;
import java.lang.constant.ConstantDescs;
import java.util.ArrayList;
import java.util.List;

import java.util.Map;

/**
 * A {@link Probe} built, verified and linked for one board, on a machine that has run its
 * initialisers and {@code setup()}. Calls {@code run} from the host and reports the whole state
 * after it: result, operand stack (guard first, then the stored slots bottom to top) and the
 * cycles the call charged. Expected cycles come from the board's cost table, never literals:
 * {@link #cost} sums the base costs of the instructions in {@code run} (a wide form costs its
 * op plus {@code wide}); the test adds the named extras it expects.
 */
final class ProbeRun {
    /** The whole observable state after a call; {@code cycles} is in ticks (CostTable.TICKS_PER_CYCLE per cycle), exact for fractional costs. */
    record State(long result, List<Long> stack, long cycles) {
    }

    /** A guest fault as a test sees it; {@code cycles} counts ticks from the start of the call. */
    record Fault(FaultKind kind, String message, List<GuestFault.Frame> stack, long cycles) {
    }

    /** An array reference argument (a handle; 0 is null). */
    record Ref(int handle) {
        static final Ref NULL = new Ref(0);
    }

    final Probe probe;
    final Machine machine;
    final CostTable costs;

    private ProbeRun(Probe probe, Machine machine) {
        this.probe = probe;
        this.machine = machine;
        this.costs = machine.board().costs();
    }

    /** Builds {@code probe} for {@code board} and runs its initialisers and setup(). */
    static ProbeRun on(Probe probe, String board) {
        try {
            var program = Emu.build(Map.of(Probe.OWNER, probe.bytes), Probe.OWNER, board, java.util.Set.of(Probe.RUN));
            Machine m = Emu.machine(program, board, new ByteArrayOutputStream());
            m.runInitializers();
            m.setup();
            return new ProbeRun(probe, m);
        } catch (ImageException | SubsetException e) {
            throw new IllegalStateException(probe + ": " + e.getMessage(), e);
        }
    }

    /** Ticks of an opcode key (a mnemonic, or one with forms) on this board. */
    int op(String key) {
        return costs.ticks(key);
    }

    /** Ticks of a named extra on this board. */
    int extra(String name) {
        return costs.extraTicks(name);
    }

    /**
     * Base ticks of one instruction of method {@code method} at bytecode offset {@code bci}: the
     * opcode terms of its cost recipe (the cost model's key for it, plus {@code wide}), without the
     * extras (bounds checks, invoke and return frames), which tests add by name.
     */
    private long base(String method, int bci) {
        for (var m : machine.program().methods()) {
            if (m.owner.equals(Probe.OWNER) && m.name.equals(method)) {
                for (int pc = 0; pc < m.bytecodeAt.length; pc++) {
                    if (m.bytecodeAt[pc] == bci && m.recipeAt[pc] != null) {
                        long sum = 0;
                        for (var t : m.recipeAt[pc].terms()) {
                            if (t.key().startsWith("op.")) {
                                sum += (long) costs.keyTicks(t.key()) * t.times();
                            }
                        }
                        return sum;
                    }
                }
            }
        }
        throw new IllegalArgumentException(probe + ": no instruction at " + method + "@" + bci);
    }

    /** Base ticks of every instruction of the given segments of {@code run} (segment 0 is the entry). */
    long cost(int... segments) {
        List<List<Instruction>> all = probe.segments();
        if (segments.length == 0) {
            if (all.size() != 1) {
                throw new IllegalArgumentException(probe + " branches: name the segments executed");
            }
            segments = new int[] {0};
        }
        int[] start = new int[all.size()];
        int bci = 0;
        for (int k = 0; k < all.size(); k++) {
            start[k] = bci;
            for (Instruction ins : all.get(k)) {
                bci += ins.sizeInBytes();
            }
        }
        long sum = 0;
        for (int k : segments) {
            int at = start[k];
            for (Instruction ins : all.get(k)) {
                sum += base(Probe.RUN, at);
                at += ins.sizeInBytes();
            }
        }
        return sum;
    }

    /** Base ticks of every instruction of helper method {@code name} (straight-line helpers). */
    long helperCost(String name) {
        for (var m : probe.methodsUnderTest()) {
            if (m.methodName().equalsString(name)) {
                long sum = 0;
                int bci = 0;
                for (var e : m.code().orElseThrow()) {
                    if (e instanceof Instruction ins) {
                        sum += base(name, bci);
                        bci += ins.sizeInBytes();
                    }
                }
                return sum;
            }
        }
        throw new IllegalArgumentException(probe + " has no helper " + name);
    }

    /** Base ticks of {@code run}'s entry segment up to and including the first {@code op}. */
    long costThrough(Opcode op) {
        long sum = 0;
        int bci = 0;
        for (Instruction ins : probe.segments().get(0)) {
            sum += base(Probe.RUN, bci);
            bci += ins.sizeInBytes();
            if (ins.opcode() == op) {
                return sum;
            }
        }
        throw new IllegalArgumentException(probe + " has no " + op + " in its entry segment");
    }

    /** The handle of static array field {@code field}. */
    Ref array(String field) {
        return new Ref((int) machine.staticValue(Probe.OWNER, field));
    }

    /** The guest array of static array field {@code field}. */
    GuestArray guestArray(String field) {
        return machine.array(array(field).handle());
    }

    /** The expected state of a guarded probe: {@code stack} bottom to top, no result. */
    State state(long cycles, long... stack) {
        List<Long> s = new ArrayList<>();
        s.add((long) Probe.GUARD);
        for (long v : stack) {
            s.add(v);
        }
        return new State(0, s, cycles);
    }

    /** The expected state of a raw probe that returns {@code result}. */
    State returning(long result, long cycles) {
        return new State(result, List.of(), cycles);
    }

    /** The expected frame of {@code run} faulting at the first {@code op}. */
    GuestFault.Frame frameAt(Opcode op) {
        return new GuestFault.Frame("Probe." + Probe.RUN + probe.type.descriptorString(), "conf/Probe.java", 0,
                probe.offsetOf(op));
    }

    /** Calls {@code run} with {@code args} (Integer, Long, Float or {@link Ref}). */
    State call(Object... args) {
        long before = machine.ticks();
        long result = machine.call(Probe.OWNER, Probe.RUN, probe.type.descriptorString(), slots(args));
        long cycles = machine.ticks() - before;
        List<Long> stack = new ArrayList<>();
        if (probe.guarded) {
            stack.add(machine.staticValue(Probe.OWNER, "guard"));
            for (int k = 0; k < probe.leaves.size(); k++) {
                long v = machine.staticValue(Probe.OWNER, "s" + k);
                stack.add(probe.leaves.get(k).equals(ConstantDescs.CD_float) ? canonicalNaN(v) : v);
            }
        }
        boolean floatResult = probe.type.returnType().equals(ConstantDescs.CD_float);
        return new State(floatResult ? canonicalNaN(result) : result, stack, cycles);
    }

    /** Calls {@code run}, which must fault. */
    Fault fault(Object... args) {
        long before = machine.ticks();
        GuestFault f = assertThrows(GuestFault.class,
                () -> machine.call(Probe.OWNER, Probe.RUN, probe.type.descriptorString(), slots(args)));
        return new Fault(f.kind(), f.getMessage(), f.stack(), machine.ticks() - before);
    }

    private static long[] slots(Object... args) {
        List<Long> out = new ArrayList<>();
        for (Object a : args) {
            switch (a) {
                case Integer i -> out.add((long) i);
                case Long l -> {
                    out.add(l);
                    out.add(0L);
                }
                case Float f -> out.add((long) Float.floatToRawIntBits(f));
                case Ref r -> out.add((long) r.handle());
                default -> throw new IllegalArgumentException("argument " + a);
            }
        }
        return out.stream().mapToLong(Long::longValue).toArray();
    }

    /** JVMS leaves a NaN's bits open: any NaN compares as {@code Float.NaN}'s bits. */
    private static long canonicalNaN(long raw) {
        return Float.isNaN(Float.intBitsToFloat((int) raw)) ? bits(Float.NaN) : raw;
    }

    /** Raw slot of a float: its bits, sign-extended as the VM keeps an int. */
    static long bits(float f) {
        return Float.floatToRawIntBits(f);
    }
}
