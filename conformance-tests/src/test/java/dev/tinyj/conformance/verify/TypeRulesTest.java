package dev.tinyj.conformance.verify;

import static dev.tinyj.conformance.verify.HostileCode.T;
import static dev.tinyj.conformance.verify.HostileCode.method;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.classfile.ClassFile;
import java.lang.classfile.CodeBuilder;
import java.lang.classfile.Label;
import java.lang.classfile.Opcode;
import java.lang.classfile.TypeKind;
import java.lang.classfile.instruction.ConstantInstruction;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.lang.constant.MethodTypeDesc;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

// Four rules here (locals below max_locals, ldc kinds, branch targets on instruction starts, no falling
// off the end) are met first by the structural layer (CodeStructure, JVMS §4.9), which runs before the
// inference reads a method: those tests assert its words; the inference keeps its own check behind it.
/**
 * The type rules (JVMS §4.10, docs/vm.md "Verifier rules: types"), one hostile class file per
 * rule, each asserting the whole javac-style message. The classes have no StackMapTable: the
 * verifier infers every type itself.
 */
class TypeRulesTest {
    private static final String E = "gen/T.class:0: error: ";
    private static final ClassDesc SERIAL = ClassDesc.of("dev.tinyj.hal.Serial");

    @TempDir
    Path dir;

    private List<String> loop(Consumer<CodeBuilder> code) throws Exception {
        return HostileCode.verify(dir, HostileCode.loop(code));
    }

    private static String at(String reason, int bytecode) {
        return E + reason + " (T.loop()V, bytecode " + bytecode + ")";
    }

    @Test
    void stackUnderflowIsRefused() throws Exception {
        assertEquals(List.of(at("operand stack underflow (iadd): needs 2 slots, the stack holds 0", 0)),
                loop(c -> c.iadd().pop().return_()));
    }

    @Test
    void stackDeeperThanMaxStackIsRefused() throws Exception {
        byte[] cls = HostileCode.patchCode(HostileCode.loop(c -> c.iconst_1().iconst_2().pop2().return_()), "loop", 1, 0);
        assertEquals(List.of(at("operand stack overflow (iconst_2): depth 2 exceeds max_stack 1", 1)),
                HostileCode.verify(dir, cls));
    }

    @Test
    void intAndFloatAreKeptApart() throws Exception {
        assertEquals(List.of(at("type mismatch (iadd): expected int, found float", 2)),
                loop(c -> c.iconst_1().fconst_0().iadd().pop().return_()));
    }

    @Test
    void aLongIsTwoSlotsOfItsOwnType() throws Exception {
        assertEquals(List.of(at("type mismatch (ladd): expected long, found int", 3)),
                loop(c -> c.iconst_1().iconst_2().lconst_0().ladd().pop2().return_()));
    }

    @Test
    void aOneSlotShuffleMustNotSplitALong() throws Exception {
        assertEquals(List.of(at("stack shuffle (pop) splits a long: pop takes 1 slot and the deepest is a long's"
                + " second half", 1)), loop(c -> c.lconst_0().pop().pop().return_()));
    }

    @Test
    void aShuffleMustNotReorderALongsHalves() throws Exception {
        assertEquals(List.of(at("stack shuffle (dup_x1) splits a long: use the two-slot form (pop2, dup2, ...)", 2)),
                loop(c -> c.iconst_0().lconst_0().dup_x1().pop2().pop2().pop().return_()));
    }

    @Test
    void arrayLoadsNeedTheirElementKind() throws Exception {
        assertEquals(List.of(at("type mismatch (baload): expected byte[] or boolean[], found int[]", 4)),
                loop(c -> c.iconst_2().newarray(TypeKind.INT).iconst_0().baload().pop().return_()));
    }

    @Test
    void arrayStoresNeedTheirValueKind() throws Exception {
        assertEquals(List.of(at("type mismatch (fastore): expected float, found int", 5)),
                loop(c -> c.iconst_1().newarray(TypeKind.FLOAT).iconst_0().iconst_1().fastore().return_()));
    }

    @Test
    void booleanAndByteArraysDifferAsDescriptorsSay() throws Exception {
        byte[] cls = HostileCode.build(c -> c.iconst_1().newarray(TypeKind.BOOLEAN)
                .invokestatic(T, "take", MethodTypeDesc.ofDescriptor("([B)V")).return_(),
                cb -> method(cb, "take", "([B)V", CodeBuilder::return_));
        assertEquals(List.of(at("type mismatch (argument 1 of T.take([B)V): expected byte[], found boolean[]", 3)),
                HostileCode.verify(dir, cls));
    }

