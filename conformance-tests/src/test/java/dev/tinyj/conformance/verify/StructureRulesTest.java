package dev.tinyj.conformance.verify;

import static java.lang.constant.ConstantDescs.CD_int;
import static java.lang.constant.ConstantDescs.MTD_void;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.classfile.ClassBuilder;
import java.lang.classfile.ClassFile;
import java.lang.classfile.attribute.ConstantValueAttribute;
import java.lang.classfile.attribute.SourceFileAttribute;
import java.lang.classfile.constantpool.ConstantPoolBuilder;
import java.lang.constant.ClassDesc;
import java.lang.constant.MethodTypeDesc;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One negative test per structural rule (JVMS §4.9, {@code vm/verify/ClassStructure} and
 * {@code CodeStructure}): a hostile {@code gen/Odd} built with {@code java.lang.classfile} (raw
 * Code attributes where the builder would refuse), its exact message, and the CLI's exit 2. The
 * class has no SourceFile or LineNumberTable, so messages name {@code gen/Odd.class}, line 0.
 */
class StructureRulesTest {
    private static final String MAIN = "gen.Odd";
    private static final ClassDesc ODD = ClassDesc.of(MAIN);
    private static final String AT = "gen/Odd.class:0: error: ";
    private static final String LOOP = " (Odd.loop()V, bytecode ";
    private static final int PUBLIC_STATIC = ClassFile.ACC_PUBLIC | ClassFile.ACC_STATIC;

    @TempDir
    Path dir;

    /** Odd with {@code loop()V} of the raw code {@code code} (max_stack 4). */
    private List<String> loop(int maxLocals, Function<ConstantPoolBuilder, byte[]> code) throws Exception {
        return odd(cb -> cb.withMethod("loop", MTD_void, PUBLIC_STATIC, mb -> mb.with(Hostile.rawCode(4, maxLocals, code))));
    }

    private List<String> odd(Consumer<ClassBuilder> more) throws Exception {
        Hostile.write(dir, MAIN, Hostile.firmware(MAIN, more));
        return Hostile.messages(dir, MAIN);
    }

    private static byte[] bytes(int... b) {
        byte[] out = new byte[b.length];
        for (int i = 0; i < b.length; i++) {
            out[i] = (byte) b[i];
        }
        return out;
    }

    private void refusedByCli(String expected) {
        Hostile.refusedByCli(dir.toString(), MAIN, expected);
    }

    @Test
    void reachedMethodWithoutCodeIsRejected() throws Exception {
        String m = AT + "method loop()V has 0 Code attributes: a method that is neither abstract nor native has"
                + " exactly one (JVMS §4.7.3) (class Odd)";
        assertEquals(List.of(m), odd(cb -> cb.withMethod("loop", MTD_void, PUBLIC_STATIC, mb -> { })));
        refusedByCli("has 0 Code attributes");
    }

    @Test
    void emptyCodeIsRejected() throws Exception {
        assertEquals(List.of(AT + "code length 0 is outside 1..65,535 (JVMS §4.7.3) (Odd.loop()V)"),
                loop(0, cp -> new byte[0]));
        refusedByCli("code length 0");
    }

    @Test
    void codeLongerThan65535BytesIsRejected() throws Exception {
        byte[] code = new byte[70_000];
        code[code.length - 1] = (byte) 0xB1; // nop ... return
        assertEquals(List.of(AT + "code length 70000 is outside 1..65,535 (JVMS §4.7.3) (Odd.loop()V)"),
                loop(0, cp -> code));
    }

    @Test
    void fallingOffTheEndIsRejected() throws Exception {
        // iconst_0; pop
        assertEquals(List.of(AT + "execution falls off the end of the code after pop: the last instruction must be"
                + " goto, a return, athrow or a switch (JVMS §4.9.2)" + LOOP + "1)"), loop(0, cp -> bytes(0x03, 0x57)));
        refusedByCli("falls off the end");
    }

    @Test
    void undefinedOpcodeIsRejected() throws Exception {
        assertEquals(List.of(AT + "undefined opcode 0xcb (JVMS §6.5)" + LOOP + "0)"), loop(0, cp -> bytes(0xCB, 0xB1)));
        refusedByCli("undefined opcode 0xcb");
    }

    @Test
    void instructionRunningPastTheEndIsRejected() throws Exception {
        // sipush with one operand byte
        assertEquals(List.of(AT + "sipush runs past the end of the code (code length 2, JVMS §4.9.1)" + LOOP + "0)"),
                loop(0, cp -> bytes(0x11, 0x01)));
    }

    @Test
    void branchIntoTheMiddleOfAnInstructionIsRejected() throws Exception {
        // 0: sipush 0; 3: goto -2 (to 1); 6: return
        assertEquals(List.of(AT + "branch target 1 is not the start of an instruction (JVMS §4.9.1)" + LOOP + "3)"),
                loop(0, cp -> bytes(0x11, 0, 0, 0xA7, 0xFF, 0xFE, 0xB1)));
        refusedByCli("branch target 1 is not the start of an instruction");
    }

