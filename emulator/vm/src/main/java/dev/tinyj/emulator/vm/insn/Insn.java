package dev.tinyj.emulator.vm.insn;

import java.lang.classfile.Instruction;
import java.lang.classfile.Opcode;
import java.lang.classfile.instruction.ConstantInstruction;
import java.lang.classfile.instruction.FieldInstruction;
import java.lang.classfile.instruction.InvokeInstruction;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The instruction table: every JVM opcode the TinyJ VM executes, one constant each, named as
 * {@link Opcode} names it (wide forms included), in the style of {@code java.lang.classfile.Opcode}.
 * Each entry gives:
 *
 * <ul>
 *   <li>its JVMS section ({@link #jvms()}, e.g. {@code §6.5.iadd}, {@code §6.5.iload_<n>},
 *       {@code §6.5.wide}): the semantics the interpreter implements;
 *   <li>its stack effect ({@link StackEffect}: the values popped and pushed, with their kinds);
 *   <li>its decoded form: the {@link Op} (or, for {@code getstatic}, {@code putstatic} and
 *       {@code invokestatic}, the Ops the operand chooses between) and the decoded size in
 *       {@code int} words (0: a switch, sized by its cases);
 *   <li>its cost: the cost-table key ({@link #costKey()}: the JVMS mnemonic, which the cost model
 *       may refine with forms such as {@code .w8}), {@code wide} for a wide form, and how the
 *       instruction is charged beyond that ({@link Charging}).
 * </ul>
 *
 * <p>The verifier allows exactly these opcodes (every other one is {@link Refused} with a reason),
 * the predecoder emits their decoded forms, the cost model's analyses take their stack effects from
 * here, and the interpreter has one case per {@link Op}. An opcode missing here is an error wherever
 * it is met ({@link #of}), never a silent default. Adding an opcode: one entry here, its interpreter
 * case (and {@link Op} constant if its decoded form is new), and its cost in every core's
 * {@code .prior} and {@code .costs} (with its name in {@code dev.tinyj.boards.CostKeys#OPCODES}).
 * {@code InsnTableTest} checks the rest.
 */
public enum Insn {
    NOP(Opcode.NOP, "nop", ">", Charging.PLAIN, 1, Op.NOP),
    ACONST_NULL(Opcode.ACONST_NULL, "aconst_null", ">A", Charging.PLAIN, 2, Op.PUSH),
    ICONST_M1(Opcode.ICONST_M1, "iconst_<i>", ">I", Charging.PLAIN, 2, Op.PUSH),
    ICONST_0(Opcode.ICONST_0, "iconst_<i>", ">I", Charging.PLAIN, 2, Op.PUSH),
    ICONST_1(Opcode.ICONST_1, "iconst_<i>", ">I", Charging.PLAIN, 2, Op.PUSH),
    ICONST_2(Opcode.ICONST_2, "iconst_<i>", ">I", Charging.PLAIN, 2, Op.PUSH),
    ICONST_3(Opcode.ICONST_3, "iconst_<i>", ">I", Charging.PLAIN, 2, Op.PUSH),
    ICONST_4(Opcode.ICONST_4, "iconst_<i>", ">I", Charging.PLAIN, 2, Op.PUSH),
    ICONST_5(Opcode.ICONST_5, "iconst_<i>", ">I", Charging.PLAIN, 2, Op.PUSH),
    LCONST_0(Opcode.LCONST_0, "lconst_<l>", ">J", Charging.PLAIN, 3, Op.PUSH2),
    LCONST_1(Opcode.LCONST_1, "lconst_<l>", ">J", Charging.PLAIN, 3, Op.PUSH2),
    FCONST_0(Opcode.FCONST_0, "fconst_<f>", ">F", Charging.PLAIN, 2, Op.PUSH),
    FCONST_1(Opcode.FCONST_1, "fconst_<f>", ">F", Charging.PLAIN, 2, Op.PUSH),
    FCONST_2(Opcode.FCONST_2, "fconst_<f>", ">F", Charging.PLAIN, 2, Op.PUSH),
    BIPUSH(Opcode.BIPUSH, "bipush", ">I", Charging.PLAIN, 2, Op.PUSH),
    SIPUSH(Opcode.SIPUSH, "sipush", ">I", Charging.PLAIN, 2, Op.PUSH),
    LDC(Opcode.LDC, "ldc", ">K", Charging.PLAIN, 2, Op.PUSH),
    LDC_W(Opcode.LDC_W, "ldc_w", ">K", Charging.PLAIN, 2, Op.PUSH),
    LDC2_W(Opcode.LDC2_W, "ldc2_w", ">J", Charging.PLAIN, 3, Op.PUSH2),
    ILOAD(Opcode.ILOAD, "iload", ">I", Charging.PLAIN, 2, Op.LOAD),
    LLOAD(Opcode.LLOAD, "lload", ">J", Charging.PLAIN, 2, Op.LOAD2),
    FLOAD(Opcode.FLOAD, "fload", ">F", Charging.PLAIN, 2, Op.LOAD),
    ALOAD(Opcode.ALOAD, "aload", ">A", Charging.PLAIN, 2, Op.LOAD),
    ILOAD_0(Opcode.ILOAD_0, "iload_<n>", ">I", Charging.PLAIN, 2, Op.LOAD),
    ILOAD_1(Opcode.ILOAD_1, "iload_<n>", ">I", Charging.PLAIN, 2, Op.LOAD),
    ILOAD_2(Opcode.ILOAD_2, "iload_<n>", ">I", Charging.PLAIN, 2, Op.LOAD),
    ILOAD_3(Opcode.ILOAD_3, "iload_<n>", ">I", Charging.PLAIN, 2, Op.LOAD),
    LLOAD_0(Opcode.LLOAD_0, "lload_<n>", ">J", Charging.PLAIN, 2, Op.LOAD2),
    LLOAD_1(Opcode.LLOAD_1, "lload_<n>", ">J", Charging.PLAIN, 2, Op.LOAD2),
    LLOAD_2(Opcode.LLOAD_2, "lload_<n>", ">J", Charging.PLAIN, 2, Op.LOAD2),
    LLOAD_3(Opcode.LLOAD_3, "lload_<n>", ">J", Charging.PLAIN, 2, Op.LOAD2),
    FLOAD_0(Opcode.FLOAD_0, "fload_<n>", ">F", Charging.PLAIN, 2, Op.LOAD),
    FLOAD_1(Opcode.FLOAD_1, "fload_<n>", ">F", Charging.PLAIN, 2, Op.LOAD),
    FLOAD_2(Opcode.FLOAD_2, "fload_<n>", ">F", Charging.PLAIN, 2, Op.LOAD),
    FLOAD_3(Opcode.FLOAD_3, "fload_<n>", ">F", Charging.PLAIN, 2, Op.LOAD),
    ALOAD_0(Opcode.ALOAD_0, "aload_<n>", ">A", Charging.PLAIN, 2, Op.LOAD),
    ALOAD_1(Opcode.ALOAD_1, "aload_<n>", ">A", Charging.PLAIN, 2, Op.LOAD),
    ALOAD_2(Opcode.ALOAD_2, "aload_<n>", ">A", Charging.PLAIN, 2, Op.LOAD),
    ALOAD_3(Opcode.ALOAD_3, "aload_<n>", ">A", Charging.PLAIN, 2, Op.LOAD),
    IALOAD(Opcode.IALOAD, "iaload", "[II>I", Charging.ARRAY_LOAD, 2, Op.IALOAD),
    LALOAD(Opcode.LALOAD, "laload", "[JI>J", Charging.ARRAY_LOAD, 2, Op.LALOAD),
    FALOAD(Opcode.FALOAD, "faload", "[FI>F", Charging.ARRAY_LOAD, 2, Op.FALOAD),
    BALOAD(Opcode.BALOAD, "baload", "[BI>I", Charging.ARRAY_LOAD, 2, Op.BALOAD),
    CALOAD(Opcode.CALOAD, "caload", "[CI>I", Charging.ARRAY_LOAD, 2, Op.CALOAD),
    SALOAD(Opcode.SALOAD, "saload", "[SI>I", Charging.ARRAY_LOAD, 2, Op.SALOAD),
    ISTORE(Opcode.ISTORE, "istore", "I>", Charging.PLAIN, 2, Op.STORE),
    LSTORE(Opcode.LSTORE, "lstore", "J>", Charging.PLAIN, 2, Op.STORE2),
    FSTORE(Opcode.FSTORE, "fstore", "F>", Charging.PLAIN, 2, Op.STORE),
    ASTORE(Opcode.ASTORE, "astore", "A>", Charging.PLAIN, 2, Op.STORE),
    ISTORE_0(Opcode.ISTORE_0, "istore_<n>", "I>", Charging.PLAIN, 2, Op.STORE),
    ISTORE_1(Opcode.ISTORE_1, "istore_<n>", "I>", Charging.PLAIN, 2, Op.STORE),
    ISTORE_2(Opcode.ISTORE_2, "istore_<n>", "I>", Charging.PLAIN, 2, Op.STORE),
    ISTORE_3(Opcode.ISTORE_3, "istore_<n>", "I>", Charging.PLAIN, 2, Op.STORE),
    LSTORE_0(Opcode.LSTORE_0, "lstore_<n>", "J>", Charging.PLAIN, 2, Op.STORE2),
    LSTORE_1(Opcode.LSTORE_1, "lstore_<n>", "J>", Charging.PLAIN, 2, Op.STORE2),
    LSTORE_2(Opcode.LSTORE_2, "lstore_<n>", "J>", Charging.PLAIN, 2, Op.STORE2),
    LSTORE_3(Opcode.LSTORE_3, "lstore_<n>", "J>", Charging.PLAIN, 2, Op.STORE2),
    FSTORE_0(Opcode.FSTORE_0, "fstore_<n>", "F>", Charging.PLAIN, 2, Op.STORE),
    FSTORE_1(Opcode.FSTORE_1, "fstore_<n>", "F>", Charging.PLAIN, 2, Op.STORE),
    FSTORE_2(Opcode.FSTORE_2, "fstore_<n>", "F>", Charging.PLAIN, 2, Op.STORE),
    FSTORE_3(Opcode.FSTORE_3, "fstore_<n>", "F>", Charging.PLAIN, 2, Op.STORE),
    ASTORE_0(Opcode.ASTORE_0, "astore_<n>", "A>", Charging.PLAIN, 2, Op.STORE),
    ASTORE_1(Opcode.ASTORE_1, "astore_<n>", "A>", Charging.PLAIN, 2, Op.STORE),
    ASTORE_2(Opcode.ASTORE_2, "astore_<n>", "A>", Charging.PLAIN, 2, Op.STORE),
    ASTORE_3(Opcode.ASTORE_3, "astore_<n>", "A>", Charging.PLAIN, 2, Op.STORE),
    IASTORE(Opcode.IASTORE, "iastore", "[III>", Charging.ARRAY_STORE, 1, Op.IASTORE),
    LASTORE(Opcode.LASTORE, "lastore", "[JIJ>", Charging.ARRAY_STORE, 1, Op.LASTORE),
    FASTORE(Opcode.FASTORE, "fastore", "[FIF>", Charging.ARRAY_STORE, 1, Op.FASTORE),
    BASTORE(Opcode.BASTORE, "bastore", "[BII>", Charging.ARRAY_STORE, 1, Op.BASTORE),
    CASTORE(Opcode.CASTORE, "castore", "[CII>", Charging.ARRAY_STORE, 1, Op.CASTORE),
    SASTORE(Opcode.SASTORE, "sastore", "[SII>", Charging.ARRAY_STORE, 1, Op.SASTORE),
    POP(Opcode.POP, "pop", "1>", Charging.PLAIN, 1, Op.POP),
    POP2(Opcode.POP2, "pop2", "21>", Charging.PLAIN, 1, Op.POP2),
    DUP(Opcode.DUP, "dup", "1>11", Charging.PLAIN, 1, Op.DUP),
    DUP_X1(Opcode.DUP_X1, "dup_x1", "21>121", Charging.PLAIN, 1, Op.DUP_X1),
    DUP_X2(Opcode.DUP_X2, "dup_x2", "321>1321", Charging.PLAIN, 1, Op.DUP_X2),
    DUP2(Opcode.DUP2, "dup2", "21>2121", Charging.PLAIN, 1, Op.DUP2),
    DUP2_X1(Opcode.DUP2_X1, "dup2_x1", "321>21321", Charging.PLAIN, 1, Op.DUP2_X1),
    DUP2_X2(Opcode.DUP2_X2, "dup2_x2", "4321>214321", Charging.PLAIN, 1, Op.DUP2_X2),
    SWAP(Opcode.SWAP, "swap", "21>12", Charging.PLAIN, 1, Op.SWAP),
    IADD(Opcode.IADD, "iadd", "II>I", Charging.PLAIN, 1, Op.IADD),
    LADD(Opcode.LADD, "ladd", "JJ>J", Charging.PLAIN, 1, Op.LADD),
    FADD(Opcode.FADD, "fadd", "FF>F", Charging.PLAIN, 1, Op.FADD),
    ISUB(Opcode.ISUB, "isub", "II>I", Charging.PLAIN, 1, Op.ISUB),
    LSUB(Opcode.LSUB, "lsub", "JJ>J", Charging.PLAIN, 1, Op.LSUB),
    FSUB(Opcode.FSUB, "fsub", "FF>F", Charging.PLAIN, 1, Op.FSUB),
    IMUL(Opcode.IMUL, "imul", "II>I", Charging.PLAIN, 1, Op.IMUL),
    LMUL(Opcode.LMUL, "lmul", "JJ>J", Charging.PLAIN, 1, Op.LMUL),
    FMUL(Opcode.FMUL, "fmul", "FF>F", Charging.PLAIN, 1, Op.FMUL),
    IDIV(Opcode.IDIV, "idiv", "II>I", Charging.PLAIN, 1, Op.IDIV),
    LDIV(Opcode.LDIV, "ldiv", "JJ>J", Charging.PLAIN, 1, Op.LDIV),
    FDIV(Opcode.FDIV, "fdiv", "FF>F", Charging.PLAIN, 1, Op.FDIV),
    IREM(Opcode.IREM, "irem", "II>I", Charging.PLAIN, 1, Op.IREM),
    LREM(Opcode.LREM, "lrem", "JJ>J", Charging.PLAIN, 1, Op.LREM),
    FREM(Opcode.FREM, "frem", "FF>F", Charging.PLAIN, 1, Op.FREM),
    INEG(Opcode.INEG, "ineg", "I>I", Charging.PLAIN, 1, Op.INEG),
    LNEG(Opcode.LNEG, "lneg", "J>J", Charging.PLAIN, 1, Op.LNEG),
    FNEG(Opcode.FNEG, "fneg", "F>F", Charging.PLAIN, 1, Op.FNEG),
    ISHL(Opcode.ISHL, "ishl", "II>I", Charging.PLAIN, 1, Op.ISHL),
    LSHL(Opcode.LSHL, "lshl", "JI>J", Charging.PLAIN, 1, Op.LSHL),
    ISHR(Opcode.ISHR, "ishr", "II>I", Charging.PLAIN, 1, Op.ISHR),
    LSHR(Opcode.LSHR, "lshr", "JI>J", Charging.PLAIN, 1, Op.LSHR),
    IUSHR(Opcode.IUSHR, "iushr", "II>I", Charging.PLAIN, 1, Op.IUSHR),
    LUSHR(Opcode.LUSHR, "lushr", "JI>J", Charging.PLAIN, 1, Op.LUSHR),
    IAND(Opcode.IAND, "iand", "II>I", Charging.PLAIN, 1, Op.IAND),
    LAND(Opcode.LAND, "land", "JJ>J", Charging.PLAIN, 1, Op.LAND),
    IOR(Opcode.IOR, "ior", "II>I", Charging.PLAIN, 1, Op.IOR),
    LOR(Opcode.LOR, "lor", "JJ>J", Charging.PLAIN, 1, Op.LOR),
    IXOR(Opcode.IXOR, "ixor", "II>I", Charging.PLAIN, 1, Op.IXOR),
    LXOR(Opcode.LXOR, "lxor", "JJ>J", Charging.PLAIN, 1, Op.LXOR),
    IINC(Opcode.IINC, "iinc", ">", Charging.PLAIN, 3, Op.IINC),
    I2L(Opcode.I2L, "i2l", "I>J", Charging.PLAIN, 1, Op.I2L),
    I2F(Opcode.I2F, "i2f", "I>F", Charging.PLAIN, 1, Op.I2F),
    L2I(Opcode.L2I, "l2i", "J>I", Charging.PLAIN, 1, Op.L2I),
    L2F(Opcode.L2F, "l2f", "J>F", Charging.PLAIN, 1, Op.L2F),
    F2I(Opcode.F2I, "f2i", "F>I", Charging.PLAIN, 1, Op.F2I),
    F2L(Opcode.F2L, "f2l", "F>J", Charging.PLAIN, 1, Op.F2L),
    I2B(Opcode.I2B, "i2b", "I>I", Charging.PLAIN, 1, Op.I2B),
    I2C(Opcode.I2C, "i2c", "I>I", Charging.PLAIN, 1, Op.I2C),
    I2S(Opcode.I2S, "i2s", "I>I", Charging.PLAIN, 1, Op.I2S),
    LCMP(Opcode.LCMP, "lcmp", "JJ>I", Charging.PLAIN, 1, Op.LCMP),
    FCMPL(Opcode.FCMPL, "fcmp<op>", "FF>I", Charging.PLAIN, 1, Op.FCMPL),
    FCMPG(Opcode.FCMPG, "fcmp<op>", "FF>I", Charging.PLAIN, 1, Op.FCMPG),
    IFEQ(Opcode.IFEQ, "if<cond>", "I>", Charging.BRANCH, 2, Op.IFEQ),
    IFNE(Opcode.IFNE, "if<cond>", "I>", Charging.BRANCH, 2, Op.IFNE),
    IFLT(Opcode.IFLT, "if<cond>", "I>", Charging.BRANCH, 2, Op.IFLT),
    IFGE(Opcode.IFGE, "if<cond>", "I>", Charging.BRANCH, 2, Op.IFGE),
    IFGT(Opcode.IFGT, "if<cond>", "I>", Charging.BRANCH, 2, Op.IFGT),
    IFLE(Opcode.IFLE, "if<cond>", "I>", Charging.BRANCH, 2, Op.IFLE),
    IF_ICMPEQ(Opcode.IF_ICMPEQ, "if_icmp<cond>", "II>", Charging.BRANCH, 2, Op.IF_ICMPEQ),
    IF_ICMPNE(Opcode.IF_ICMPNE, "if_icmp<cond>", "II>", Charging.BRANCH, 2, Op.IF_ICMPNE),
    IF_ICMPLT(Opcode.IF_ICMPLT, "if_icmp<cond>", "II>", Charging.BRANCH, 2, Op.IF_ICMPLT),
    IF_ICMPGE(Opcode.IF_ICMPGE, "if_icmp<cond>", "II>", Charging.BRANCH, 2, Op.IF_ICMPGE),
    IF_ICMPGT(Opcode.IF_ICMPGT, "if_icmp<cond>", "II>", Charging.BRANCH, 2, Op.IF_ICMPGT),
    IF_ICMPLE(Opcode.IF_ICMPLE, "if_icmp<cond>", "II>", Charging.BRANCH, 2, Op.IF_ICMPLE),
    IF_ACMPEQ(Opcode.IF_ACMPEQ, "if_acmp<cond>", "AA>", Charging.BRANCH, 2, Op.IF_ICMPEQ),
    IF_ACMPNE(Opcode.IF_ACMPNE, "if_acmp<cond>", "AA>", Charging.BRANCH, 2, Op.IF_ICMPNE),
    GOTO(Opcode.GOTO, "goto", ">", Charging.GOTO, 2, Op.GOTO),
    TABLESWITCH(Opcode.TABLESWITCH, "tableswitch", "I>", Charging.PLAIN, 0, Op.TABLESWITCH),
    LOOKUPSWITCH(Opcode.LOOKUPSWITCH, "lookupswitch", "I>", Charging.LOOKUPSWITCH, 0, Op.LOOKUPSWITCH),
    IRETURN(Opcode.IRETURN, "ireturn", "I>", Charging.RETURN, 1, Op.RETURN1),
    LRETURN(Opcode.LRETURN, "lreturn", "J>", Charging.RETURN, 1, Op.RETURN2),
    FRETURN(Opcode.FRETURN, "freturn", "F>", Charging.RETURN, 1, Op.RETURN1),
    ARETURN(Opcode.ARETURN, "areturn", "A>", Charging.RETURN, 1, Op.RETURN1),
    RETURN(Opcode.RETURN, "return", ">", Charging.RETURN, 1, Op.RETURN),
    GETSTATIC(Opcode.GETSTATIC, "getstatic", ">*", Charging.PLAIN, 2, Op.GETSTATIC, Op.GETSTATIC2),
    PUTSTATIC(Opcode.PUTSTATIC, "putstatic", "*>", Charging.PLAIN, 2, Op.PUTSTATIC, Op.PUTSTATIC2, Op.PUTSTATIC_Z,
            Op.PUTSTATIC_B, Op.PUTSTATIC_C, Op.PUTSTATIC_S),
    INVOKESTATIC(Opcode.INVOKESTATIC, "invokestatic", "*>*", Charging.INVOKE, 2, Op.INVOKE, Op.INVOKE_NATIVE),
    NEWARRAY(Opcode.NEWARRAY, "newarray", "I>A", Charging.NEWARRAY, 3, Op.NEWARRAY),
    ARRAYLENGTH(Opcode.ARRAYLENGTH, "arraylength", "A>I", Charging.PLAIN, 1, Op.ARRAYLENGTH),
    IFNULL(Opcode.IFNULL, "ifnull", "A>", Charging.BRANCH, 2, Op.IFEQ),
    IFNONNULL(Opcode.IFNONNULL, "ifnonnull", "A>", Charging.BRANCH, 2, Op.IFNE),
    GOTO_W(Opcode.GOTO_W, "goto_w", ">", Charging.GOTO, 2, Op.GOTO),
    ILOAD_W(Opcode.ILOAD_W, "wide", ">I", Charging.PLAIN, 2, Op.LOAD),
    LLOAD_W(Opcode.LLOAD_W, "wide", ">J", Charging.PLAIN, 2, Op.LOAD2),
    FLOAD_W(Opcode.FLOAD_W, "wide", ">F", Charging.PLAIN, 2, Op.LOAD),
    ALOAD_W(Opcode.ALOAD_W, "wide", ">A", Charging.PLAIN, 2, Op.LOAD),
    ISTORE_W(Opcode.ISTORE_W, "wide", "I>", Charging.PLAIN, 2, Op.STORE),
    LSTORE_W(Opcode.LSTORE_W, "wide", "J>", Charging.PLAIN, 2, Op.STORE2),
    FSTORE_W(Opcode.FSTORE_W, "wide", "F>", Charging.PLAIN, 2, Op.STORE),
    ASTORE_W(Opcode.ASTORE_W, "wide", "A>", Charging.PLAIN, 2, Op.STORE),
    IINC_W(Opcode.IINC_W, "wide", ">", Charging.PLAIN, 3, Op.IINC);

    private static final Map<Opcode, Insn> BY_OPCODE = new EnumMap<>(Opcode.class);

    static {
        for (Insn i : values()) {
            BY_OPCODE.put(i.opcode, i);
        }
    }

    private final Opcode opcode;
    private final String section;
    private final StackEffect effect;
    private final Charging charging;
    private final int words;
    private final int[] decoded;

    Insn(Opcode opcode, String section, String effect, Charging charging, int words, int... decoded) {
        this.opcode = opcode;
        this.section = section;
        this.effect = StackEffect.parse(effect);
        this.charging = charging;
        this.words = words;
        this.decoded = decoded;
    }

    /**
     * The table entry of {@code opcode}.
     *
     * @throws IllegalArgumentException naming the opcode when it is not in the table (the verifier
     *     refuses such code, so meeting one after verification is an internal error)
     */
    public static Insn of(Opcode opcode) {
        Insn i = BY_OPCODE.get(opcode);
        if (i == null) {
            throw new IllegalArgumentException("opcode " + opcode.name().toLowerCase(Locale.ROOT) + " (0x"
                    + Integer.toHexString(opcode.bytecode()) + ") is not in the instruction table"
                    + Refused.reason(opcode).map(r -> ": " + r).orElse(""));
        }
        return i;
    }

    /** The table entry of {@code opcode}, or empty when the subset does not have it. */
    public static Optional<Insn> find(Opcode opcode) {
        return Optional.ofNullable(BY_OPCODE.get(opcode));
    }

    /** The {@link Opcode} this entry is. */
    public Opcode opcode() {
        return opcode;
    }

    /** The JVMS section defining it, e.g. {@code §6.5.iadd}, {@code §6.5.if_icmp<cond>}, {@code §6.5.wide}. */
    public String jvms() {
        return "§6.5." + section;
    }

    /** The stack effect as the table states it (kinds {@code K} and {@code *} still unresolved). */
    public StackEffect effect() {
        return effect;
    }

    /**
     * The stack effect of {@code ins} (an instance of this entry), with the operand-dependent kinds
     * resolved: an {@code ldc}'s constant, a static field's type, a method's parameters and return.
     *
     * @throws IllegalArgumentException when {@code ins} is not this opcode, or its operand has a
     *     type outside the subset ({@code double})
     */
    public StackEffect effect(Instruction ins) {
        if (ins.opcode() != opcode) {
            throw new IllegalArgumentException(ins.opcode() + " is not " + opcode);
        }
        if (!effect.unresolved()) {
            return effect;
        }
        return switch (ins) {
            case ConstantInstruction c -> new StackEffect(List.of(), List.of(StackEffect.kindOf(c.typeKind())));
            case FieldInstruction f -> {
                List<String> kind = List.of(StackEffect.kindOf(f.typeSymbol()));
                yield opcode == Opcode.GETSTATIC ? new StackEffect(List.of(), kind) : new StackEffect(kind, List.of());
            }
            case InvokeInstruction call -> {
                List<String> params = new ArrayList<>();
                for (ClassDesc p : call.typeSymbol().parameterList()) {
                    params.add(StackEffect.kindOf(p));
                }
                ClassDesc ret = call.typeSymbol().returnType();
                yield new StackEffect(params,
                        ret.equals(ConstantDescs.CD_void) ? List.of() : List.of(StackEffect.kindOf(ret)));
            }
            default -> throw new IllegalStateException("no operand-dependent stack effect for " + opcode);
        };
    }

    /** How it is charged beyond its cost key. */
    public Charging charging() {
        return charging;
    }

    /** Decoded size in {@code int} words; 0 for {@code tableswitch}/{@code lookupswitch} (sized by their cases). */
    public int words() {
        return words;
    }

    /** The decoded form: the {@link Op} it becomes (the first of {@link #decodedForms()}). */
    public int op() {
        return decoded[0];
    }

    /** Every {@link Op} it may become; more than one where the operand chooses (field type, callee). */
    public int[] decodedForms() {
        return decoded.clone();
    }

    /**
     * {@code chosen}, checked to be one of this entry's decoded forms.
     *
     * @throws IllegalStateException when it is not (a predecoder bug)
     */
    public int op(int chosen) {
        for (int d : decoded) {
            if (d == chosen) {
                return chosen;
            }
        }
        throw new IllegalStateException(this + " does not decode to op 0x" + Integer.toHexString(chosen));
    }

    /** Whether this is a {@code wide} form (JVMS §6.5.wide), charged {@code wide} on top of its key. */
    public boolean isWide() {
        return opcode.isWide();
    }

    /** The JVMS mnemonic, e.g. {@code iload_0}, {@code goto_w}; a wide form gives its plain one ({@code iload}). */
    public String costKey() {
        String m = opcode.name().toLowerCase(Locale.ROOT);
        return isWide() ? m.substring(0, m.length() - 2) : m;
    }

    /** Every cost-table opcode key it is charged: {@link #costKey()}, and {@code wide} for a wide form. */
    public List<String> costKeys() {
        return isWide() ? List.of(costKey(), "wide") : List.of(costKey());
    }

    /** Bytes of the element of an array load or store ({@code baload} 1 ... {@code laload} 8). */
    public int elementBytes() {
        if (charging != Charging.ARRAY_LOAD && charging != Charging.ARRAY_STORE) {
            throw new IllegalStateException(this + " is not an array access");
        }
        return StackEffect.elementBytes(effect.pops().getFirst());
    }

    /** Whether it loads from or stores into an array (its operand 1 is the index). */
    public boolean isArrayAccess() {
        return charging == Charging.ARRAY_LOAD || charging == Charging.ARRAY_STORE;
    }

    @Override
    public String toString() {
        return opcode.name().toLowerCase(Locale.ROOT) + " (JVMS " + jvms() + ")";
    }
}