    @Test
    void noReferenceIsForgedFromAnInt() throws Exception {
        byte[] cls = HostileCode.build(ClassFile.JAVA_6_VERSION, c -> c.iconst_1().arraylength().pop().return_(),
                c -> c.iconst_1().astore(0).return_(), cb -> { });
        assertEquals(List.of(at("type mismatch (astore_0): expected an array, found int", 1),
                E + "type mismatch (arraylength): expected an array, found int (T.setup()V, bytecode 1)"),
                HostileCode.verify(dir, cls));
    }

    @Test
    void aLocalIsReadOnlyAfterItIsWritten() throws Exception {
        assertEquals(List.of(at("type mismatch (iload_0): expected int, local 0 holds no usable value (unset, or"
                + " different types on different paths)", 0)), loop(c -> c.iload(0).pop().return_()));
    }

    @Test
    void overwritingHalfALongMakesItUnusable() throws Exception {
        assertEquals(List.of(at("type mismatch (lload_0): expected long, local 0 holds no usable value (unset, or"
                + " different types on different paths)", 4)),
                loop(c -> c.lconst_0().lstore(0).iconst_0().istore(1).lload(0).pop2().return_()));
    }

    @Test
    void iincNeedsAnIntLocal() throws Exception {
        assertEquals(List.of(at("type mismatch (iinc 0): expected int, local 0 holds float", 2)),
                loop(c -> c.fconst_0().fstore(0).iinc(0, 1).return_()));
    }

    @Test
    void localsStayBelowMaxLocals() throws Exception {
        byte[] cls = HostileCode.patchCode(HostileCode.loop(c -> c.iconst_0().istore(3).return_()), "loop", 1, 2);
        assertEquals(List.of(at("local variable 3 of istore_3 is not below max_locals 2 (JVMS §4.9.2)", 1)),
                HostileCode.verify(dir, cls));
    }

    @Test
    void callArgumentsMatchTheDescriptor() throws Exception {
        byte[] cls = HostileCode.build(c -> c.iconst_1().fconst_1().invokestatic(T, "add", MethodTypeDesc.ofDescriptor("(II)I"))
                .pop().return_(), cb -> method(cb, "add", "(II)I", c -> c.iload(0).iload(1).iadd().ireturn()));
        assertEquals(List.of(at("type mismatch (argument 2 of T.add(II)I): expected int, found float", 2)),
                HostileCode.verify(dir, cls));
    }

    @Test
    void returnedValuesHaveTheCalleesReturnType() throws Exception {
        byte[] cls = HostileCode.build(c -> c.invokestatic(T, "half", MethodTypeDesc.ofDescriptor("()F")).istore(0).return_(),
                cb -> method(cb, "half", "()F", c -> c.ldc(0.5f).freturn()));
        assertEquals(List.of(at("type mismatch (istore_0): expected int, found float", 3)), HostileCode.verify(dir, cls));
    }

    @Test
    void returnInstructionsMatchTheMethodsReturnType() throws Exception {
        byte[] cls = HostileCode.build(c -> c.invokestatic(T, "f", MethodTypeDesc.ofDescriptor("()I")).pop()
                .invokestatic(T, "g", MethodTypeDesc.ofDescriptor("()I")).pop().return_(), cb -> {
                    method(cb, "f", "()I", c -> c.fconst_0().freturn());
                    method(cb, "g", "()I", CodeBuilder::return_);
                });
        assertEquals(List.of(E + "return type mismatch (return): the method returns I (T.g()I, bytecode 0)",
                E + "return type mismatch (freturn): the method returns I (T.f()I, bytecode 1)"), HostileCode.verify(dir, cls));
    }

    @Test
    void serialTakesOnlyAStringConstant() throws Exception {
        assertEquals(List.of(at("type mismatch (argument 1 of Serial.println(Ljava/lang/String;)V): expected a String"
                + " constant (ldc) passed straight to the call, found null", 1)),
                loop(c -> c.aconst_null().invokestatic(SERIAL, "println",
                        MethodTypeDesc.of(ConstantDescs.CD_void, ConstantDescs.CD_String)).return_()));
    }

    @Test
    void staticFieldsTakeTheirDeclaredType() throws Exception {
        ClassDesc ints = ClassDesc.ofDescriptor("[I");
        byte[] cls = HostileCode.build(c -> c.iconst_1().newarray(TypeKind.FLOAT).putstatic(T, "a", ints).return_(),
                cb -> cb.withField("a", ints, ClassFile.ACC_STATIC));
        assertEquals(List.of(at("type mismatch (putstatic gen/T.a): expected int[], found float[]", 3)),
                HostileCode.verify(dir, cls));
    }

    @Test
    void aLongConstantNeedsLdc2W() throws Exception {
        byte[] cls = HostileCode.build(c -> c.with(ConstantInstruction.ofLoad(Opcode.LDC, c.constantPool().longEntry(5L)))
                .pop2().return_(), cb -> { });
        assertEquals(List.of(at("ldc of constant #6, a Long: not a constant ldc can load (JVMS §4.4, §6.5.ldc)", 0)), HostileCode.verify(dir, cls));
    }

