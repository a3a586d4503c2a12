package dev.tinyj.emulator.vm.verify;

import java.lang.classfile.Attributes;
import java.lang.classfile.CodeElement;
import java.lang.classfile.ClassFile;
import java.lang.classfile.Instruction;
import java.lang.classfile.MethodModel;
import java.lang.classfile.Opcode;
import java.lang.classfile.attribute.CodeAttribute;
import java.lang.classfile.constantpool.ClassEntry;
import java.lang.classfile.constantpool.ConstantDynamicEntry;
import java.lang.classfile.constantpool.ConstantPool;
import java.lang.classfile.constantpool.DoubleEntry;
import java.lang.classfile.constantpool.FieldRefEntry;
import java.lang.classfile.constantpool.FloatEntry;
import java.lang.classfile.constantpool.IntegerEntry;
import java.lang.classfile.constantpool.InterfaceMethodRefEntry;
import java.lang.classfile.constantpool.InvokeDynamicEntry;
import java.lang.classfile.constantpool.LongEntry;
import java.lang.classfile.constantpool.MemberRefEntry;
import java.lang.classfile.constantpool.MethodHandleEntry;
import java.lang.classfile.constantpool.MethodRefEntry;
import java.lang.classfile.constantpool.MethodTypeEntry;
import java.lang.classfile.constantpool.PoolEntry;
import java.lang.classfile.constantpool.StringEntry;
import java.lang.classfile.instruction.ExceptionCatch;
import java.lang.classfile.instruction.LineNumber;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The structural rules of one method's code (JVMS §4.9.1 static constraints, §4.7.3 the Code
 * attribute), read from the raw code array, before any other layer parses the method. When a
 * method passes, later layers (type inference, the predecoder, the cost analyses) may assume:
 * every opcode is a JVM opcode, every instruction lies inside the code, every branch and switch
 * target is the start of an instruction, every local index (both slots of a long or double) is
 * below {@code max_locals}, every constant-pool operand is a valid entry of the kind its
 * instruction needs, and execution does not fall off the end.
 *
 * <p>Rules, each reported at its instruction's offset:
 * <ul>
 *   <li>a Code attribute (reached methods run); code length 1..65,535 (JVMS §4.7.3);
 *       argument slots within {@code max_locals} (JVMS §4.10.1.6);
 *   <li>every opcode defined (JVMS §6.5), {@code wide} only before a widenable opcode
 *       (JVMS §6.5.wide), every instruction inside the code;
 *   <li>branch and switch targets on instruction starts inside the code (JVMS §4.9.1);
 *       {@code tableswitch} {@code low <= high}; {@code lookupswitch} keys sorted and unique;
 *   <li>local variable indices (the second slot of a long/double too) below {@code max_locals};
 *   <li>{@code ldc}/{@code ldc_w} of an int, float, String, Class, MethodType, MethodHandle or
 *       single-slot dynamic constant, {@code ldc2_w} of a long, double or two-slot dynamic
 *       constant (JVMS §4.4; which of them the subset allows is {@link InstructionRules}');
 *       field instructions of Fieldref entries, invokes of Methodref/InterfaceMethodref entries,
 *       {@code new}/{@code anewarray}/{@code checkcast}/{@code instanceof}/
 *       {@code multianewarray} of Class entries; {@code newarray} of a type code 4..11;
 *   <li>no invoke of {@code <clinit>}; only {@code invokespecial} names {@code <init>};
 *   <li>the last instruction is {@code goto}, a return, {@code athrow}, {@code ret} or a switch
 *       (execution cannot fall off the end);
 *   <li>exception-table ranges and handlers on instruction starts (JVMS §4.7.3).
 * </ul>
 */
final class CodeStructure {
    /** The {@code wide} prefix (JVMS §6.5.wide); java.lang.classfile folds it into the wide opcodes. */
    private static final int WIDE_PREFIX = 0xC4;
    private static final Opcode[] NARROW = new Opcode[256];
    private static final Opcode[] WIDE = new Opcode[256];

    static {
        for (Opcode op : Opcode.values()) {
            if (op.isWide()) {
                WIDE[op.bytecode() & 0xFF] = op;
            } else {
                NARROW[op.bytecode()] = op;
            }
        }
    }

    /** One structural problem at a bytecode offset ({@link Violation#NO_OFFSET} for the whole method). */
    record Problem(int offset, String reason) {
    }

    /** The first class-file version whose invokestatic/invokespecial may name an InterfaceMethodref (JVMS §4.9.1). */
    private static final int FIRST_INTERFACE_STATIC_VERSION = 52;

    private final ConstantPool pool;
    private final byte[] code;
    private final int maxLocals;
    private final int majorVersion;
    private final boolean[] starts;
    private final List<int[]> targets = new ArrayList<>();
    private final List<Problem> problems = new ArrayList<>();

    private CodeStructure(ConstantPool pool, byte[] code, int maxLocals, int majorVersion) {
        this.pool = pool;
        this.majorVersion = majorVersion;
        this.code = code;
        this.maxLocals = maxLocals;
        this.starts = new boolean[code.length + 1];
    }

    /**
     * Every structural problem of {@code m}'s code (empty when it may be read by later layers).
     * The class must have passed {@link ClassStructure}.
     */
    static List<Problem> check(MethodModel m) {
        try {
            if ((m.flags().flagsMask() & ClassFile.ACC_NATIVE) != 0) {
                return List.of(); // no code by design: TypeRules reports the native method
            }
            CodeAttribute attr = m.findAttribute(Attributes.code()).orElse(null);
            if (attr == null) {
                return List.of(new Problem(Violation.NO_OFFSET,
                        "no Code attribute: a method that runs needs code (JVMS §4.7.3)"));
            }
            int length = attr.codeLength();
            if (length < 1 || length > Limits.MAX_CODE_BYTES) {
                return List.of(new Problem(Violation.NO_OFFSET, "code length " + length
                        + " is outside 1.." + String.format(Locale.ROOT, "%,d", Limits.MAX_CODE_BYTES)
                        + " (JVMS §4.7.3)"));
            }
            CodeStructure s = new CodeStructure(m.parent().orElseThrow().constantPool(), attr.codeArray(),
                    attr.maxLocals(), m.parent().orElseThrow().majorVersion());
            s.arguments(m);
            if (s.walk()) {
                s.targets();
                s.handlers(attr);
                if (s.problems.isEmpty()) {
                    s.parse(attr);
                }
            }
            return List.copyOf(s.problems);
        } catch (IllegalArgumentException | IndexOutOfBoundsException | ClassCastException | IllegalStateException e) {
            return List.of(new Problem(Violation.NO_OFFSET, "malformed Code attribute: " + e.getMessage()
                    + " (JVMS §4.7.3)"));
        }
    }

    /** The line the LineNumberTable gives for {@code offset}, 0 when unknown or unreadable. */
    static int lineAt(MethodModel m, int offset) {
        try {
            var table = m.findAttribute(Attributes.code())
                    .flatMap(c -> c.findAttribute(Attributes.lineNumberTable()));
            int line = 0;
            int best = -1;
            if (table.isPresent()) {
                for (var e : table.get().lineNumbers()) {
                    if (e.startPc() <= offset && e.startPc() > best) {
                        best = e.startPc();
                        line = e.lineNumber();
                    }
                }
            }
            return line;
        } catch (IllegalArgumentException | IndexOutOfBoundsException | ClassCastException | IllegalStateException e) {
            return 0;
        }
    }

    private void arguments(MethodModel m) {
        int slots = (m.flags().flagsMask() & ClassFile.ACC_STATIC) != 0 ? 0 : 1;
        for (var p : m.methodTypeSymbol().parameterList()) {
            slots += p.descriptorString().equals("J") || p.descriptorString().equals("D") ? 2 : 1;
        }
        if (slots > maxLocals) {
            problems.add(new Problem(Violation.NO_OFFSET, "the arguments take " + slots + " local slots but max_locals is "
                    + maxLocals + " (JVMS §4.10.1.6)"));
        }
    }

    /** Decodes every instruction; false when the walk cannot continue (sizes unknown). */
    private boolean walk() {
        int pc = 0;
        int last = -1;
        while (pc < code.length) {
            Opcode op;
            if (u1(pc) == WIDE_PREFIX) {
                op = pc + 1 < code.length ? WIDE[u1(pc + 1)] : null;
                if (op == null) {
                    problems.add(new Problem(pc, "wide before an opcode that has no wide form (JVMS §6.5.wide)"));
                    return false;
                }
            } else {
                op = NARROW[u1(pc)];
                if (op == null) {
                    problems.add(new Problem(pc, String.format("undefined opcode 0x%02x (JVMS §6.5)", u1(pc))));
                    return false;
                }
            }
            int size = size(op, pc);
            if (size < 0) {
                return false;
            }
            if ((long) pc + size > code.length) {
                problems.add(new Problem(pc, mnemonic(op) + " runs past the end of the code (code length "
                        + code.length + ", JVMS §4.9.1)"));
                return false;
            }
            starts[pc] = true;
            operands(op, pc);
            last = pc;
            pc += size;
        }
        Opcode end = u1(last) == WIDE_PREFIX ? WIDE[u1(last + 1)] : NARROW[u1(last)];
        if (fallsThrough(end)) {
            problems.add(new Problem(last, "execution falls off the end of the code after " + mnemonic(end)
                    + ": the last instruction must be goto, a return, athrow or a switch (JVMS §4.9.2)"));
        }
        return true;
    }

    /** The size of the instruction at {@code pc}, or -1 after reporting a malformed switch. */
    private int size(Opcode op, int pc) {
        if (op.sizeIfFixed() > 0) {
            return op.sizeIfFixed();
        }
        int base = pc + 1 + (3 - (pc & 3));
        boolean table = op == Opcode.TABLESWITCH;
        if ((long) base + (table ? 12 : 8) > code.length) {
            problems.add(new Problem(pc, mnemonic(op) + " runs past the end of the code (code length "
                    + code.length + ", JVMS §4.9.1)"));
            return -1;
        }
        long entries;
        if (table) {
            int low = s4(base + 4);
            int high = s4(base + 8);
            if (low > high) {
                problems.add(new Problem(pc, "tableswitch low " + low + " > high " + high
                        + " (JVMS §6.5.tableswitch)"));
                return -1;
            }
            entries = (long) high - low + 1;
            long size = base + 12 + 4 * entries - pc;
            return size > code.length ? tooLong(op, pc) : (int) size;
        }
        entries = s4(base + 4);
        if (entries < 0) {
            problems.add(new Problem(pc, "lookupswitch with " + entries + " pairs (JVMS §6.5.lookupswitch)"));
            return -1;
        }
        long size = base + 8 + 8 * entries - pc;
        return size > code.length ? tooLong(op, pc) : (int) size;
    }

    private int tooLong(Opcode op, int pc) {
        problems.add(new Problem(pc, mnemonic(op) + " runs past the end of the code (code length " + code.length
                + ", JVMS §4.9.1)"));
        return -1;
    }

    private void operands(Opcode op, int pc) {
        switch (op.kind()) {
            case BRANCH, DISCONTINUED_JSR -> target(pc, op.sizeIfFixed() == 5 ? s4(pc + 1) : s2(pc + 1));
            case TABLE_SWITCH -> {
                int base = pc + 1 + (3 - (pc & 3));
                target(pc, s4(base));
                long n = (long) s4(base + 8) - s4(base + 4) + 1;
                for (int k = 0; k < n; k++) {
                    target(pc, s4(base + 12 + 4 * k));
                }
            }
            case LOOKUP_SWITCH -> {
                int base = pc + 1 + (3 - (pc & 3));
                target(pc, s4(base));
                int n = s4(base + 4);
                for (int k = 0; k < n; k++) {
                    int key = s4(base + 8 + 8 * k);
                    if (k > 0 && key <= s4(base + 8 * k)) {
                        problems.add(new Problem(pc, "lookupswitch keys are not sorted and unique: " + key + " after "
                                + s4(base + 8 * k) + " (JVMS §6.5.lookupswitch)"));
                    }
                    target(pc, s4(base + 12 + 8 * k));
                }
            }
            case LOAD, STORE, INCREMENT, DISCONTINUED_RET -> local(op, pc);
            case NEW_PRIMITIVE_ARRAY -> {
                int atype = u1(pc + 1);
                if (atype < 4 || atype > 11) {
                    problems.add(new Problem(pc, "newarray of type code " + atype + ": not 4..11 (JVMS §6.5.newarray)"));
                }
            }
            case CONSTANT -> constant(op, pc);
            case FIELD_ACCESS -> entry(op, pc, u2(pc + 1), FieldRefEntry.class);
            case INVOKE -> invoke(op, pc);
            case INVOKE_DYNAMIC -> {
                entry(op, pc, u2(pc + 1), InvokeDynamicEntry.class);
                if (u1(pc + 3) != 0 || u1(pc + 4) != 0) {
                    problems.add(new Problem(pc, "invokedynamic operand bytes 3 and 4 must be 0 (JVMS §4.9.1)"));
                }
            }
            case NEW_OBJECT, NEW_REF_ARRAY, TYPE_CHECK, NEW_MULTI_ARRAY -> entry(op, pc, u2(pc + 1), ClassEntry.class);
            default -> {
                // no operand to check
            }
        }
    }

    private void local(Opcode op, int pc) {
        String name = op.name();
        int index;
        if (op.sizeIfFixed() == 1) {
            index = name.charAt(name.length() - 1) - '0';
        } else if (op.isWide()) {
            index = u2(pc + 2);
        } else {
            index = u1(pc + 1);
        }
        int width = name.startsWith("L") || name.startsWith("D") ? 2 : 1;
        if (index + width > maxLocals) {
            problems.add(new Problem(pc, "local variable " + index + (width == 2 ? " (and " + (index + 1) + ")" : "")
                    + " of " + mnemonic(op) + " is not below max_locals " + maxLocals + " (JVMS §4.9.2)"));
        }
    }

    private void constant(Opcode op, int pc) {
        if (op != Opcode.LDC && op != Opcode.LDC_W && op != Opcode.LDC2_W) {
            return;
        }
        int index = op == Opcode.LDC ? u1(pc + 1) : u2(pc + 1);
        PoolEntry e = entry(op, pc, index, PoolEntry.class);
        if (e == null) {
            return;
        }
        boolean wide = op == Opcode.LDC2_W;
        boolean ok = switch (e) {
            case IntegerEntry x -> !wide;
            case FloatEntry x -> !wide;
            case StringEntry x -> !wide;
            case ClassEntry x -> !wide;
            case MethodTypeEntry x -> !wide;
            case MethodHandleEntry x -> !wide;
            case LongEntry x -> wide;
            case DoubleEntry x -> wide;
            case ConstantDynamicEntry d -> wide == (d.type().equalsString("J") || d.type().equalsString("D"));
            default -> false;
        };
        if (!ok) {
            problems.add(new Problem(pc, mnemonic(op) + " of constant #" + index + ", " + kind(e)
                    + ": not a constant " + mnemonic(op) + " can load (JVMS §4.4, §6.5." + mnemonic(op) + ")"));
        }
    }

    private void invoke(Opcode op, int pc) {
        MemberRefEntry ref = op == Opcode.INVOKEINTERFACE
                ? entry(op, pc, u2(pc + 1), InterfaceMethodRefEntry.class)
                : op == Opcode.INVOKEVIRTUAL ? entry(op, pc, u2(pc + 1), MethodRefEntry.class)
                        : entry(op, pc, u2(pc + 1), MemberRefEntry.class);
        if (ref == null) {
            return;
        }
        if (ref instanceof FieldRefEntry) {
            problems.add(new Problem(pc, mnemonic(op) + " of constant #" + u2(pc + 1)
                    + ", a Fieldref: it needs a Methodref (JVMS §4.9.1)"));
            return;
        }
        if (ref instanceof InterfaceMethodRefEntry && majorVersion < FIRST_INTERFACE_STATIC_VERSION
                && (op == Opcode.INVOKESTATIC || op == Opcode.INVOKESPECIAL)) {
            problems.add(new Problem(pc, mnemonic(op) + " of constant #" + u2(pc + 1) + ", an InterfaceMethodref:"
                    + " before class-file version 52 it needs a Methodref (JVMS §4.9.1)"));
            return;
        }
        String name = ref.name().stringValue();
        if (name.equals("<clinit>") || (name.equals("<init>") && op != Opcode.INVOKESPECIAL)) {
            problems.add(new Problem(pc, mnemonic(op) + " of " + name + ": only invokespecial calls <init>"
                    + " and nothing calls <clinit> (JVMS §4.9.2)"));
        }
        if (op == Opcode.INVOKEINTERFACE && (u1(pc + 3) == 0 || u1(pc + 4) != 0)) {
            problems.add(new Problem(pc, "invokeinterface count must be non-zero and its fourth byte 0 (JVMS §4.9.1)"));
        }
    }

    /** The entry at {@code index} when it is of {@code kind}; else null after reporting. */
    private <T extends PoolEntry> T entry(Opcode op, int pc, int index, Class<T> kind) {
        PoolEntry e = null;
        if (index >= 1 && index < pool.size()) {
            try {
                e = pool.entryByIndex(index);
            } catch (IllegalArgumentException | IndexOutOfBoundsException | ClassCastException | IllegalStateException x) {
                e = null;
            }
        }
        if (e == null) {
            problems.add(new Problem(pc, mnemonic(op) + " of constant #" + index
                    + ": not an entry of the constant pool (size " + pool.size() + ", JVMS §4.4)"));
            return null;
        }
        if (!kind.isInstance(e)) {
            problems.add(new Problem(pc, mnemonic(op) + " of constant #" + index + ", " + kind(e) + ": it needs "
                    + article(kind == MemberRefEntry.class ? "Methodref"
                            : kind.getSimpleName().replace("RefEntry", "ref").replace("Entry", ""))
                    + " (JVMS §4.9.1)"));
            return null;
        }
        return kind.cast(e);
    }

    private void target(int pc, int relative) {
        targets.add(new int[] {pc, pc + relative});
    }

    private void targets() {
        for (int[] t : targets) {
            int to = t[1];
            if (to < 0 || to >= code.length) {
                problems.add(new Problem(t[0], "branch target " + to + " is outside the code (0.." + (code.length - 1)
                        + ", JVMS §4.9.1)"));
            } else if (!starts[to]) {
                problems.add(new Problem(t[0], "branch target " + to + " is not the start of an instruction"
                        + " (JVMS §4.9.1)"));
            }
        }
    }

    private void handlers(CodeAttribute attr) {
        for (ExceptionCatch c : attr.exceptionHandlers()) {
            int start = attr.labelToBci(c.tryStart());
            int end = attr.labelToBci(c.tryEnd());
            int handler = attr.labelToBci(c.handler());
            boolean ok = start >= 0 && start < end && end <= code.length && starts[start]
                    && (end == code.length || starts[end]) && handler >= 0 && handler < code.length
                    && starts[handler];
            if (!ok) {
                problems.add(new Problem(Math.max(0, Math.min(start, code.length - 1)), "exception table entry ["
                        + start + ", " + end + ") -> " + handler + " is not on instruction starts (JVMS §4.7.3)"));
            }
        }
    }

    /** Lets java.lang.classfile parse the whole method once, so no later layer meets a parse error. */
    private void parse(CodeAttribute attr) {
        for (CodeElement e : attr) {
            if (e instanceof Instruction i) {
                i.opcode();
            } else if (e instanceof LineNumber ln) {
                ln.line();
            }
        }
    }

    private static boolean fallsThrough(Opcode op) {
        return switch (op.kind()) {
            case RETURN, THROW_EXCEPTION, TABLE_SWITCH, LOOKUP_SWITCH, DISCONTINUED_RET -> false;
            default -> op != Opcode.GOTO && op != Opcode.GOTO_W;
        };
    }

    private static String kind(PoolEntry e) {
        return article(ClassStructure.kindName(e));
    }

    /** {@code a Class}, {@code an Integer}: the JVMS kind names that start with a vowel sound start with I. */
    private static String article(String kindName) {
        return (kindName.startsWith("I") ? "an " : "a ") + kindName;
    }

    private static String mnemonic(Opcode op) {
        return InstructionRules.mnemonic(op);
    }

    private int u1(int at) {
        return code[at] & 0xFF;
    }

    private int u2(int at) {
        return (u1(at) << 8) | u1(at + 1);
    }

    private int s2(int at) {
        return (short) u2(at);
    }

    private int s4(int at) {
        return (u2(at) << 16) | u2(at + 2);
    }
}
