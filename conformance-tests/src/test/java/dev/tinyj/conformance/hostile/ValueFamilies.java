package dev.tinyj.conformance.hostile;

import static java.lang.classfile.Opcode.*;

import java.util.ArrayList;
import java.util.List;

/**
 * Hostile cases of the families about values: the operand stack (depth within
 * {@code [0, max_stack]}, JVMS §4.10.1), types (int, float, long halves, arrays by element kind and
 * String constants kept apart, §4.10.1.2) and locals (indices below {@code max_locals}, §4.9.2).
 * Each is a version 49 class {@code hx/Case} whose {@code loop()} (and helpers) is raw code.
 */
final class ValueFamilies {
    static final String C = "hx/Case";

    private ValueFamilies() {
    }

    static List<HostileCase> cases() {
        List<HostileCase> all = new ArrayList<>();
        stack(all);
        types(all);
        locals(all);
        return all;
    }

    private static void add(List<HostileCase> into, String family, String name, Gen... gens) {
        into.add(HostileCase.of(family, name, gens));
    }

    private static void stack(List<HostileCase> l) {
        String f = "stack";
        add(l, f, "popEmpty", Gen.loop(C, 1, 0, Asm.of(POP, RETURN)));
        add(l, f, "iaddOneOperand", Gen.loop(C, 2, 0, Asm.of(ICONST_1, IADD, POP, RETURN)));
        add(l, f, "maxStackZero", Gen.loop(C, 0, 0, Asm.of(ICONST_1, POP, RETURN)));
        add(l, f, "maxStackLie", Gen.loop(C, 1, 0, Asm.of(ICONST_1, ICONST_2, ICONST_3, POP, POP, POP, RETURN)));
        add(l, f, "dupEmpty", Gen.loop(C, 2, 0, Asm.of(DUP, POP, POP, RETURN)));
        add(l, f, "swapOne", Gen.loop(C, 2, 0, Asm.of(ICONST_1, SWAP, POP, POP, RETURN)));
        add(l, f, "dup2x2Short", Gen.loop(C, 6, 0, Asm.of(ICONST_1, ICONST_2, DUP2_X2, POP, POP, POP, POP, RETURN)));
        add(l, f, "pop2Single", Gen.loop(C, 2, 0, Asm.of(ICONST_1, POP2, RETURN)));
        Gen call = Gen.firmware(C);
        add(l, f, "callWithoutArgument", call.raw("loop", "()V", 1, 0,
                new Asm().op2(INVOKESTATIC, call.println()).op(RETURN)));
        add(l, f, "growingLoop", Gen.loop(C, 2, 0, new Asm().op(ICONST_1).op2(GOTO, 0xFFFF)));
        Gen ret = Gen.firmware(C);
        int fRef = ret.methodRef(C, "f", "()I");
        add(l, f, "returnMissingValue", ret.raw("loop", "()V", 1, 0, new Asm().op2(INVOKESTATIC, fRef).op(POP)
                .op(RETURN)).raw("f", "()I", 1, 0, Asm.of(IRETURN)));
        Gen leftover = Gen.firmware(C);
        int p = leftover.println();
        add(l, f, "leftoverOnReturnIsLegal", leftover.raw("loop", "()V", 3, 0,
                new Asm().ops(ICONST_1, ICONST_2).op2(INVOKESTATIC, p).op(RETURN)));
        add(l, f, "maxStackHuge", Gen.loop(C, 0xFFFF, 0, Asm.of(ICONST_1, POP, RETURN)));
        add(l, f, "mergeDifferentDepths", Gen.loop(C, 2, 1, new Asm().op(ICONST_0).op1(ISTORE, 0).op1(ILOAD, 0)
                .op2(IFEQ, 4).op(ICONST_1).op(RETURN)));
        Gen many = Gen.firmware(C);
        Asm deep = new Asm();
        for (int i = 0; i < 3000; i++) {
            deep.op(ICONST_1);
        }
        for (int i = 0; i < 3000; i++) {
            deep.op(POP);
        }
        add(l, f, "deepStack3000", many.raw("loop", "()V", 3000, 0, deep.op(RETURN)));
    }