    @Test
    void stackDepthsAgreeWherePathsMeet() throws Exception {
        assertEquals(List.of(at("operand stack depths differ where paths meet: 0 and 1 slots", 5)), loop(c -> {
            Label join = c.newLabel();
            c.iconst_0().ifeq(join).iconst_1().labelBinding(join).return_();
        }));
    }

    @Test
    void stackTypesAgreeWherePathsMeet() throws Exception {
        assertEquals(List.of(at("operand stack types conflict where paths meet: slot 0 is int on one path and float"
                + " on another", 9)), loop(c -> {
                    Label other = c.newLabel();
                    Label join = c.newLabel();
                    c.iconst_0().ifeq(other).iconst_1().goto_(join)
                            .labelBinding(other).fconst_0()
                            .labelBinding(join).pop().return_();
                }));
    }

    @Test
    void aLocalMergedFromDifferentArrayKindsIsUnusable() throws Exception {
        assertEquals(List.of(at("type mismatch (aload_0): expected an array, local 0 holds no usable value (unset, or"
                + " different types on different paths)", 15)), loop(c -> {
                    Label other = c.newLabel();
                    Label join = c.newLabel();
                    c.iconst_0().ifeq(other).iconst_1().newarray(TypeKind.BYTE).astore(0).goto_(join)
                            .labelBinding(other).iconst_1().newarray(TypeKind.BOOLEAN).astore(0)
                            .labelBinding(join).aload(0).arraylength().pop().return_();
                }));
    }

    @Test
    void branchTargetsAreInstructionStarts() throws Exception {
        byte[] cls = HostileCode.loop(c -> {
            Label next = c.newLabel();
            c.goto_(next).labelBinding(next).sipush(1000).pop().return_();
        });
        // goto +3 (the sipush) becomes goto +4: the middle of the sipush
        assertEquals(List.of(at("branch target 4 is not the start of an instruction (JVMS §4.9.1)", 0)),
                HostileCode.verify(dir, HostileCode.patchCodeByte(cls, "loop", 2, 4)));
    }

    @Test
    void version51AndLaterBranchTargetsNeedAStackMapFrame() throws Exception {
        byte[] cls = HostileCode.build(ClassFile.JAVA_7_VERSION, CodeBuilder::return_, c -> {
            Label join = c.newLabel();
            c.iconst_0().ifeq(join).labelBinding(join).return_();
        }, cb -> { });
        assertEquals(List.of(at("branch target bytecode 4 has no StackMapTable frame: class files of version 51 and"
                + " later need one at every branch target (JVMS §4.10.1); recompile with javac", 1)),
                HostileCode.verify(dir, cls));
    }

    @Test
    void codeMustNotFallOffItsEnd() throws Exception {
        assertEquals(List.of(at("execution falls off the end of the code after pop: the last instruction must be goto, a return,"
                + " athrow or a switch (JVMS §4.9.2)", 1)), loop(c -> c.iconst_0().pop()));
    }

    @Test
    void everyInstructionIsReachable() throws Exception {
        assertEquals(List.of(at("unreachable bytecode: no path from the method's start reaches it; remove it", 1)),
                loop(c -> c.return_().iconst_0().pop().return_()));
    }

    @ParameterizedTest
    @ValueSource(ints = {45, 49, 50, 69})
    void everyClassFileVersionIsInferred(int major) throws Exception {
        byte[] ok = HostileCode.build(major, CodeBuilder::return_, c -> c.iconst_1().i2f().fconst_1().fadd().pop().return_(),
                cb -> { });
        assertEquals(List.of(), HostileCode.verify(dir, ok));
        byte[] bad = HostileCode.build(major, CodeBuilder::return_, c -> c.iconst_1().fconst_0().iadd().pop().return_(),
                cb -> { });
        assertEquals(List.of(at("type mismatch (iadd): expected int, found float", 2)), HostileCode.verify(dir, bad));
    }

    @Test
    void aMethodTooLargeToTypeCheckIsRefusedBeforeItsFramesAreAllocated() throws Exception {
        byte[] cls = HostileCode.patchCode(HostileCode.loop(c -> {
            for (int k = 0; k < 70; k++) {
                Label next = c.newLabel();
                c.iconst_0().ifeq(next).labelBinding(next);
            }
            c.return_();
        }), "loop", 1, 65_535);
        assertEquals(List.of(E + "too large to type-check: 4653056 frame slots (branch targets × (max_locals +"
                + " max_stack)) exceed the limit of 4000000; split the method (T.loop()V)"), HostileCode.verify(dir, cls));
    }
}
