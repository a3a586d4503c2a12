package dev.tinyj.emulator.vm.exec;

import dev.tinyj.boards.Board;
import dev.tinyj.boards.CostTable;
import dev.tinyj.emulator.vm.decode.DecodedMethod;
import dev.tinyj.emulator.vm.decode.Program;
import dev.tinyj.emulator.vm.decode.StaticField;
import dev.tinyj.emulator.vm.memory.ArrayTable;
import dev.tinyj.emulator.vm.memory.GuestArray;
import dev.tinyj.emulator.vm.memory.MemoryAccount;
import java.util.List;
import java.util.Map;

/**
 * An emulated board running one linked firmware {@link Program}: static area, guest heap and
 * stack accounted against the board's SRAM, flash holding code, @Progmem tables and segments,
 * and an {@link Interpreter} charging cycles from the board's cost table.
 *
 * <p>Life cycle (DESIGN.md "The main job"): {@link #runInitializers()} runs every
 * {@code <clinit>} in the verifier's documented order (dependencies first, main class last),
 * {@link #setup()} once (allocation allowed), then {@link #loop()} per iteration (allocation is
 * a fault). A {@link GuestFault} stops the machine; calling it again afterwards is undefined.
 * Deterministic: the same program, board and options give the same bytes and cycle counts.
 */
public final class Machine {
    final Program program;
    private final Board board;
    private final MachineOptions options;
    private final ArrayTable arrays = new ArrayTable();
    private final MemoryAccount memory;
    private final long[] statics;
    private final Interpreter interpreter;
    final HalBridge hal;
    private boolean halted;

    /**
     * Lays out the program on the board: VM base and statics in SRAM, code and constants in flash.
     *
     * @throws GuestFault ({@link FaultKind#SRAM_OVERFLOW}) when statics alone exceed SRAM
     */
    public Machine(Program program, Board board, MachineOptions options) {
        this.program = program;
        this.board = board;
        this.options = options;
        this.memory = new MemoryAccount(board, program.staticBytes());
        if (options.extraSramBytes() > 0) {
            memory.enlargeSram(options.extraSramBytes());
        }
        memory.setFlashCode(board.vmFlashBytes() + program.codeBytes());
        this.statics = new long[program.statics().size()];
        for (StaticField f : program.statics()) {
            statics[f.slot()] = f.initial();
        }
        for (Map.Entry<Integer, GuestArray> e : program.progmem().entrySet()) {
            GuestArray a = e.getValue();
            a.address = (int) memory.placeFlashData(a.dataBytes());
            statics[e.getKey()] = arrays.add(a);
        }
        for (String s : program.strings()) {
            memory.placeFlashData(s.length() + 1);
        }
        var costs = board.costs();
        this.interpreter = new Interpreter(this, program.methods(), statics, arrays, memory,
                costs.extraTicks("newarray_per_byte"), board.memory().arrayHeaderBytes());
        this.hal = new HalBridge(this, options, costs.extraTicks("arraycopy_per_byte"));
        if (memory.staticsOverflow()) {
            throw new GuestFault(FaultKind.SRAM_OVERFLOW, "static fields (" + program.staticBytes()
                    + " B) and the VM base (" + board.vmSramBytes() + " B) exceed " + board.id() + "'s "
                    + board.sram().size() + " B SRAM", List.of(), 0);
        }
    }

    /** Runs every {@code <clinit>} in order. */
    public void runInitializers() {
        for (int id : program.initializers()) {
            if (!halted) {
                invoke(id, new long[0]);
            }
        }
    }

    /** Runs {@code setup()} once. */
    public void setup() {
        if (!halted) {
            invoke(program.setupId(), new long[0]);
        }
    }

    /**
     * Runs {@code loop()} once; allocation inside it is a fault.
     *
     * @return false when the firmware has halted ({@code Mcu.halt()}) and no further loop runs
     */
    public boolean loop() {
        if (halted) {
            return false;
        }
        interpreter.inLoop = true;
        try {
            invoke(program.loopId(), new long[0]);
        } finally {
            interpreter.inLoop = false;
        }
        return !halted;
    }

    /**
     * Calls firmware method {@code owner.name descriptor} with raw argument slots (int, float bits
     * and array handles one slot each; a long two slots: the value then 0).
     *
     * @return the raw result (an int sign-extended, float bits, a long), 0 for void
     * @throws IllegalArgumentException when the program has no such method
     */
    public long call(String owner, String name, String descriptor, long... args) {
        int id = program.find(owner, name, descriptor);
        if (id < 0) {
            throw new IllegalArgumentException("no method " + owner + "." + name + descriptor + " in the program");
        }
        return invoke(id, args);
    }

    /**
     * Like {@link #call}, but as {@code loop()} runs it: any {@code newarray} is an
     * {@link FaultKind#ALLOCATION_IN_LOOP} fault. Proves a routine allocation-free.
     */
    public long callInLoop(String owner, String name, String descriptor, long... args) {
        interpreter.inLoop = true;
        try {
            return call(owner, name, descriptor, args);
        } finally {
            interpreter.inLoop = false;
        }
    }

    /**
     * Bytecodes one {@code <clinit>}, {@code setup()} or {@code loop()} call may execute per cycle of
     * its watchdog budget. The cost model prices some code at nothing (a call of an inlined method,
     * its return), so cycles alone cannot bound it; no real code averages more than a few bytecodes
     * per modelled cycle, so 16 never bites before the cycle budget does on code that costs anything.
     */
    static final long STEPS_PER_WATCHDOG_CYCLE = 16;