    private static void types(List<HostileCase> l) {
        String f = "types";
        add(l, f, "iaddFloats", Gen.loop(C, 2, 0, Asm.of(FCONST_1, FCONST_2, IADD, POP, RETURN)));
        add(l, f, "faddInts", Gen.loop(C, 2, 0, Asm.of(ICONST_1, ICONST_2, FADD, POP, RETURN)));
        add(l, f, "laddInts", Gen.loop(C, 4, 0, Asm.of(ICONST_1, ICONST_2, ICONST_3, ICONST_4, LADD, POP2, RETURN)));
        add(l, f, "longSplitByPop", Gen.loop(C, 2, 0, Asm.of(LCONST_1, POP, IRETURN)));
        add(l, f, "longHalfAsInt", Gen.loop(C, 3, 0, Asm.of(LCONST_1, POP, ICONST_1, IADD, POP, RETURN)));
        add(l, f, "intAsArray", Gen.loop(C, 2, 0, Asm.of(ICONST_5, ICONST_0, IALOAD, POP, RETURN)));
        add(l, f, "byteArrayAsIntArray", Gen.loop(C, 2, 0, new Asm().op(ICONST_2).op1(NEWARRAY, 8)
                .ops(ICONST_0, IALOAD, POP, RETURN)));
        add(l, f, "intArrayAsLongArray", Gen.loop(C, 2, 0, new Asm().op(ICONST_2).op1(NEWARRAY, 10)
                .ops(ICONST_0, LALOAD, POP2, RETURN)));
        Gen s = Gen.firmware(C);
        int hello = s.string("hi");
        int p = s.println();
        add(l, f, "stringAsInt", s.raw("loop", "()V", 1, 0, new Asm().op1(LDC, hello).op2(INVOKESTATIC, p)
                .op(RETURN)));
        Gen n = Gen.firmware(C);
        int ps = n.methodRef(Gen.SERIAL, "println", "(Ljava/lang/String;)V");
        add(l, f, "intAsString", n.raw("loop", "()V", 1, 0, new Asm().op(ICONST_1).op2(INVOKESTATIC, ps)
                .op(RETURN)));
        Gen nul = Gen.firmware(C);
        int ps2 = nul.methodRef(Gen.SERIAL, "println", "(Ljava/lang/String;)V");
        add(l, f, "nullAsSerialString", nul.raw("loop", "()V", 1, 0, new Asm().op(ACONST_NULL).op2(INVOKESTATIC, ps2)
                .op(RETURN)));
        Gen ff = Gen.firmware(C);
        int pf = ff.println();
        add(l, f, "floatReturnedAsInt", ff.raw("loop", "()V", 1, 0, new Asm().op2(INVOKESTATIC,
                ff.methodRef(C, "f", "()I")).op2(INVOKESTATIC, pf).op(RETURN)).raw("f", "()I", 1, 0,
                        Asm.of(FCONST_2, IRETURN)));
        Gen arg = Gen.firmware(C);
        add(l, f, "floatArgumentToIntParameter", arg.raw("loop", "()V", 2, 0, new Asm().op(FCONST_1)
                .op2(INVOKESTATIC, arg.println()).op(RETURN)));
        Gen put = Gen.firmware(C).field("x", "I", 8);
        add(l, f, "floatIntoIntField", put.raw("loop", "()V", 1, 0, new Asm().op(FCONST_1)
                .op2(PUTSTATIC, put.fieldRef(C, "x", "I")).op(RETURN)));
        Gen forge = Gen.firmware(C).field("a", "[I", 8);
        add(l, f, "intIntoArrayField", forge.raw("loop", "()V", 1, 0, new Asm().op2(SIPUSH, 0x100)
                .op2(PUTSTATIC, forge.fieldRef(C, "a", "[I")).op(RETURN)));
        add(l, f, "arraylengthOfInt", Gen.loop(C, 1, 0, Asm.of(ICONST_3, ARRAYLENGTH, POP, RETURN)));
        add(l, f, "iincOnFloatLocal", Gen.loop(C, 1, 1, new Asm().op(FCONST_1).op1(FSTORE, 0).op(IINC).u1(0).u1(1)
                .op(RETURN)));
        add(l, f, "f2iOnInt", Gen.loop(C, 1, 0, Asm.of(ICONST_1, F2I, POP, RETURN)));
        add(l, f, "ifeqOnFloat", Gen.loop(C, 1, 0, new Asm().op(FCONST_0).op2(IFEQ, 3).op(RETURN)));
        add(l, f, "storeIntoArrayOfOtherKind", Gen.loop(C, 3, 0, new Asm().op(ICONST_2).op1(NEWARRAY, 6)
                .ops(ICONST_0, ICONST_1, IASTORE, RETURN)));
    }

