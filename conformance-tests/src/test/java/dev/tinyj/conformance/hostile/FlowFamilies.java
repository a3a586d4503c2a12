package dev.tinyj.conformance.hostile;

import static java.lang.classfile.Opcode.*;

import java.lang.classfile.ClassFile;
import java.lang.classfile.CodeBuilder;
import java.lang.classfile.Label;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Hostile cases of the families about control: control flow (targets on instruction starts inside
 * the code, no falling off the end, well-formed switches, JVMS §4.9.2), exception tables
 * (§4.7.3: ranges and handlers inside the code, catch types that are classes) and the
 * StackMapTable (§4.7.4: which TinyJ must not trust, so a lying table must not make bad code pass).
 */
final class FlowFamilies {
    private static final String C = ValueFamilies.C;

    private FlowFamilies() {
    }

    static List<HostileCase> cases() {
        List<HostileCase> all = new ArrayList<>();
        control(all);
        exceptions(all);
        stackMaps(all);
        return all;
    }

    private static void add(List<HostileCase> into, String family, String name, Gen... gens) {
        into.add(HostileCase.of(family, name, gens));
    }

    private static void add(List<HostileCase> into, String family, String name, byte[] bytes) {
        into.add(HostileCase.bytes(family, name, C, bytes));
    }

    private static void control(List<HostileCase> l) {
        String f = "control";
        add(l, f, "gotoIntoOperand", Gen.loop(C, 1, 0, new Asm().op2(GOTO, 4).op2(SIPUSH, 0x00B1).op(RETURN)));
        add(l, f, "gotoPastEnd", Gen.loop(C, 1, 0, new Asm().op2(GOTO, 100).op(RETURN)));
        add(l, f, "gotoBeforeStart", Gen.loop(C, 1, 0, new Asm().op(NOP).op2(GOTO, 0xFFFB).op(RETURN)));
        add(l, f, "fallOffEnd", Gen.loop(C, 1, 0, Asm.of(ICONST_0, POP)));
        add(l, f, "branchToCodeLength", Gen.loop(C, 1, 0, new Asm().op(ICONST_0).op2(IFEQ, 4).op(RETURN)));
        add(l, f, "tableswitchLowAboveHigh", Gen.loop(C, 1, 0, tableswitch(5, 1, -1)));
        add(l, f, "tableswitchHugeRange", Gen.loop(C, 1, 0, tableswitch(0, 0x7FFFFFFF, -1)));
        add(l, f, "tableswitchTargetOutside", Gen.loop(C, 1, 0, tableswitch(0, 0, 1000)));
        add(l, f, "lookupswitchUnsorted", Gen.loop(C, 1, 0, lookupswitch(2, 5, 1)));
        add(l, f, "lookupswitchDuplicate", Gen.loop(C, 1, 0, lookupswitch(2, 1, 1)));
        add(l, f, "lookupswitchNegativeCount", Gen.loop(C, 1, 0, new Asm().op(ICONST_0).op(LOOKUPSWITCH).pad()
                .u4(0).u4(-1).op(RETURN)));
        add(l, f, "jsrRet", Gen.loop(C, 1, 1, new Asm().op2(JSR, 4).op(RETURN).op(ASTORE_0).op1(RET, 0)));
        add(l, f, "gotoWFar", Gen.loop(C, 1, 0, new Asm().op(GOTO_W).u4(0x7FFFFFF0).op(RETURN)));
        add(l, f, "endlessLoopIsLegal", Gen.loop(C, 1, 0, new Asm().op2(GOTO, 0)));
        add(l, f, "ifeqEmptyStack", Gen.loop(C, 1, 0, new Asm().op2(IFEQ, 3).op(RETURN)));
        add(l, f, "unusedOpcode", Gen.loop(C, 1, 0, new Asm().u1(0xCB).op(RETURN)));
        add(l, f, "breakpointOpcode", Gen.loop(C, 1, 0, new Asm().u1(0xCA).op(RETURN)));
        add(l, f, "impdep1Opcode", Gen.loop(C, 1, 0, new Asm().u1(0xFE).op(RETURN)));
        add(l, f, "truncatedSipush", Gen.loop(C, 1, 0, new Asm().op(SIPUSH).u1(1)));
        add(l, f, "wideLast", Gen.loop(C, 1, 0, new Asm().wide()));
        add(l, f, "returnKindMismatch", Gen.loop(C, 1, 0, Asm.of(ICONST_0, IRETURN)));
    }

