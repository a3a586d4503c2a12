package dev.tinyj.emulator.vm.insn;

/**
 * The predecoded instruction set. Each instruction starts with one word:
 * {@code op | ticks << 8}; operands follow (absolute code indices for branch targets,
 * resolved slots, method ids, immediates). Opcodes whose meaning is unchanged keep their JVMS
 * §6.5 numbers (e.g. {@code iadd} 0x60); the rest are TinyJ forms listed here, each naming the
 * JVMS instructions it replaces. Operand layouts are given as {@code [op, operand...]}. Which
 * JVM opcode becomes which op is the instruction table's ({@link Insn#decodedForms()}); the
 * interpreter switches over these ints.
 */
public final class Op {
    private Op() {
    }

    /** {@code [PUSH, value]}: iconst_*, bipush, sipush, ldc int/float/String, fconst_*, aconst_null. */
    public static final int PUSH = 0xCB;
    /** {@code [PUSH2, lo, hi]}: lconst_*, ldc2_w long (value in the lower slot, a filler above). */
    public static final int PUSH2 = 0xCC;
    /** {@code [LOAD, slot]}: iload, fload, aload and their _n and wide forms. */
    public static final int LOAD = 0xCD;
    /** {@code [LOAD2, slot]}: lload, lload_n, wide lload. */
    public static final int LOAD2 = 0xCE;
    /** {@code [STORE, slot]}: istore, fstore, astore and their _n and wide forms. */
    public static final int STORE = 0xCF;
    /** {@code [STORE2, slot]}: lstore, lstore_n, wide lstore. */
    public static final int STORE2 = 0xD0;
    /** {@code [GETSTATIC, slot]}: getstatic of a one-slot field. */
    public static final int GETSTATIC = 0xD1;
    /** {@code [GETSTATIC2, slot]}: getstatic of a long field. */
    public static final int GETSTATIC2 = 0xD2;
    /** {@code [PUTSTATIC, slot]}: putstatic of an int, float or array field. */
    public static final int PUTSTATIC = 0xD3;
    /** {@code [PUTSTATIC2, slot]}: putstatic of a long field. */
    public static final int PUTSTATIC2 = 0xD4;
    /** {@code [PUTSTATIC_Z, slot]}: putstatic of a boolean field (value &amp; 1). */
    public static final int PUTSTATIC_Z = 0xD5;
    /** {@code [PUTSTATIC_B, slot]}: putstatic of a byte field (narrowed). */
    public static final int PUTSTATIC_B = 0xD6;
    /** {@code [PUTSTATIC_C, slot]}: putstatic of a char field (narrowed). */
    public static final int PUTSTATIC_C = 0xD7;
    /** {@code [PUTSTATIC_S, slot]}: putstatic of a short field (narrowed). */
    public static final int PUTSTATIC_S = 0xD8;
    /** {@code [INVOKE, methodId]}: invokestatic of a firmware method. */
    public static final int INVOKE = 0xD9;
    /** {@code [INVOKE_NATIVE, nativeId]}: invokestatic of a HAL method or intrinsic. */
    public static final int INVOKE_NATIVE = 0xDA;
    /** {@code [PROGMEM_SKIP, target]}: a @Progmem table's initialiser, already evaluated at load. */
    public static final int PROGMEM_SKIP = 0xDB;
    /** {@code [RETURN1]}: ireturn, freturn, areturn. */
    public static final int RETURN1 = 0xDC;
    /** {@code [RETURN2]}: lreturn. */
    public static final int RETURN2 = 0xDD;