    private static void locals(List<HostileCase> l) {
        String f = "locals";
        add(l, f, "iloadPastMaxLocals", Gen.loop(C, 1, 1, new Asm().op1(ILOAD, 5).op(POP).op(RETURN)));
        add(l, f, "istorePastMaxLocals", Gen.loop(C, 1, 1, new Asm().op(ICONST_1).op1(ISTORE, 7).op(RETURN)));
        add(l, f, "lstoreSecondHalfPast", Gen.loop(C, 2, 1, Asm.of(LCONST_1, LSTORE_0, RETURN)));
        add(l, f, "readBeforeWrite", Gen.loop(C, 1, 2, Asm.of(ILOAD_1, POP, RETURN)));
        add(l, f, "wideIloadHuge", Gen.loop(C, 1, 1, new Asm().wide().op(ILOAD).u2(0xFFFF).ops(POP, RETURN)));
        add(l, f, "iincPastMaxLocals", Gen.loop(C, 1, 1, new Asm().op(IINC).u1(200).u1(1).op(RETURN)));
        add(l, f, "intStoredFloatLoaded", Gen.loop(C, 1, 1, Asm.of(ICONST_1, ISTORE_0, FLOAD_0, POP, RETURN)));
        Gen args = Gen.firmware(C);
        add(l, f, "maxLocalsBelowArguments", args.raw("loop", "()V", 2, 0, new Asm().op(ICONST_1)
                .op2(INVOKESTATIC, args.methodRef(C, "g", "(I)V")).op(RETURN))
                .raw("g", "(I)V", 1, 0, Asm.of(ILOAD_0, POP, RETURN)));
        add(l, f, "maxLocalsHuge", Gen.loop(C, 1, 0xFFFF, Asm.of(ICONST_1, ISTORE_0, RETURN)));
        add(l, f, "longHalfReadAsInt", Gen.loop(C, 2, 2, Asm.of(LCONST_0, LSTORE_0, ILOAD_1, POP, RETURN)));
        add(l, f, "intLocalAsArray", Gen.loop(C, 2, 1, Asm.of(ICONST_1, ISTORE_0, ALOAD_0, ARRAYLENGTH, POP, RETURN)));
        add(l, f, "wideIincPastMaxLocals", Gen.loop(C, 1, 1, new Asm().wide().op(IINC).u2(300).u2(1).op(RETURN)));
        add(l, f, "longOverwrittenHalf", Gen.loop(C, 2, 2, Asm.of(LCONST_1, LSTORE_0, ICONST_1, ISTORE_1, LLOAD_0,
                POP2, RETURN)));
        add(l, f, "wideOfNonLocalOp", Gen.loop(C, 2, 1, new Asm().wide().op(IADD).u2(0).op(RETURN)));
    }
}
