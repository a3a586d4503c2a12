package dev.tinyj.conformance.hostile;

import java.lang.classfile.ClassBuilder;
import java.lang.classfile.ClassFile;
import java.lang.classfile.CodeBuilder;
import java.lang.classfile.constantpool.ConstantPoolBuilder;
import java.lang.constant.ClassDesc;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Builds one hostile class with {@code java.lang.classfile}: members are written by the API, and
 * a method given as raw code has its whole Code attribute replaced afterwards (JVMS §4.7.3) with
 * exactly the bytes, {@code max_stack} and {@code max_locals} the case names, which the API would
 * refuse or recompute. Names and descriptors go into the constant pool unchecked, so a path trick
 * or a bad descriptor is written as given. The default version is 49 (no StackMapTable: the
 * verifier's own inference is the only check).
 */
final class Gen {
    static final String SERIAL = "dev/tinyj/hal/Serial";
    private static final String PLACEHOLDER = "hx/Placeholder";

    final ConstantPoolBuilder cp = ConstantPoolBuilder.of();
    private final String name;
    private int version = ClassFile.JAVA_5_VERSION;
    private String superName = "java/lang/Object";
    private int flags = ClassFile.ACC_PUBLIC | ClassFile.ACC_SUPER;
    private final List<Consumer<ClassBuilder>> parts = new ArrayList<>();
    /** Raw bodies by method index (the order methods are added). */
    private final List<RawBody> raw = new ArrayList<>();
    private int methodCount;

    private record RawBody(int index, int maxStack, int maxLocals, byte[] code, int[] exceptions) {
    }

    Gen(String name) {
        this.name = name;
    }

    /** A firmware class {@code name} with an empty {@code public static void setup()}. */
    static Gen firmware(String name) {
        return new Gen(name).method("setup", "()V", ClassFile.ACC_PUBLIC | ClassFile.ACC_STATIC, CodeBuilder::return_);
    }

    /** {@link #firmware} plus {@code loop()} with the raw code given. */
    static Gen loop(String name, int maxStack, int maxLocals, Asm code, int... exceptions) {
        return firmware(name).raw("loop", "()V", maxStack, maxLocals, code, exceptions);
    }

    String name() {
        return name;
    }

    Gen version(int major) {
        this.version = major;
        return this;
    }

    /** The superclass; {@code null} writes {@code super_class} 0. */
    Gen superclass(String internalName) {
        this.superName = internalName;
        return this;
    }

    Gen flags(int accessFlags) {
        this.flags = accessFlags;
        return this;
    }

    Gen field(String fieldName, String descriptor, int accessFlags) {
        parts.add(cb -> cb.withField(cp.utf8Entry(fieldName), cp.utf8Entry(descriptor), accessFlags));
        return this;
    }

    /** Anything else the API can write: an attribute, an annotated field. */
    Gen with(Consumer<ClassBuilder> part) {
        parts.add(part);
        return this;
    }

    /** A method whose body the API writes (it computes the maxs). */
    Gen method(String methodName, String descriptor, int accessFlags, Consumer<CodeBuilder> body) {
        parts.add(cb -> cb.withMethod(cp.utf8Entry(methodName), cp.utf8Entry(descriptor), accessFlags,
                mb -> mb.withCode(body)));
        methodCount++;
        return this;
    }

    /** A method without a Code attribute. */
    Gen bodiless(String methodName, String descriptor, int accessFlags) {
        parts.add(cb -> cb.withMethod(cp.utf8Entry(methodName), cp.utf8Entry(descriptor), accessFlags, mb -> {
        }));
        methodCount++;
        return this;
    }

    /** A public static method whose Code attribute is exactly these values. */
    Gen raw(String methodName, String descriptor, int maxStack, int maxLocals, Asm code, int... exceptions) {
        return raw(methodName, descriptor, ClassFile.ACC_PUBLIC | ClassFile.ACC_STATIC, maxStack, maxLocals,
                code.bytes(), exceptions);
    }

    Gen raw(String methodName, String descriptor, int accessFlags, int maxStack, int maxLocals, byte[] code,
            int... exceptions) {
        raw.add(new RawBody(methodCount, maxStack, maxLocals, code, exceptions));
        return method(methodName, descriptor, accessFlags, CodeBuilder::return_);
    }

    int fieldRef(String owner, String fieldName, String descriptor) {
        return cp.fieldRefEntry(cp.classEntry(cp.utf8Entry(owner)),
                cp.nameAndTypeEntry(cp.utf8Entry(fieldName), cp.utf8Entry(descriptor))).index();
    }

    int methodRef(String owner, String methodName, String descriptor) {
        return cp.methodRefEntry(cp.classEntry(cp.utf8Entry(owner)),
                cp.nameAndTypeEntry(cp.utf8Entry(methodName), cp.utf8Entry(descriptor))).index();
    }

    /** {@code Serial.println(I)V}. */
    int println() {
        return methodRef(SERIAL, "println", "(I)V");
    }

    int classRef(String internalName) {
        return cp.classEntry(cp.utf8Entry(internalName)).index();
    }

    int string(String s) {
        return cp.stringEntry(s).index();
    }

    int integer(int v) {
        return cp.intEntry(v).index();
    }

    int utf8(String s) {
        return cp.utf8Entry(s).index();
    }

    byte[] bytes() {
        // the API checks this class's name while it counts the stack: write a placeholder, then the name
        boolean odd;
        try {
            ClassDesc.ofInternalName(name);
            odd = false;
        } catch (IllegalArgumentException e) {
            odd = true;
        }
        byte[] b = ClassFile.of().build(cp.classEntry(cp.utf8Entry(odd ? PLACEHOLDER : name)), cp, cb -> {
            cb.withVersion(version, 0);
            cb.withFlags(flags);
            if (superName != null) {
                cb.withSuperclass(cp.classEntry(cp.utf8Entry(superName)));
            }
            parts.forEach(p -> p.accept(cb));
        });
        if (odd) {
            ClassBytes c = new ClassBytes(b);
            b = c.withUtf8(c.u2(c.entry(c.u2(c.afterPool + 2)).offset() + 1), name);
        }
        if (superName == null) {
            ClassBytes c = new ClassBytes(b);
            b = ClassBytes.putU2(b, c.afterPool + 4, 0);
        }
        for (RawBody r : raw) {
            ClassBytes c = new ClassBytes(b);
            b = c.withCode(c.methods.get(r.index), r.maxStack, r.maxLocals, r.code, r.exceptions);
        }
        return b;
    }
}