    private long invoke(int id, long[] args) {
        long sp = memory.stackPointer();
        try {
            // the watchdog is fed when each <clinit>, setup() or loop() call returns
            long budget = options.watchdogCycles();
            long room = (Long.MAX_VALUE - interpreter.ticks) / CostTable.TICKS_PER_CYCLE;
            long limit = budget >= room ? Long.MAX_VALUE : interpreter.ticks + budget * CostTable.TICKS_PER_CYCLE;
            interpreter.watchdogBudget = options.watchdogCycles();
            long steps = budget >= (Long.MAX_VALUE - interpreter.instructions) / STEPS_PER_WATCHDOG_CYCLE
                    ? Long.MAX_VALUE : interpreter.instructions + budget * STEPS_PER_WATCHDOG_CYCLE;
            interpreter.stepLimit = steps;
            return interpreter.call(id, args, limit < 0 ? Long.MAX_VALUE : limit);
        } catch (Trap t) {
            if (t.kind != null) {
                throw t;
            }
            halted = true;
            return 0;
        } finally {
            memory.resetStack(sp);
        }
    }

    /** Whether the firmware called {@code Mcu.halt()}. */
    public boolean halted() {
        return halted;
    }

    /** Cycles executed since reset. */
    public long cycles() {
        return interpreter.cycles();
    }

    /**
     * Cost so far in ticks ({@link CostTable#TICKS_PER_CYCLE} per cycle): the exact sum of the
     * table's fractional costs, of which {@link #cycles()} is the whole part.
     */
    public long ticks() {
        return interpreter.ticks;
    }

    /**
     * A {@code Profiler} mark.
     *
     * @param tag span tag (0: the latency window; i + 1: operator i in the inference firmware)
     * @param begin true for {@code begin(tag)}, false for {@code end(tag)}
     * @param cycles cycle count at the mark
     */
    public record ProfileMark(int tag, boolean begin, long cycles) {
    }

    /** Every {@code Profiler} mark so far, in order. */
    public List<ProfileMark> profileMarks() {
        return hal.marks.stream().map(m -> new ProfileMark(m.tag(), m.begin(), m.cycles())).toList();
    }

    /** The last PWM duty (0..255) the firmware wrote to {@code pin} with {@code Gpio.analogWrite}. */
    public int pwmDuty(int pin) {
        return hal.duty(pin);
    }

    /**
     * Starts (or restarts) counting executions per instruction; cycles are unchanged. Costs one test
     * per instruction while on, so only calibration and profiling turn it on.
     */
    public void startProfile() {
        interpreter.profile = new ExecutionProfile(program.methods());
    }

    /**
     * How many times each cost-table key was charged since {@link #startProfile()} (see
     * {@link ExecutionProfile#keyCounts}).
     *
     * @throws IllegalStateException when profiling was not started
     */
    public java.util.Map<String, Long> costKeyCounts() {
        if (interpreter.profile == null) {
            throw new IllegalStateException("profiling was not started");
        }
        return interpreter.profile.keyCounts(program.methods());
    }

    /** Bytecode instructions executed since reset. */
    public long instructions() {
        return interpreter.instructions;
    }

    /** Microseconds slept through {@code Mcu.sleepMicros}. */
    public long sleptMicros() {
        return hal.sleptMicros();
    }

    /** Bytes the firmware wrote with {@code Semihost.write}. */
    public byte[] semihostOutput() {
        return hal.semihostOutput();
    }

    /** SRAM and flash accounting. */
    public MemoryAccount memory() {
        return memory;
    }

    /** The board. */
    public Board board() {
        return board;
    }

    /** The program. */
    public Program program() {
        return program;
    }

    /** Raw value of a static field, for tests and reports. */
    public long staticValue(String owner, String name) {
        for (StaticField f : program.statics()) {
            if (f.owner().equals(owner) && f.name().equals(name)) {
                return statics[f.slot()];
            }
        }
        throw new IllegalArgumentException("no static field " + owner + "." + name + " in the program");
    }

    /**
     * Host side: allocates a guest {@code byte[]} holding a copy of {@code contents} on the heap
     * (accounted like a {@code newarray} in setup) and returns its handle, for tests and tools
     * that pass arrays to {@link #call}.
     *
     * @throws GuestFault ({@link FaultKind#SRAM_OVERFLOW}) when it does not fit
     */
    public int allocate(byte[] contents) {
        long at = memory.allocate(board.memory().arrayHeaderBytes() + contents.length);
        if (at < 0) {
            throw new GuestFault(FaultKind.SRAM_OVERFLOW, "host allocation of byte[" + contents.length
                    + "] does not fit", List.of(), interpreter.cycles());
        }
        GuestArray a = GuestArray.allocate(GuestArray.T_BYTE, contents.length, false);
        System.arraycopy(contents, 0, a.b, 0, contents.length);
        a.address = (int) at;
        return arrays.add(a);
    }

    /** Host side: a copy of the guest {@code byte[]} behind {@code handle}. */
    public byte[] bytes(int handle) {
        return arrays.get(handle).b.clone();
    }

    /** The guest array behind handle {@code h} (null for 0). */
    public GuestArray array(int handle) {
        return arrays.get(handle);
    }

    ArrayTable arrays() {
        return arrays;
    }

    Interpreter interpreter() {
        return interpreter;
    }

    /** Method by id. */
    public DecodedMethod method(int id) {
        return program.methods()[id];
    }
}
