package dev.tinyj.emulator.vm.exec;

import dev.tinyj.emulator.vm.decode.DecodedMethod;
import dev.tinyj.emulator.vm.insn.Op;
import dev.tinyj.emulator.vm.memory.ArrayTable;
import dev.tinyj.emulator.vm.memory.GuestArray;
import dev.tinyj.emulator.vm.memory.MemoryAccount;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The interpreter: one loop over predecoded {@link Op} words (the decoded forms of the instruction
 * table, {@link dev.tinyj.emulator.vm.insn.Insn}, read once at predecode) with one switch over
 * those ints; an op without a case is an error naming it, never skipped; rare
 * families (conversions, long and float arithmetic, stack shuffles, switches) live in small
 * helpers ({@link Alu}, {@link Shuffle}). Semantics follow JVMS §6.5 for each opcode; cycles are
 * charged from the word's cost field plus named dynamic events (branch taken, flash array load,
 * bytes allocated, native extras), so a faster engine can reproduce them exactly.
 *
 * <p>Values live in one {@code long[]} of slots shared by all frames: locals at {@code fp},
 * operands above; a {@code long} takes two slots (value, then a filler) as in the JVM, so
 * {@code dup2}/{@code pop2} work on slots. Ints are stored sign-extended, floats as raw bits,
 * array references as {@link ArrayTable} handles. The verifier's type checks (JVMS §4.10) make
 * every slot hold what its instruction expects, so the loop trusts slot types, depths and handles.
 * Guest faults are raised explicitly where the guest's operation fails (a null array, an index out
 * of range, a divisor of 0, a negative {@code newarray} count, ...); any host exception escaping
 * the loop is a TinyJ bug, reported as an internal error (exit 4), never as a guest fault.
 */
final class Interpreter {
    private final Machine machine;
    private final DecodedMethod[] methods;
    private final long[] statics;
    private final ArrayTable arrays;
    private final MemoryAccount mem;
    private final int newarrayPerByte;
    private final int arrayHeaderBytes;

    long[] stack = new long[4096];
    private DecodedMethod[] frameMethod = new DecodedMethod[64];
    private int[] framePc = new int[64];
    private int[] frameFp = new int[64];
    private int depth;

    /** Cost so far in ticks ({@link dev.tinyj.boards.CostTable#TICKS_PER_CYCLE} per cycle); natives read and add to it. */
    long ticks;
    /** Bytecode instructions executed so far (predecoded instructions; a skipped @Progmem initialiser counts 1). */
    long instructions;
    /** Whole cycles so far. */
    long cycles() {
        return ticks / dev.tinyj.boards.CostTable.TICKS_PER_CYCLE;
    }

    /** Cycles one call may take before the watchdog bites (for the message). */
    long watchdogBudget;
    /**
     * Executed bytecodes ({@link #instructions}) past which the watchdog bites whatever the cycles:
     * code the cost model prices at nothing (calls of inlined methods) must not run forever.
     */
    long stepLimit = Long.MAX_VALUE;
    /** Whether {@code loop()} is running (allocation is a fault). */
    boolean inLoop;
    /** Per-instruction counts when profiling, else null (one predictable test per instruction). */
    ExecutionProfile profile;

    Interpreter(Machine machine, DecodedMethod[] methods, long[] statics, ArrayTable arrays, MemoryAccount mem,
            int newarrayPerByte, int arrayHeaderBytes) {
        this.machine = machine;
        this.methods = methods;
        this.statics = statics;
        this.arrays = arrays;
        this.mem = mem;
        this.newarrayPerByte = newarrayPerByte;
        this.arrayHeaderBytes = arrayHeaderBytes;
    }

