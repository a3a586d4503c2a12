package dev.tinyj.conformance.verify;

import java.lang.classfile.ClassBuilder;
import java.lang.classfile.ClassFile;
import java.lang.classfile.CodeBuilder;
import java.lang.classfile.MethodModel;
import java.lang.classfile.attribute.CodeAttribute;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.lang.constant.MethodTypeDesc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * Hand-made class files for negative verifier tests: class {@code gen.T} with {@code setup()}
 * (an empty body unless given) and the methods a test adds, built with {@code java.lang.classfile}
 * without a StackMapTable (so ill-typed code builds), without SourceFile or LineNumberTable (so
 * messages name {@code gen/T.class} and line 0). {@link #patchCode} overwrites {@code max_stack}
 * and {@code max_locals}, which the builder computes.
 */
final class HostileCode {
    static final ClassDesc T = ClassDesc.of("gen.T");
    static final int PUBLIC_STATIC = ClassFile.ACC_PUBLIC | ClassFile.ACC_STATIC;
    static final ClassFile CF = ClassFile.of(ClassFile.StackMapsOption.DROP_STACK_MAPS);

    private HostileCode() {
    }

    /**
     * {@code gen.T} of class file version {@code major} with {@code setup()V} = {@code setup},
     * {@code loop()V} = {@code loop} and the {@code extra} members.
     */
    static byte[] build(int major, Consumer<CodeBuilder> setup, Consumer<CodeBuilder> loop,
            Consumer<ClassBuilder> extra) {
        return CF.build(T, cb -> {
            cb.withVersion(major, 0);
            cb.withMethodBody("setup", ConstantDescs.MTD_void, PUBLIC_STATIC, setup);
            cb.withMethodBody("loop", ConstantDescs.MTD_void, PUBLIC_STATIC, loop);
            extra.accept(cb);
        });
    }

    /**
     * Version 50 (the last whose branch targets need no StackMapTable frame, JVMS §4.10.1), an
     * empty {@code setup()}, {@code loop} and the {@code extra} members.
     */
    static byte[] build(Consumer<CodeBuilder> loop, Consumer<ClassBuilder> extra) {
        return build(ClassFile.JAVA_6_VERSION, CodeBuilder::return_, loop, extra);
    }

    /** {@link #build} with no extra members. */
    static byte[] loop(Consumer<CodeBuilder> loop) {
        return build(loop, cb -> { });
    }

    /** Adds {@code static name(desc)} with {@code body} to a class being built. */
    static void method(ClassBuilder cb, String name, String desc, Consumer<CodeBuilder> body) {
        cb.withMethodBody(name, MethodTypeDesc.ofDescriptor(desc), PUBLIC_STATIC, body);
    }

    /**
     * {@code cls} with method {@code name}'s {@code max_stack} and {@code max_locals} replaced (JVMS
     * §4.7.3: {@code u2 max_stack, u2 max_locals, u4 code_length, code[]}), found by its code bytes.
     */
    static byte[] patchCode(byte[] cls, String name, int maxStack, int maxLocals) {
        byte[] out = cls.clone();
        int at = codeStart(cls, name);
        writeU2(out, at - 8, maxStack);
        writeU2(out, at - 6, maxLocals);
        return out;
    }

    /** {@code cls} with byte {@code offset} of method {@code name}'s code replaced by {@code value}. */
    static byte[] patchCodeByte(byte[] cls, String name, int offset, int value) {
        byte[] out = cls.clone();
        out[codeStart(cls, name) + offset] = (byte) value;
        return out;
    }

    /** Where method {@code name}'s code array starts in {@code cls}. */
    private static int codeStart(byte[] cls, String name) {
        MethodModel m = CF.parse(cls).methods().stream().filter(x -> x.methodName().equalsString(name))
                .findFirst().orElseThrow();
        byte[] code = ((CodeAttribute) m.code().orElseThrow()).codeArray();
        for (int at = 8; at + code.length <= cls.length; at++) {
            if (java.util.Arrays.equals(cls, at, at + code.length, code, 0, code.length)
                    && readU4(cls, at - 4) == code.length) {
                return at;
            }
        }
        throw new IllegalStateException("code of " + name + " not found");
    }

    private static int readU4(byte[] b, int at) {
        return (b[at] & 0xFF) << 24 | (b[at + 1] & 0xFF) << 16 | (b[at + 2] & 0xFF) << 8 | b[at + 3] & 0xFF;
    }

    private static void writeU2(byte[] b, int at, int v) {
        b[at] = (byte) (v >> 8);
        b[at + 1] = (byte) v;
    }

    /** Writes {@code cls} as {@code gen/T.class} into {@code dir} and returns the verifier's messages. */
    static List<String> verify(Path dir, byte[] cls) throws Exception {
        Files.createDirectories(dir.resolve("gen"));
        Files.write(dir.resolve("gen/T.class"), cls);
        return Probes.verify(dir, "gen.T").messages();
    }
}