    @Test
    void branchOutsideTheCodeIsRejected() throws Exception {
        // 0: goto +100
        assertEquals(List.of(AT + "branch target 100 is outside the code (0..3, JVMS §4.9.1)" + LOOP + "0)"),
                loop(0, cp -> bytes(0xA7, 0, 100, 0xB1)));
    }

    @Test
    void tableswitchWithLowAboveHighIsRejected() throws Exception {
        // 0: iconst_0; 1: tableswitch pad(2) default=+15 low=5 high=2; 16: return
        assertEquals(List.of(AT + "tableswitch low 5 > high 2 (JVMS §6.5.tableswitch)" + LOOP + "1)"),
                loop(0, cp -> bytes(0x03, 0xAA, 0, 0, 0, 0, 0, 15, 0, 0, 0, 5, 0, 0, 0, 2, 0xB1)));
        refusedByCli("tableswitch low 5 > high 2");
    }

    @Test
    void lookupswitchWithUnsortedKeysIsRejected() throws Exception {
        // 0: iconst_0; 1: lookupswitch pad(2) default=+27 npairs=2 (7:+27) (3:+27); 28: return
        assertEquals(List.of(AT + "lookupswitch keys are not sorted and unique: 3 after 7 (JVMS §6.5.lookupswitch)"
                + LOOP + "1)"), loop(0, cp -> bytes(0x03, 0xAB, 0, 0, 0, 0, 0, 27, 0, 0, 0, 2,
                        0, 0, 0, 7, 0, 0, 0, 27, 0, 0, 0, 3, 0, 0, 0, 27, 0xB1)));
        refusedByCli("lookupswitch keys are not sorted and unique");
    }

    @Test
    void localIndexAtOrAboveMaxLocalsIsRejected() throws Exception {
        // 0: iload 5; 2: pop; 3: lconst_0; 4: lstore_1 (slots 1 and 2); 5: return -- max_locals 2
        assertEquals(List.of(
                AT + "local variable 5 of iload is not below max_locals 2 (JVMS §4.9.2)" + LOOP + "0)",
                AT + "local variable 1 (and 2) of lstore_1 is not below max_locals 2 (JVMS §4.9.2)" + LOOP + "4)"),
                loop(2, cp -> bytes(0x15, 5, 0x57, 0x09, 0x40, 0xB1)));
        refusedByCli("is not below max_locals 2");
    }

    @Test
    void argumentsBeyondMaxLocalsAreRejected() throws Exception {
        MethodTypeDesc twoInts = MethodTypeDesc.of(java.lang.constant.ConstantDescs.CD_void, CD_int, CD_int);
        List<String> m = odd(cb -> {
            cb.withMethodBody("loop", MTD_void, PUBLIC_STATIC, c -> c.iconst_1().iconst_2().invokestatic(ODD, "f", twoInts)
                    .return_());
            cb.withMethod("f", twoInts, PUBLIC_STATIC, mb -> mb.with(Hostile.rawCode(0, 1, cp -> bytes(0xB1))));
        });
        assertEquals(List.of(AT + "the arguments take 2 local slots but max_locals is 1 (JVMS §4.10.1.6) (Odd.f(II)V)"),
                m);
    }

    @Test
    void ldcOfAConstantItCannotLoadIsRejected() throws Exception {
        List<String> m = loop(0, cp -> {
            int utf8 = cp.utf8Entry("not loadable").index();
            int lng = cp.longEntry(7L).index();
            return bytes(0x13, utf8 >> 8, utf8, 0x57, 0x13, lng >> 8, lng, 0x58, 0xB1);
        });
        assertEquals(2, m.size(), m.toString());
        assertEquals(AT + "ldc_w of constant #" + m.getFirst().replaceAll(".*#(\\d+),.*", "$1")
                + ", a Utf8: not a constant ldc_w can load (JVMS §4.4, §6.5.ldc_w)" + LOOP + "0)", m.getFirst());
        assertEquals(true, m.get(1).contains(", a Long: not a constant ldc_w can load"), m.get(1));
        refusedByCli("not a constant ldc_w can load");
    }

    @Test
    void invokestaticOfAnInitialiserIsRejected() throws Exception {
        List<String> m = loop(0, cp -> {
            int ref = cp.methodRefEntry(ODD, "<init>", MTD_void).index();
            return bytes(0xB8, ref >> 8, ref, 0xB1);
        });
        assertEquals(List.of(AT + "invokestatic of <init>: only invokespecial calls <init> and nothing calls <clinit>"
                + " (JVMS §4.9.2)" + LOOP + "0)"), m);
        refusedByCli("invokestatic of <init>");
    }

