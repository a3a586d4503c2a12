package dev.tinyj.conformance.hostile;

import static java.lang.classfile.Opcode.*;

import java.lang.classfile.ClassFile;
import java.lang.classfile.Opcode;
import java.lang.classfile.attribute.RuntimeInvisibleAnnotationsAttribute;
import java.lang.constant.ClassDesc;
import java.lang.constant.MethodTypeDesc;
import java.util.ArrayList;
import java.util.List;

/**
 * Hostile cases of the families about the constant pool (every reference resolved up front to an
 * entry of the right kind, JVMS §4.4, §5.4.3), sizes (code length 1-65,535, §4.7.3; @Progmem
 * tables, call and class chains checked against limits before anything is allocated) and
 * {@code newarray} (its element type, §6.5.newarray; only 1-D primitive arrays in the subset).
 */
final class PoolFamilies {
    private static final String C = ValueFamilies.C;
    private static final int STATIC = ClassFile.ACC_PUBLIC | ClassFile.ACC_STATIC;

    private PoolFamilies() {
    }

    static List<HostileCase> cases() {
        List<HostileCase> all = new ArrayList<>();
        pool(all);
        sizes(all);
        newarray(all);
        return all;
    }

    private static void add(List<HostileCase> into, String family, String name, Gen... gens) {
        into.add(HostileCase.of(family, name, gens));
    }

    private static void add(List<HostileCase> into, String family, String name, byte[] bytes) {
        into.add(HostileCase.bytes(family, name, C, bytes));
    }

    /** {@code loop()} = {@code op #index; then...; return}. */
    private static Gen refLoop(Gen g, int maxStack, Asm code) {
        return g.raw("loop", "()V", maxStack, 0, code);
    }