    /**
     * Runs method {@code id} with {@code args} (raw slots) to completion.
     *
     * @return the raw return value (0 for void)
     * @throws GuestFault when the guest faults
     * @throws Trap with a null kind when the guest halts
     */
    long call(int id, long[] args, long watchdog) {
        DecodedMethod m = methods[id];
        depth = 0;
        System.arraycopy(args, 0, stack, 0, args.length);
        if (!mem.pushFrame(m.frameBytes)) {
            throw fault(new Trap(FaultKind.SRAM_OVERFLOW, overflowMessage(m)), m, 0);
        }
        ensureStack(0, m);
        try {
            return run(m, watchdog);
        } finally {
            depth = 0;
        }
    }

    private void ensureStack(int base, DecodedMethod m) {
        int need = base + m.maxLocals + m.maxStack + 4;
        if (need > stack.length) {
            stack = Arrays.copyOf(stack, Math.max(need, stack.length * 2));
        }
    }

    private String overflowMessage(DecodedMethod m) {
        return "stack frame of " + m.display() + " (" + m.frameBytes + " B) meets the heap: stack "
                + mem.stackBytes() + " B in use, heap top at 0x" + Long.toHexString(mem.heapTop());
    }

    @SuppressWarnings("fallthrough")
    private long run(DecodedMethod entry, long watchdog) {
        DecodedMethod m = entry;
        int[] code = m.code;
        long[] s = stack;
        GuestArray[] heap = arrays.raw();
        int pc = 0;
        int fp = 0;
        int sp = m.maxLocals;
        long cyc = ticks;
        long count = instructions;
        final ExecutionProfile prof = profile;
        try {
            while (true) {
                int w = code[pc];
                cyc += w >>> 8;
                count++;
                if (prof != null) {
                    prof.hits[m.id][pc]++;
                }
                switch (w & 0xFF) {
                    case Op.PUSH -> { s[sp++] = code[pc + 1]; pc += 2; }
                    case Op.PUSH2 -> {
                        s[sp] = (code[pc + 1] & 0xFFFFFFFFL) | ((long) code[pc + 2] << 32);
                        s[sp + 1] = 0;
                        sp += 2;
                        pc += 3;
                    }
                    case Op.LOAD -> { s[sp++] = s[fp + code[pc + 1]]; pc += 2; }
                    case Op.LOAD2 -> { s[sp] = s[fp + code[pc + 1]]; s[sp + 1] = 0; sp += 2; pc += 2; }
                    case Op.STORE -> { s[fp + code[pc + 1]] = s[--sp]; pc += 2; }
                    case Op.STORE2 -> { sp -= 2; s[fp + code[pc + 1]] = s[sp]; pc += 2; }
                    case Op.IINC -> { int k = fp + code[pc + 1]; s[k] = (int) s[k] + code[pc + 2]; pc += 3; }
                    case Op.GETSTATIC -> { s[sp++] = statics[code[pc + 1]]; pc += 2; }
                    case Op.GETSTATIC2 -> { s[sp] = statics[code[pc + 1]]; s[sp + 1] = 0; sp += 2; pc += 2; }
                    case Op.PUTSTATIC -> { statics[code[pc + 1]] = s[--sp]; pc += 2; }
                    case Op.PUTSTATIC2 -> { sp -= 2; statics[code[pc + 1]] = s[sp]; pc += 2; }
                    case Op.PUTSTATIC_Z -> { statics[code[pc + 1]] = s[--sp] & 1; pc += 2; }
                    case Op.PUTSTATIC_B -> { statics[code[pc + 1]] = (byte) s[--sp]; pc += 2; }
                    case Op.PUTSTATIC_C -> { statics[code[pc + 1]] = (char) s[--sp]; pc += 2; }
                    case Op.PUTSTATIC_S -> { statics[code[pc + 1]] = (short) s[--sp]; pc += 2; }
                    case Op.IALOAD -> {
                        GuestArray a = heap[(int) s[sp - 2]];
                        int k = index(a, s[--sp]);
                        s[sp - 1] = a.i[k];
                        if (a.inFlash) {
                            cyc += code[pc + 1];
                            if (prof != null) {
                                prof.events[m.id][pc]++;
                            }
                        }
                        pc += 2;
                    }
                    case Op.BALOAD -> {
                        GuestArray a = heap[(int) s[sp - 2]];
                        int k = index(a, s[--sp]);
                        s[sp - 1] = a.b[k];
                        if (a.inFlash) {
                            cyc += code[pc + 1];
                            if (prof != null) {
                                prof.events[m.id][pc]++;
                            }
                        }
                        pc += 2;
                    }
                    case Op.SALOAD -> {
                        GuestArray a = heap[(int) s[sp - 2]];
                        int k = index(a, s[--sp]);
                        s[sp - 1] = a.s[k];
                        if (a.inFlash) {
                            cyc += code[pc + 1];
                            if (prof != null) {
                                prof.events[m.id][pc]++;
                            }
                        }
                        pc += 2;
                    }
                    case Op.LALOAD, Op.FALOAD, Op.CALOAD -> {
                        GuestArray a = heap[(int) s[sp - 2]];
                        int k = index(a, s[sp - 1]);
                        if ((w & 0xFF) == Op.LALOAD) {
                            s[sp - 2] = a.j[k];
                            s[sp - 1] = 0;
                        } else {
                            s[sp - 2] = (w & 0xFF) == Op.FALOAD ? Float.floatToRawIntBits(a.f[k]) : a.c[k];
                            sp--;
                        }
                        if (a.inFlash) {
                            cyc += code[pc + 1];
                            if (prof != null) {
                                prof.events[m.id][pc]++;
                            }
                        }
                        pc += 2;
                    }
                    case Op.IASTORE -> {
                        sp -= 3;
                        GuestArray a = writable(heap[(int) s[sp]]);
                        a.i[index(a, s[sp + 1])] = (int) s[sp + 2];
                        pc++;
                    }
                    case Op.BASTORE -> {
                        sp -= 3;
                        GuestArray a = writable(heap[(int) s[sp]]);
                        long v = s[sp + 2];
                        a.b[index(a, s[sp + 1])] = (byte) (a.type == GuestArray.T_BOOLEAN ? v & 1 : v);
                        pc++;
                    }
                    case Op.SASTORE, Op.CASTORE, Op.FASTORE -> {
                        sp -= 3;
                        GuestArray a = writable(heap[(int) s[sp]]);
                        int k = index(a, s[sp + 1]);
                        int v = (int) s[sp + 2];
                        switch (w & 0xFF) {
                            case Op.SASTORE -> a.s[k] = (short) v;
                            case Op.CASTORE -> a.c[k] = (char) v;
                            default -> a.f[k] = Float.intBitsToFloat(v);
                        }
                        pc++;
                    }
                    case Op.LASTORE -> {
                        sp -= 4;
                        GuestArray a = writable(heap[(int) s[sp]]);
                        a.j[index(a, s[sp + 1])] = s[sp + 2];
                        pc++;
                    }
                    case Op.ARRAYLENGTH -> { s[sp - 1] = nonNull(heap[(int) s[sp - 1]]).length; pc++; }
                    case Op.IADD -> { sp--; s[sp - 1] = (int) s[sp - 1] + (int) s[sp]; pc++; }
                    case Op.ISUB -> { sp--; s[sp - 1] = (int) s[sp - 1] - (int) s[sp]; pc++; }
                    case Op.IMUL -> { sp--; s[sp - 1] = (int) s[sp - 1] * (int) s[sp]; pc++; }
                    case Op.IDIV -> { sp--; s[sp - 1] = (int) s[sp - 1] / Alu.divisor((int) s[sp]); pc++; }
                    case Op.IREM -> { sp--; s[sp - 1] = (int) s[sp - 1] % Alu.divisor((int) s[sp]); pc++; }
                    case Op.INEG -> { s[sp - 1] = -(int) s[sp - 1]; pc++; }
                    case Op.ISHL -> { sp--; s[sp - 1] = (int) s[sp - 1] << (int) s[sp]; pc++; }
                    case Op.ISHR -> { sp--; s[sp - 1] = (int) s[sp - 1] >> (int) s[sp]; pc++; }
                    case Op.IUSHR -> { sp--; s[sp - 1] = (int) s[sp - 1] >>> (int) s[sp]; pc++; }
                    case Op.IAND -> { sp--; s[sp - 1] = (int) s[sp - 1] & (int) s[sp]; pc++; }
                    case Op.IOR -> { sp--; s[sp - 1] = (int) s[sp - 1] | (int) s[sp]; pc++; }
                    case Op.IXOR -> { sp--; s[sp - 1] = (int) s[sp - 1] ^ (int) s[sp]; pc++; }
                    case Op.I2B -> { s[sp - 1] = (byte) s[sp - 1]; pc++; }
                    case Op.I2C -> { s[sp - 1] = (char) s[sp - 1]; pc++; }
                    case Op.I2S -> { s[sp - 1] = (short) s[sp - 1]; pc++; }
                    case Op.LADD, Op.LSUB, Op.LMUL, Op.LDIV, Op.LREM, Op.LAND, Op.LOR, Op.LXOR -> {
                        sp -= 2;
                        s[sp - 2] = Alu.long2(w & 0xFF, s[sp - 2], s[sp]);
                        pc++;
                    }
                    case Op.LSHL, Op.LSHR, Op.LUSHR -> {
                        sp--;
                        s[sp - 2] = Alu.longShift(w & 0xFF, s[sp - 2], (int) s[sp]);
                        pc++;
                    }
                    case Op.LNEG -> { s[sp - 2] = -s[sp - 2]; pc++; }
                    case Op.LCMP -> { sp -= 3; s[sp - 1] = Long.compare(s[sp - 1], s[sp + 1]); pc++; }
                    case Op.FADD, Op.FSUB, Op.FMUL, Op.FDIV, Op.FREM, Op.FCMPL, Op.FCMPG -> {
                        sp--;
                        s[sp - 1] = Alu.float2(w & 0xFF, (int) s[sp - 1], (int) s[sp]);
                        pc++;
                    }
                    case Op.FNEG, Op.I2F, Op.F2I -> { s[sp - 1] = Alu.convert1(w & 0xFF, s[sp - 1]); pc++; }
                    case Op.I2L, Op.F2L -> {
                        s[sp - 1] = Alu.widen(w & 0xFF, s[sp - 1]);
                        s[sp++] = 0;
                        pc++;
                    }
                    case Op.L2I, Op.L2F -> { sp--; s[sp - 1] = Alu.narrow(w & 0xFF, s[sp - 1]); pc++; }
                    case Op.POP -> { sp--; pc++; }
                    case Op.POP2 -> { sp -= 2; pc++; }
                    case Op.DUP -> { s[sp] = s[sp - 1]; sp++; pc++; }
                    case Op.DUP_X1, Op.DUP_X2, Op.DUP2, Op.DUP2_X1, Op.DUP2_X2, Op.SWAP -> {
                        sp = Shuffle.apply(w & 0xFF, s, sp);
                        pc++;
                    }
                    case Op.IFEQ, Op.IFNE, Op.IFLT, Op.IFGE, Op.IFGT, Op.IFLE,
                            Op.IF_ICMPEQ, Op.IF_ICMPNE, Op.IF_ICMPLT, Op.IF_ICMPGE, Op.IF_ICMPGT, Op.IF_ICMPLE -> {
                        int op = w & 0xFF;
                        boolean jump;
                        if (op <= Op.IFLE) {
                            jump = Alu.test(op, (int) s[--sp]);
                        } else {
                            sp -= 2;
                            jump = Alu.compare(op, (int) s[sp], (int) s[sp + 1]);
                        }
                        if (jump) {
                            if (prof != null) {
                                prof.events[m.id][pc]++;
                            }
                            int t = code[pc + 1];
                            pc = t & 0xFFFFFF;
                            cyc += t >>> 24;
                            if (cyc > watchdog || count > stepLimit) {
                                throw watchdogTrap(watchdog, count);
                            }
                        } else {
                            pc += 2;
                        }
                    }
                    case Op.GOTO -> {
                        pc = code[pc + 1];
                        if (cyc > watchdog || count > stepLimit) {
                            throw watchdogTrap(watchdog, count);
                        }
                    }
                    case Op.PROGMEM_SKIP -> pc = code[pc + 1];
                    case Op.TABLESWITCH -> {
                        int k = (int) s[--sp];
                        int lo = code[pc + 2];
                        pc = k < lo || k > code[pc + 3] ? code[pc + 1] : code[pc + 4 + (k - lo)];
                    }
                    case Op.LOOKUPSWITCH -> pc = Alu.lookup(code, pc, (int) s[--sp]);
                    case Op.INVOKE -> {
                        DecodedMethod callee = methods[code[pc + 1]];
                        if (depth == frameMethod.length) {
                            growFrames();
                        }
                        frameMethod[depth] = m;
                        framePc[depth] = pc + 2;
                        frameFp[depth] = fp;
                        depth++;
                        fp = sp - callee.argSlots;
                        sp = fp + callee.maxLocals;
                        m = callee;
                        code = m.code;
                        pc = 0;
                        if (sp + m.maxStack + 4 > s.length) {
                            ensureStack(fp, m);
                            s = stack;
                        }
                        if (!mem.pushFrame(m.frameBytes)) {
                            throw new Trap(FaultKind.SRAM_OVERFLOW, overflowMessage(m));
                        }
                        if (cyc > watchdog || count > stepLimit) {
                            throw watchdogTrap(watchdog, count);
                        }
                    }
                    case Op.INVOKE_NATIVE -> {
                        ticks = cyc;
                        sp = machine.hal.call(code[pc + 1], s, sp);
                        cyc = ticks;
                        heap = arrays.raw();
                        pc += 2;
                        if (cyc > watchdog || count > stepLimit) {
                            throw watchdogTrap(watchdog, count);
                        }
                    }
                    case Op.RETURN, Op.RETURN1, Op.RETURN2 -> {
                        int op = w & 0xFF;
                        long v = op == Op.RETURN ? 0 : s[op == Op.RETURN1 ? sp - 1 : sp - 2];
                        mem.popFrame(m.frameBytes);
                        if (depth == 0) {
                            ticks = cyc;
                            instructions = count;
                            return v;
                        }
                        depth--;
                        sp = fp;
                        if (op == Op.RETURN1) {
                            s[sp++] = v;
                        } else if (op == Op.RETURN2) {
                            s[sp] = v;
                            s[sp + 1] = 0;
                            sp += 2;
                        }
                        m = frameMethod[depth];
                        pc = framePc[depth];
                        fp = frameFp[depth];
                        code = m.code;
                    }
                    case Op.NEWARRAY -> {
                        int n = (int) s[sp - 1];
                        GuestArray a = newArray(code[pc + 1], n, code[pc + 2]);
                        s[sp - 1] = arrays.add(a);
                        heap = arrays.raw();
                        cyc += (long) newarrayPerByte * a.dataBytes();
                        if (prof != null) {
                            prof.events[m.id][pc] += a.dataBytes();
                        }
                        pc += 3;
                    }
                    case Op.NOP -> pc++;
                    default -> throw new IllegalStateException("unknown predecoded op " + (w & 0xFF) + " in "
                            + m.display() + " at " + pc);
                }
            }
        } catch (Trap t) {
            ticks = cyc;
            instructions = count;
            if (t.kind == null) {
                throw t;
            }
            throw fault(t, m, pc);
        }
    }