    @Test
    void aReferenceToClinitIsRejected() throws Exception {
        List<String> m = loop(0, cp -> {
            int ref = cp.methodRefEntry(ODD, "<clinit>", MTD_void).index();
            return bytes(0xB8, ref >> 8, ref, 0xB1);
        });
        assertEquals(1, m.size(), m.toString());
        assertEquals(true, m.getFirst().startsWith(AT + "constant pool entry #")
                && m.getFirst().endsWith(": member name \"<clinit>\" is not well-formed (JVMS §4.2.2) (JVMS §4.4)"
                        + " (class Odd)"), m.getFirst());
    }

    @Test
    void duplicateMembersAreRejected() throws Exception {
        List<String> m = odd(cb -> {
            cb.withField("v", CD_int, ClassFile.ACC_STATIC);
            cb.withField("v", CD_int, ClassFile.ACC_STATIC);
            cb.withMethodBody("loop", MTD_void, PUBLIC_STATIC, c -> c.return_());
            cb.withMethodBody("loop", MTD_void, PUBLIC_STATIC, c -> c.return_());
        });
        assertEquals(List.of(
                AT + "duplicate field v I: name and descriptor must be unique (JVMS §4.5) (class Odd)",
                AT + "duplicate method loop()V: name and descriptor must be unique (JVMS §4.6) (class Odd)"), m);
        refusedByCli("duplicate field v I");
    }

    @Test
    void classNameWithAPathTrickIsRejected() throws Exception {
        // an outside file the name would reach if it were used as a path
        Hostile.write(dir.getParent(), "Evil", Hostile.firmware("Evil", cb -> { }));
        List<String> m = loop(0, cp -> {
            int ref = cp.methodRefEntry(cp.classEntry(cp.utf8Entry("../Evil")), cp.nameAndTypeEntry("f", MTD_void))
                    .index();
            return bytes(0xB8, ref >> 8, ref, 0xB1);
        });
        assertEquals(1, m.size(), m.toString());
        assertEquals(true, m.getFirst().endsWith(": class name \"../Evil\" is not well-formed (JVMS §4.2.1) (JVMS §4.4)"
                + " (class Odd)"), m.getFirst());
        refusedByCli("class name \"../Evil\" is not well-formed");
    }

    @Test
    void malformedMemberNamesAndDescriptorsAreRejected() throws Exception {
        List<String> m = odd(cb -> {
            cb.withField("a/b", CD_int, ClassFile.ACC_STATIC);
            cb.withField(cb.constantPool().utf8Entry("w"), cb.constantPool().utf8Entry("Q"), ClassFile.ACC_STATIC);
            cb.withMethodBody("loop", MTD_void, PUBLIC_STATIC, c -> c.return_());
        });
        assertEquals(List.of(
                AT + "field name \"a/b\" is not well-formed (JVMS §4.2.2) (class Odd)",
                AT + "field w has a malformed descriptor \"Q\" (JVMS §4.3.2) (class Odd)"), m);
    }

    @Test
    void constantValueOfTheWrongTypeIsRejected() throws Exception {
        List<String> m = odd(cb -> {
            cb.withField("K", CD_int, fb -> fb.withFlags(ClassFile.ACC_STATIC | ClassFile.ACC_FINAL)
                    .with(ConstantValueAttribute.of(fb.constantPool().floatEntry(1.5f))));
            cb.withMethodBody("loop", MTD_void, PUBLIC_STATIC, c -> c.getstatic(ODD, "K", CD_int).pop().return_());
        });
        assertEquals(List.of(AT + "ConstantValue of field K (I) is a Float constant: it must match the field's type"
                + " (JVMS §4.7.2) (class Odd)"), m);
        refusedByCli("ConstantValue of field K (I) is a Float constant");
    }

    @Test
    void sourceFileWithAPathIsRejected() throws Exception {
        List<String> m = odd(cb -> {
            cb.with(SourceFileAttribute.of("../../etc/Odd.java"));
            cb.withMethodBody("loop", MTD_void, PUBLIC_STATIC, c -> c.return_());
        });
        assertEquals(List.of(AT + "SourceFile \"../../etc/Odd.java\" is not a plain file name (JVMS §4.7.10)"
                + " (class Odd)"), m);
    }

    @Test
    void unresolvableConstantPoolEntryIsRejected() throws Exception {
        byte[] good = Hostile.firmware(MAIN, cb -> {
            cb.constantPool().classEntry(ClassDesc.of("ZZMARK"));
            cb.withMethodBody("loop", MTD_void, PUBLIC_STATIC, c -> c.return_());
        });
        Hostile.write(dir, MAIN, ClassBytes.pointClassAtNonUtf8(good, "ZZMARK"));
        List<String> m = Hostile.messages(dir, MAIN);
        assertEquals(1, m.size(), m.toString());
        assertEquals(true, m.getFirst().startsWith(AT + "constant pool entry #") && m.getFirst().contains("does not resolve"),
                m.getFirst());
        refusedByCli("does not resolve");
    }
}