    private static void pool(List<HostileCase> l) {
        String f = "pool";
        add(l, f, "ldcIndexZero", Gen.loop(C, 1, 0, new Asm().op1(LDC, 0).ops(POP, RETURN)));
        add(l, f, "ldcIndexPastCount", Gen.loop(C, 1, 0, new Asm().op1(LDC, 250).ops(POP, RETURN)));
        Gen u = Gen.firmware(C);
        add(l, f, "ldcOfUtf8", refLoop(u, 1, new Asm().op1(LDC, u.utf8("text")).ops(POP, RETURN)));
        Gen k = Gen.firmware(C);
        add(l, f, "ldcOfClass", refLoop(k, 1, new Asm().op1(LDC, k.classRef(C)).ops(POP, RETURN)));
        Gen lg = Gen.firmware(C);
        int longIndex = lg.cp.longEntry(7L).index();
        add(l, f, "ldcOfLong", refLoop(lg, 2, new Asm().op1(LDC, longIndex).ops(POP, RETURN)));
        Gen half = Gen.firmware(C);
        int hi = half.cp.longEntry(9L).index();
        add(l, f, "ldc2wSecondSlot", refLoop(half, 2, new Asm().op2(LDC2_W, hi + 1).ops(POP2, RETURN)));
        Gen w = Gen.firmware(C);
        add(l, f, "ldc2wOfInt", refLoop(w, 2, new Asm().op2(LDC2_W, w.integer(123456)).ops(POP2, RETURN)));
        Gen gm = Gen.firmware(C);
        add(l, f, "getstaticOfMethodRef", refLoop(gm, 1, new Asm().op2(GETSTATIC, gm.println()).ops(POP, RETURN)));
        Gen fm = Gen.firmware(C).field("x", "I", ClassFile.ACC_STATIC);
        add(l, f, "invokestaticOfFieldRef", refLoop(fm, 1, new Asm().op2(INVOKESTATIC, fm.fieldRef(C, "x", "I"))
                .op(RETURN)));
        Gen im = Gen.firmware(C);
        int iref = im.cp.interfaceMethodRefEntry(im.cp.classEntry(im.cp.utf8Entry(C)),
                im.cp.nameAndTypeEntry("setup", java.lang.constant.MethodTypeDesc.ofDescriptor("()V"))).index();
        add(l, f, "invokestaticInterfaceRef", refLoop(im, 1, new Asm().op2(INVOKESTATIC, iref).op(RETURN)));
        Gen bd = Gen.firmware(C);
        add(l, f, "methodDescriptorUnclosed", refLoop(bd, 1, new Asm().op2(INVOKESTATIC, bd.methodRef(C, "setup", "("))
                .op(RETURN)));
        Gen fd = Gen.firmware(C).field("q", "Q", ClassFile.ACC_STATIC);
        add(l, f, "fieldDescriptorQ", refLoop(fd, 1, new Asm().op2(GETSTATIC, fd.fieldRef(C, "q", "Q"))
                .ops(POP, RETURN)));
        Gen md = Gen.firmware(C);
        add(l, f, "methodRefWithFieldDescriptor", refLoop(md, 1, new Asm().op2(INVOKESTATIC,
                md.methodRef(C, "setup", "I")).op(RETURN)));
        Gen init = Gen.firmware(C);
        add(l, f, "invokestaticInit", refLoop(init, 1, new Asm().op2(INVOKESTATIC,
                init.methodRef("java/lang/Object", "<init>", "()V")).op(RETURN)));
        Gen missing = Gen.firmware(C);
        add(l, f, "ownerClassMissing", refLoop(missing, 1, new Asm().op2(INVOKESTATIC,
                missing.methodRef("hx/Nope", "g", "()V")).op(RETURN)));
        Gen fl = Gen.firmware(C);
        int fc = fl.cp.floatEntry(2.5f).index();
        int p = fl.println();
        add(l, f, "ldcFloatIsLegal", refLoop(fl, 1, new Asm().op1(LDC, fc).op(F2I).op2(INVOKESTATIC, p).op(RETURN)));
        // raw edits of entries the API would not write
        Gen bad = Gen.firmware(C).field("zzzz", "I", ClassFile.ACC_STATIC);
        int zRef = bad.fieldRef(C, "zzzz", "I");
        int zName = bad.utf8("zzzz");
        byte[] b = refLoop(bad, 1, new Asm().op2(GETSTATIC, zRef).ops(POP, RETURN)).bytes();
        ClassBytes cb = new ClassBytes(b);
        byte[] badUtf = b.clone();
        badUtf[cb.entry(zName).offset() + 3] = (byte) 0xFF;
        add(l, f, "malformedUtf8", badUtf);
        Gen ci = Gen.firmware(C);
        int owner = ci.classRef("hx/Other");
        int num = ci.integer(77);
        int ref = ci.methodRef("hx/Other", "g", "()V");
        byte[] b2 = refLoop(ci, 1, new Asm().op2(INVOKESTATIC, ref).op(RETURN)).bytes();
        add(l, f, "classNameIsInteger", ClassBytes.putU2(b2, new ClassBytes(b2).entry(owner).offset() + 1, num));
        Gen st = Gen.firmware(C);
        int s = st.string("hey");
        int n2 = st.integer(5);
        int ps = st.methodRef(Gen.SERIAL, "println", "(Ljava/lang/String;)V");
        byte[] b3 = refLoop(st, 1, new Asm().op1(LDC, s).op2(INVOKESTATIC, ps).op(RETURN)).bytes();
        add(l, f, "stringOfInteger", ClassBytes.putU2(b3, new ClassBytes(b3).entry(s).offset() + 1, n2));
        byte[] plain = Gen.loop(C, 1, 0, Asm.of(RETURN)).bytes();
        add(l, f, "poolCountHuge", ClassBytes.putU2(plain, 8, 0xFFFF));
        ClassBytes pc = new ClassBytes(plain);
        int utfIndex = pc.pool.stream().filter(e -> e.tag() == 1).findFirst().orElseThrow().index();
        add(l, f, "thisClassIsUtf8", ClassBytes.putU2(plain, pc.afterPool + 2, utfIndex));
        add(l, f, "superIndexHuge", ClassBytes.putU2(plain, pc.afterPool + 4, 0xFFF0));
        add(l, f, "truncatedInPool", java.util.Arrays.copyOf(plain, 20));
    }