    /**
     * Checks a guest array reference and index (JVMS §6.5 iaload: a null reference, or an index
     * outside [0, length), throws). Explicit, so the fault is raised where the guest's operation
     * fails and the message never depends on the host JVM's exceptions.
     */
    private static int index(GuestArray a, long slot) {
        nonNull(a);
        int k = (int) slot;
        if (k < 0 || k >= a.length) {
            throw new Trap(FaultKind.ARRAY_INDEX, "index " + k + " out of bounds for length " + a.length);
        }
        return k;
    }

    private Trap watchdogTrap(long watchdog, long count) {
        if (count > stepLimit) {
            return new Trap(FaultKind.WATCHDOG, "the watchdog was not fed: one call of <clinit>, setup() or loop() ran "
                    + "past " + String.format(java.util.Locale.ROOT, "%,d", Machine.STEPS_PER_WATCHDOG_CYCLE)
                    + " bytecodes per cycle of the " + String.format(java.util.Locale.ROOT, "%,d", watchdogBudget)
                    + "-cycle budget (code the cost model prices at nothing, such as calls of inlined methods, "
                    + "still counts; raise --watchdog-cycles if that is intended)");
        }
        return new Trap(FaultKind.WATCHDOG, "the watchdog was not fed: one call of <clinit>, setup() or loop() ran past "
                + String.format(java.util.Locale.ROOT, "%,d", watchdogBudget)
                + " cycles (raise --watchdog-cycles if that is intended)");
    }