    /** {@code iconst_0; tableswitch} over {@code [low, high]} with at most two jump entries; -1 targets the return after it. */
    private static Asm tableswitch(int low, int high, int target) {
        Asm a = new Asm().op(ICONST_0);
        int at = a.pc();
        a.op(TABLESWITCH).pad();
        int entries = (int) Math.max(0, Math.min(2, (long) high - low + 1));
        int size = a.pc() - at + 12 + 4 * entries;
        int t = target < 0 ? size : target;
        a.u4(t).u4(low).u4(high);
        for (int i = 0; i < entries; i++) {
            a.u4(t);
        }
        return a.op(RETURN);
    }

    private static Asm lookupswitch(int n, int k0, int k1) {
        Asm a = new Asm().op(ICONST_0);
        int at = a.pc();
        a.op(LOOKUPSWITCH).pad();
        int size = a.pc() - at + 8 + 8 * n;
        a.u4(size).u4(n).u4(k0).u4(size).u4(k1).u4(size);
        return a.op(RETURN);
    }

    private static void exceptions(List<HostileCase> l) {
        String f = "exceptions";
        Asm plain = new Asm().op2(SIPUSH, 5).ops(POP, RETURN);
        add(l, f, "handlerOutsideCode", Gen.loop(C, 1, 0, plain, 0, 3, 50, 0));
        add(l, f, "startAfterEnd", Gen.loop(C, 1, 0, plain, 3, 1, 4, 0));
        add(l, f, "endPastCode", Gen.loop(C, 1, 0, plain, 0, 100, 4, 0));
        add(l, f, "handlerMidInstruction", Gen.loop(C, 1, 0, plain, 0, 3, 1, 0));
        add(l, f, "emptyRange", Gen.loop(C, 1, 0, plain, 1, 1, 4, 0));
        Gen notClass = Gen.firmware(C);
        int utf = notClass.utf8("java/lang/ArithmeticException");
        add(l, f, "catchTypeNotClass", notClass.raw("loop", "()V", 1, 0, plain, 0, 3, 4, utf));
        add(l, f, "catchTypeIndexHuge", Gen.loop(C, 1, 0, plain, 0, 3, 4, 0xFFFF));
        Gen arith = Gen.firmware(C);
        int ae = arith.classRef("java/lang/ArithmeticException");
        add(l, f, "catchArithmetic", arith.raw("loop", "()V", 2, 0, new Asm().ops(ICONST_1, ICONST_0, IDIV, POP, RETURN,
                POP, RETURN), 0, 4, 5, ae));
        add(l, f, "catchAnyFinally", Gen.loop(C, 2, 1, new Asm().ops(ICONST_1, ICONST_0, IDIV, POP, RETURN, ASTORE_0,
                RETURN), 0, 4, 5, 0));
        add(l, f, "handlerIsItsOwnRange", Gen.loop(C, 2, 0, new Asm().ops(POP, ICONST_1, ICONST_0, IDIV, POP, RETURN),
                0, 5, 0, 0));
        add(l, f, "athrowNull", Gen.loop(C, 1, 0, Asm.of(ACONST_NULL, ATHROW)));
        Gen hal = Gen.firmware(C);
        int serial = hal.classRef(Gen.SERIAL);
        add(l, f, "catchTypeHalClass", hal.raw("loop", "()V", 2, 1, new Asm().ops(ICONST_1, ICONST_0, IDIV, POP,
                RETURN, ASTORE_0, RETURN), 0, 4, 5, serial));
        int[] many = new int[4 * 5000];
        for (int i = 0; i < many.length; i += 4) {
            many[i] = 0;
            many[i + 1] = 3;
            many[i + 2] = 4;
            many[i + 3] = 0;
        }
        add(l, f, "fiveThousandHandlers", Gen.loop(C, 1, 0, plain, many));
        add(l, f, "athrowInt", Gen.loop(C, 1, 0, Asm.of(ICONST_1, ATHROW)));
    }