    private static void sizes(List<HostileCase> l) {
        String f = "sizes";
        add(l, f, "codeLengthZero", Gen.loop(C, 1, 0, new Asm()));
        Asm big = new Asm();
        for (int i = 0; i < 65_536; i++) {
            big.op(NOP);
        }
        add(l, f, "codeLength65537", Gen.loop(C, 1, 0, big.op(RETURN)));
        byte[] plain = Gen.loop(C, 1, 0, Asm.of(RETURN)).bytes();
        ClassBytes pc = new ClassBytes(plain);
        var code = pc.method("loop").attribute("Code");
        add(l, f, "codeLengthLies", ClassBytes.putU2(ClassBytes.putU2(plain, code.info() + 4, 0x7FFF),
                code.info() + 6, 0xFFF0));
        add(l, f, "attributeLengthLies", ClassBytes.putU2(plain, code.offset() + 2, 0x7FFF));
        add(l, f, "progmemTwoBillionBytes", progmem("[B", 8, 2_000_000_000));
        add(l, f, "progmemIntMaxInts", progmem("[I", 10, Integer.MAX_VALUE));
        add(l, f, "progmemNegative", progmem("[B", 8, -1));
        add(l, f, "callChain12000", callChain(12_000));
        l.add(superChain(f, "superChain4000", 4_000));
        Gen rec = Gen.firmware(C);
        int r = rec.methodRef(C, "r", "()V");
        add(l, f, "recursionHugeFrames", rec.raw("loop", "()V", 1, 0, new Asm().op2(INVOKESTATIC, r).op(RETURN))
                .raw("r", "()V", 1, 0xFFFF, new Asm().op2(INVOKESTATIC, r).op(RETURN)));
        Gen str = Gen.firmware(C);
        int s = str.string("x".repeat(65_535));
        int ps = str.methodRef(Gen.SERIAL, "println", "(Ljava/lang/String;)V");
        add(l, f, "string65535", refLoop(str, 1, new Asm().op1(LDC, s).op2(INVOKESTATIC, ps).op(RETURN)));
        Gen fields = Gen.firmware(C);
        for (int i = 0; i < 5_000; i++) {
            fields.field("f" + i, "J", ClassFile.ACC_STATIC);
        }
        add(l, f, "fiveThousandLongFields", refLoop(fields, 2, new Asm().op2(GETSTATIC,
                fields.fieldRef(C, "f4999", "J")).ops(POP2, RETURN)));
        add(l, f, "methodName65535", Gen.loop(C, 1, 0, Asm.of(RETURN)).bodiless("m".repeat(65_535), "()V",
                ClassFile.ACC_STATIC | ClassFile.ACC_ABSTRACT));
        Gen arr = Gen.firmware(C).field("a", "[I", ClassFile.ACC_STATIC);
        add(l, f, "staticArrayMillion", arr.raw("<clinit>", "()V", ClassFile.ACC_STATIC, 1, 0, new Asm()
                .op2(LDC_W, arr.integer(1_000_000)).op1(NEWARRAY, 10).op2(PUTSTATIC, arr.fieldRef(C, "a", "[I"))
                .op(RETURN).bytes()).raw("loop", "()V", 1, 0, Asm.of(RETURN)));
    }

    /** {@code @Progmem static final T[] T = new T[length];} read by loop(), as javac writes it. */
    private static Gen progmem(String desc, int atype, int length) {
        Gen g = Gen.firmware(C).with(cb -> cb.withField("T", ClassDesc.ofDescriptor(desc), fb -> fb
                .withFlags(ClassFile.ACC_STATIC | ClassFile.ACC_FINAL)
                .with(RuntimeInvisibleAnnotationsAttribute.of(java.lang.classfile.Annotation.of(
                        ClassDesc.of("dev.tinyj.hal.Progmem"))))));
        int t = g.fieldRef(C, "T", desc);
        int len = g.integer(length);
        int p = g.println();
        Opcode load = desc.equals("[B") ? BALOAD : IALOAD;
        return g.raw("<clinit>", "()V", ClassFile.ACC_STATIC, 1, 0, new Asm().op2(LDC_W, len).op1(NEWARRAY, atype)
                .op2(PUTSTATIC, t).op(RETURN).bytes())
                .raw("loop", "()V", 2, 0, new Asm().op2(GETSTATIC, t).op(ICONST_0).op(load).op2(INVOKESTATIC, p)
                        .op(RETURN));
    }