    /** {@code a}, checked not to be the null handle's (missing) array: a {@link FaultKind#NULL_ARRAY} fault. */
    private static GuestArray nonNull(GuestArray a) {
        if (a == null) {
            throw new Trap(FaultKind.NULL_ARRAY, "array operation on null");
        }
        return a;
    }

    private static GuestArray writable(GuestArray a) {
        if (nonNull(a).inFlash) {
            throw new Trap(FaultKind.FLASH_WRITE, "store into a flash array (" + GuestArray.typeName(a.type) + "["
                    + a.length + "] at 0x" + Integer.toHexString(a.address) + ")");
        }
        return a;
    }

    private GuestArray newArray(int atype, int n, int site) {
        if (n < 0) {
            throw new Trap(FaultKind.NEGATIVE_ARRAY_SIZE, "newarray " + GuestArray.typeName(atype) + "[" + n + "]");
        }
        if (inLoop) {
            throw new Trap(FaultKind.ALLOCATION_IN_LOOP, "newarray " + GuestArray.typeName(atype) + "[" + n
                    + "] in loop() at " + machine.program.allocationSites().get(site)
                    + ": allocate in setup() and reuse the array");
        }
        long bytes = arrayHeaderBytes + (long) n * GuestArray.elementBytes(atype);
        long at = bytes > Integer.MAX_VALUE ? -1 : mem.allocate((int) bytes);
        if (at < 0) {
            throw new Trap(FaultKind.SRAM_OVERFLOW, "newarray " + GuestArray.typeName(atype) + "[" + n + "] needs "
                    + bytes + " B; heap top 0x" + Long.toHexString(mem.heapTop()) + ", stack pointer 0x"
                    + Long.toHexString(mem.stackPointer()));
        }
        GuestArray a = GuestArray.allocate(atype, n, false);
        a.address = (int) at;
        return a;
    }

    private void growFrames() {
        int n = frameMethod.length * 2;
        frameMethod = Arrays.copyOf(frameMethod, n);
        framePc = Arrays.copyOf(framePc, n);
        frameFp = Arrays.copyOf(frameFp, n);
    }

    /** The guest stack, innermost first, with {@code (m, pc)} on top. */
    private GuestFault fault(Trap t, DecodedMethod m, int pc) {
        List<GuestFault.Frame> frames = new ArrayList<>();
        frames.add(frame(m, pc));
        for (int d = depth - 1; d >= 0; d--) {
            frames.add(frame(frameMethod[d], Math.max(0, framePc[d] - 2)));
        }
        return new GuestFault(t.kind, t.getMessage(), frames, cycles());
    }

    private static GuestFault.Frame frame(DecodedMethod m, int pc) {
        return new GuestFault.Frame(m.display(), m.source, m.lineOf(pc), m.bytecodeOf(pc));
    }
}