    // JVMS numbers kept (listed for the interpreter's switch)
    public static final int NOP = 0x00;
    public static final int IALOAD = 0x2E;
    public static final int LALOAD = 0x2F;
    public static final int FALOAD = 0x30;
    public static final int BALOAD = 0x33;
    public static final int CALOAD = 0x34;
    public static final int SALOAD = 0x35;
    public static final int IASTORE = 0x4F;
    public static final int LASTORE = 0x50;
    public static final int FASTORE = 0x51;
    public static final int BASTORE = 0x54;
    public static final int CASTORE = 0x55;
    public static final int SASTORE = 0x56;
    public static final int POP = 0x57;
    public static final int POP2 = 0x58;
    public static final int DUP = 0x59;
    public static final int DUP_X1 = 0x5A;
    public static final int DUP_X2 = 0x5B;
    public static final int DUP2 = 0x5C;
    public static final int DUP2_X1 = 0x5D;
    public static final int DUP2_X2 = 0x5E;
    public static final int SWAP = 0x5F;
    public static final int IADD = 0x60;
    public static final int LADD = 0x61;
    public static final int FADD = 0x62;
    public static final int ISUB = 0x64;
    public static final int LSUB = 0x65;
    public static final int FSUB = 0x66;
    public static final int IMUL = 0x68;
    public static final int LMUL = 0x69;
    public static final int FMUL = 0x6A;
    public static final int IDIV = 0x6C;
    public static final int LDIV = 0x6D;
    public static final int FDIV = 0x6E;
    public static final int IREM = 0x70;
    public static final int LREM = 0x71;
    public static final int FREM = 0x72;
    public static final int INEG = 0x74;
    public static final int LNEG = 0x75;
    public static final int FNEG = 0x76;
    public static final int ISHL = 0x78;
    public static final int LSHL = 0x79;
    public static final int ISHR = 0x7A;
    public static final int LSHR = 0x7B;
    public static final int IUSHR = 0x7C;
    public static final int LUSHR = 0x7D;
    public static final int IAND = 0x7E;
    public static final int LAND = 0x7F;
    public static final int IOR = 0x80;
    public static final int LOR = 0x81;
    public static final int IXOR = 0x82;
    public static final int LXOR = 0x83;
    /** {@code [IINC, slot, delta]}: iinc and wide iinc. */
    public static final int IINC = 0x84;
    public static final int I2L = 0x85;
    public static final int I2F = 0x86;
    public static final int L2I = 0x88;
    public static final int L2F = 0x89;
    public static final int F2I = 0x8B;
    public static final int F2L = 0x8C;
    public static final int I2B = 0x91;
    public static final int I2C = 0x92;
    public static final int I2S = 0x93;
    public static final int LCMP = 0x94;
    public static final int FCMPL = 0x95;
    public static final int FCMPG = 0x96;
    /** {@code [IFxx, target]}: ifeq..ifle; ifnull is IFEQ, ifnonnull is IFNE. */
    public static final int IFEQ = 0x99;
    public static final int IFNE = 0x9A;
    public static final int IFLT = 0x9B;
    public static final int IFGE = 0x9C;
    public static final int IFGT = 0x9D;
    public static final int IFLE = 0x9E;
    /** {@code [IF_ICMPxx, target]}; if_acmpeq/ne are IF_ICMPEQ/NE (handles compare as ints). */
    public static final int IF_ICMPEQ = 0x9F;
    public static final int IF_ICMPNE = 0xA0;
    public static final int IF_ICMPLT = 0xA1;
    public static final int IF_ICMPGE = 0xA2;
    public static final int IF_ICMPGT = 0xA3;
    public static final int IF_ICMPLE = 0xA4;
    /** {@code [GOTO, target]}: goto and goto_w. */
    public static final int GOTO = 0xA7;
    /** {@code [TABLESWITCH, default, low, high, target(low)..target(high)]}. */
    public static final int TABLESWITCH = 0xAA;
    /** {@code [LOOKUPSWITCH, default, n, key1, target1, ...]} keys ascending. */
    public static final int LOOKUPSWITCH = 0xAB;
    /** {@code [RETURN]}: return (void). */
    public static final int RETURN = 0xB1;
    /** {@code [NEWARRAY, atype, siteIndex]}. */
    public static final int NEWARRAY = 0xBC;
    public static final int ARRAYLENGTH = 0xBE;
}