    private static Gen callChain(int depth) {
        Gen g = Gen.firmware(C);
        ClassDesc self = ClassDesc.ofInternalName(C);
        MethodTypeDesc v = MethodTypeDesc.ofDescriptor("()V");
        g.method("loop", "()V", STATIC, c -> c.invokestatic(self, "m0", v).return_());
        for (int i = 0; i < depth; i++) {
            String next = "m" + (i + 1);
            boolean last = i + 1 == depth;
            g.method("m" + i, "()V", STATIC, c -> {
                if (!last) {
                    c.invokestatic(self, next, v);
                }
                c.return_();
            });
        }
        return g;
    }

    /** hx/S0 extends Object, hx/S{i} extends hx/S{i-1}, hx/Case extends the last. */
    private static HostileCase superChain(String family, String name, int depth) {
        return new HostileCase(family, name, root -> {
            java.util.Map<String, byte[]> classes = new java.util.LinkedHashMap<>();
            classes.put(C, Gen.loop(C, 0, 0, Asm.of(RETURN)).superclass("hx/S" + (depth - 1)).bytes());
            for (int i = 0; i < depth; i++) {
                classes.put("hx/S" + i, new Gen("hx/S" + i).superclass(i == 0 ? "java/lang/Object" : "hx/S" + (i - 1))
                        .bytes());
            }
            return new HostileCase.Layout("hx.Case", classes, java.util.Map.of());
        });
    }

    private static void newarray(List<HostileCase> l) {
        String f = "newarray";
        for (int atype : new int[] {0, 3, 12, 255}) {
            add(l, f, "atype" + atype, Gen.loop(C, 1, 0, new Asm().op(ICONST_2).op1(NEWARRAY, atype)
                    .ops(POP, RETURN)));
        }
        add(l, f, "booleanIsLegal", Gen.loop(C, 1, 0, new Asm().op(ICONST_2).op1(NEWARRAY, 4).ops(POP, RETURN)));
        add(l, f, "negativeSize", Gen.loop(C, 1, 0, new Asm().op(ICONST_M1).op1(NEWARRAY, 10).ops(POP, RETURN)));
        Gen max = Gen.firmware(C);
        add(l, f, "maxValueLongs", refLoop(max, 1, new Asm().op2(LDC_W, max.integer(Integer.MAX_VALUE))
                .op1(NEWARRAY, 11).ops(POP, RETURN)));
        Gen obj = Gen.firmware(C);
        add(l, f, "anewarrayObject", refLoop(obj, 1, new Asm().op(ICONST_2).op2(ANEWARRAY,
                obj.classRef("java/lang/Object")).ops(POP, RETURN)));
        Gen multi = Gen.firmware(C);
        add(l, f, "multianewarray2", refLoop(multi, 2, new Asm().ops(ICONST_2, ICONST_2).op2(MULTIANEWARRAY,
                multi.classRef("[[I")).u1(2).ops(POP, RETURN)));
        Gen zero = Gen.firmware(C);
        add(l, f, "multianewarrayZeroDims", refLoop(zero, 1, new Asm().op2(MULTIANEWARRAY, zero.classRef("[I")).u1(0)
                .ops(POP, RETURN)));
        add(l, f, "floatSize", Gen.loop(C, 1, 0, new Asm().op(FCONST_2).op1(NEWARRAY, 10).ops(POP, RETURN)));
        add(l, f, "longSize", Gen.loop(C, 2, 0, new Asm().op(LCONST_1).op1(NEWARRAY, 10).ops(POP, RETURN)));
        add(l, f, "noOperand", Gen.loop(C, 1, 0, new Asm().op1(NEWARRAY, 10).ops(POP, RETURN)));
        add(l, f, "storePastEnd", Gen.loop(C, 3, 0, new Asm().op(ICONST_2).op1(NEWARRAY, 10)
                .ops(ICONST_5, ICONST_1, IASTORE, RETURN)));
        add(l, f, "truncatedOperand", Gen.loop(C, 1, 0, new Asm().op(ICONST_2).op(NEWARRAY)));
        add(l, f, "doubleArray", Gen.loop(C, 1, 0, new Asm().op(ICONST_2).op1(NEWARRAY, 7).ops(POP, RETURN)));
        add(l, f, "allocationEveryLoop", Gen.loop(C, 1, 0, new Asm().op2(SIPUSH, 400).op1(NEWARRAY, 8)
                .ops(POP, RETURN)));
    }
}