    /** A version 69 class whose loop() has a counted loop, so javac-like StackMapTable frames exist. */
    private static byte[] withFrames(UnaryOperator<ClassBytes> edit) {
        Gen g = Gen.firmware(C).version(ClassFile.JAVA_25_VERSION).method("loop", "()V",
                ClassFile.ACC_PUBLIC | ClassFile.ACC_STATIC, FlowFamilies::countedLoop);
        return edit.apply(new ClassBytes(g.bytes())).bytes;
    }

    private static void countedLoop(CodeBuilder c) {
        Label top = c.newLabel();
        c.iconst_0().istore(0).labelBinding(top).iload(0).iconst_1().iadd().dup().istore(0).bipush(5)
                .if_icmplt(top).return_();
    }

    /** The loop's StackMapTable body with byte {@code at} (from its start) set to {@code value}. */
    private static ClassBytes frameByte(ClassBytes c, int at, int value) {
        var smt = c.codeAttributes("loop").stream().filter(a -> a.name().equals("StackMapTable")).findFirst()
                .orElseThrow();
        byte[] b = c.bytes.clone();
        b[smt.info() + at] = (byte) value;
        return new ClassBytes(b);
    }

    private static ClassBytes frames(ClassBytes c, byte[] info) {
        return new ClassBytes(c.withCodeAttribute("loop", "StackMapTable", info));
    }

    private static void stackMaps(List<HostileCase> l) {
        String f = "stackmap";
        // the generated table: u2 count 1; append_frame 252, u2 offset 2, Integer (1)
        add(l, f, "validFramesAreLegal", withFrames(c -> c));
        add(l, f, "localTypeFloat", withFrames(c -> frameByte(c, 5, 2)));
        add(l, f, "localTypeTop", withFrames(c -> frameByte(c, 5, 0)));
        add(l, f, "verificationTag99", withFrames(c -> frameByte(c, 5, 99)));
        add(l, f, "offsetPastCode", withFrames(c -> frameByte(c, 4, 200)));
        add(l, f, "offsetMidInstruction", withFrames(c -> frameByte(c, 4, 8)));
        add(l, f, "reservedFrameType", withFrames(c -> frameByte(c, 2, 200)));
        add(l, f, "entriesHuge", withFrames(c -> frameByte(frameByte(c, 0, 0xFF), 1, 0xFF)));
        add(l, f, "removed", withFrames(c -> new ClassBytes(c.withCodeAttribute("loop", "StackMapTable", null))));
        add(l, f, "truncated", withFrames(c -> frames(c, new byte[] {0, 1, (byte) 252})));
        add(l, f, "uninitializedLocal", withFrames(c -> frames(c, new byte[] {0, 1, (byte) 252, 0, 2, 8, 0, 0})));
        add(l, f, "fullFrameStackHuge", withFrames(c -> frames(c, new byte[] {0, 1, (byte) 255, 0, 2, 0, 1, 1,
                (byte) 0xFF, (byte) 0xFF})));
        add(l, f, "fullFrameLongHalf", withFrames(c -> frames(c, new byte[] {0, 1, (byte) 255, 0, 2, 0, 1, 4,
                0, 0})));
        add(l, f, "objectTypeBadIndex", withFrames(c -> frames(c, new byte[] {0, 1, (byte) 252, 0, 2, 7,
                (byte) 0xFF, (byte) 0xF0})));
        l.add(HostileCase.bytes(f, "garbageInVersion49IsIgnored", C,
                ClassBytes.putU2(withFrames(c -> frameByte(c, 2, 200)), 6, ClassFile.JAVA_5_VERSION)));
    }
}
