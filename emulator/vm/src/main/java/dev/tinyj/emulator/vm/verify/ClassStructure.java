package dev.tinyj.emulator.vm.verify;

import dev.tinyj.emulator.vm.load.Names;
import java.lang.classfile.Attributes;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.FieldModel;
import java.lang.classfile.MethodModel;
import java.lang.classfile.constantpool.ClassEntry;
import java.lang.classfile.constantpool.ConstantDynamicEntry;
import java.lang.classfile.constantpool.ConstantValueEntry;
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
import java.lang.classfile.constantpool.ModuleEntry;
import java.lang.classfile.constantpool.NameAndTypeEntry;
import java.lang.classfile.constantpool.PackageEntry;
import java.lang.classfile.constantpool.PoolEntry;
import java.lang.classfile.constantpool.StringEntry;
import java.lang.classfile.constantpool.Utf8Entry;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The class-level structural rules (JVMS §4.1–§4.8 format checking, the class-file part of
 * §4.9), checked when the verifier first loads a class and before anything else reads its
 * members. A class that breaks one is reported and not read further; one that passes can be read
 * by every later layer without a parse error:
 * <ol>
 *   <li>every constant-pool entry resolves (JVMS §4.4): each reference names an entry of the
 *       right kind, each Utf8 decodes, each class name, member name and descriptor is
 *       well-formed ({@link Names}); no Module or Package entry outside a module-info;
 *   <li>the class and its superclass and interfaces are well-formed class names, and a firmware
 *       class has a superclass (only {@code java/lang/Object} has none, JVMS §4.1);
 *   <li>fields: well-formed name and descriptor, unique name+descriptor (JVMS §4.5), a
 *       ConstantValue of a static field matching its type (JVMS §4.7.2);
 *   <li>methods: well-formed name and descriptor, unique name+descriptor (JVMS §4.6), legal
 *       flags ({@code abstract} alone with {@code public/protected}), {@code <clinit>} static
 *       {@code ()V}, {@code <init>} returning void, and exactly one Code attribute unless
 *       {@code abstract} or {@code native}, which have none (JVMS §4.7.3);
 *   <li>a SourceFile (JVMS §4.7.10), which messages print, is a plain file name.
 * </ol>
 */
final class ClassStructure {
    private final ClassModel model;
    private final List<String> problems = new ArrayList<>();

    private ClassStructure(ClassModel model) {
        this.model = model;
    }

    /** The oldest class-file version the JVMS describes (JDK 1.0.2). */
    private static final int FIRST_VERSION = 45;
    /** The first version with preview features, flagged by minor version 65535 (JVMS §4.1). */
    private static final int FIRST_PREVIEW_VERSION = 56;
    private static final int PREVIEW_MINOR = 0xFFFF;

    /** Every class-level structural problem of {@code model} (empty when it is well-formed). */
    static List<String> check(ClassModel model) {
        ClassStructure s = new ClassStructure(model);
        try {
            if (!s.constantPool()) {
                return s.problems;
            }
            s.header();
            s.fields();
            s.methods();
            s.sourceFile();
        } catch (IllegalArgumentException | IndexOutOfBoundsException | ClassCastException | IllegalStateException e) {
            // java.lang.classfile reads lazily: a damaged member table or attribute surfaces here
            s.problems.add("malformed class file: " + e.getMessage() + " (JVMS §4.1)");
        }
        return s.problems;
    }

    /** The file name a SourceFile attribute gives, when it is a plain file name; else null. */
    static String sourceFileName(ClassModel model) {
        try {
            return model.findAttribute(Attributes.sourceFile()).map(a -> a.sourceFile().stringValue())
                    .filter(ClassStructure::isPlainFileName).orElse(null);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean isPlainFileName(String s) {
        return !s.isEmpty() && !s.equals(".") && !s.equals("..") && s.length() <= 255
                && s.chars().noneMatch(c -> c == '/' || c == '\\' || c < 0x20 || c == 0x7F);
    }

    /** Resolves every entry; false (after reporting the first bad one) when one does not resolve. */
    private boolean constantPool() {
        var pool = model.constantPool();
        int i = 1;
        while (i < pool.size()) {
            PoolEntry e;
            try {
                e = pool.entryByIndex(i);
                String bad = entryProblem(e);
                if (bad != null) {
                    problems.add("constant pool entry #" + i + ": " + bad + " (JVMS §4.4)");
                    return false;
                }
            } catch (IllegalArgumentException | IndexOutOfBoundsException | ClassCastException | IllegalStateException x) {
                problems.add("constant pool entry #" + i + " does not resolve: " + x.getMessage() + " (JVMS §4.4)");
                return false;
            }
            i += e.width();
        }
        return true;
    }

    /** What is wrong with one entry once its parts are resolved, or null. */
    private static String entryProblem(PoolEntry e) {
        return switch (e) {
            case Utf8Entry u -> resolved(u.stringValue());
            case IntegerEntry x -> resolved(x.intValue());
            case FloatEntry x -> resolved(x.floatValue());
            case LongEntry x -> resolved(x.longValue());
            case DoubleEntry x -> resolved(x.doubleValue());
            case StringEntry s -> resolved(s.stringValue());
            case ClassEntry c -> classEntryProblem(c);
            case NameAndTypeEntry nt -> nt.name().stringValue().isEmpty() || nt.type().stringValue().isEmpty()
                    ? "empty name or descriptor" : null;
            case FieldRefEntry f -> memberProblem(f, Names.isUnqualified(f.name().stringValue()),
                    Names.isFieldDescriptor(f.type().stringValue()));
            case MethodRefEntry m -> methodRefProblem(m);
            case InterfaceMethodRefEntry m -> methodRefProblem(m);
            case MethodHandleEntry h -> h.kind() >= 1 && h.kind() <= 9 ? refProblem(h.reference())
                    : "method handle kind " + h.kind() + " is not 1..9";
            case MethodTypeEntry t -> Names.isMethodDescriptor(t.descriptor().stringValue()) ? null
                    : "method type descriptor " + quote(t.descriptor().stringValue()) + " is not well-formed";
            case ConstantDynamicEntry d -> dynamicProblem(d.bootstrap().arguments().size(),
                    Names.isUnqualified(d.name().stringValue()), Names.isFieldDescriptor(d.type().stringValue()));
            case InvokeDynamicEntry d -> dynamicProblem(d.bootstrap().arguments().size(),
                    Names.isUnqualified(d.name().stringValue()), Names.isMethodDescriptor(d.type().stringValue()));
            case ModuleEntry m -> "Module entry " + quote(m.name().stringValue()) + " outside a module-info";
            case PackageEntry p -> "Package entry " + quote(p.name().stringValue()) + " outside a module-info";
        };
    }

    /** The JVMS §4.4 name of an entry's kind: {@code Utf8}, {@code Methodref}, ... */
    static String kindName(PoolEntry e) {
        return switch (e) {
            case Utf8Entry x -> "Utf8";
            case IntegerEntry x -> "Integer";
            case FloatEntry x -> "Float";
            case LongEntry x -> "Long";
            case DoubleEntry x -> "Double";
            case StringEntry x -> "String";
            case ClassEntry x -> "Class";
            case NameAndTypeEntry x -> "NameAndType";
            case FieldRefEntry x -> "Fieldref";
            case MethodRefEntry x -> "Methodref";
            case InterfaceMethodRefEntry x -> "InterfaceMethodref";
            case MethodHandleEntry x -> "MethodHandle";
            case MethodTypeEntry x -> "MethodType";
            case ConstantDynamicEntry x -> "Dynamic";
            case InvokeDynamicEntry x -> "InvokeDynamic";
            case ModuleEntry x -> "Module";
            case PackageEntry x -> "Package";
        };
    }

    /** No problem: the value was read, so the entry resolved. */
    private static String resolved(Object value) {
        return value == null ? "entry has no value" : null;
    }

    private static String refProblem(MemberRefEntry r) {
        return switch (r) {
            case FieldRefEntry f -> entryProblem(f);
            case MethodRefEntry m -> methodRefProblem(m);
            case InterfaceMethodRefEntry m -> methodRefProblem(m);
        };
    }

    private static String classEntryProblem(ClassEntry c) {
        String n = c.name().stringValue();
        boolean ok = n.startsWith("[") ? Names.isFieldDescriptor(n) : Names.isClassName(n);
        return ok ? null : "class name " + quote(n) + " is not well-formed (JVMS §4.2.1)";
    }

    private static String methodRefProblem(MemberRefEntry m) {
        String name = m.name().stringValue();
        String desc = m.type().stringValue();
        boolean nameOk = Names.isMethodName(name) && !name.equals("<clinit>")
                && (!name.equals("<init>") || desc.endsWith(")V"));
        return memberProblem(m, nameOk, Names.isMethodDescriptor(desc));
    }

    private static String memberProblem(MemberRefEntry m, boolean nameOk, boolean descOk) {
        String owner = classEntryProblem(m.owner());
        if (owner != null) {
            return owner;
        }
        if (!nameOk) {
            return "member name " + quote(m.name().stringValue()) + " is not well-formed (JVMS §4.2.2)";
        }
        return descOk ? null : "descriptor " + quote(m.type().stringValue()) + " of " + m.name().stringValue()
                + " is not well-formed (JVMS §4.3)";
    }

    private static String dynamicProblem(int args, boolean nameOk, boolean descOk) {
        return nameOk && descOk && args >= 0 ? null : "dynamic constant with a malformed name or descriptor";
    }

    private void header() {
        String name = model.thisClass().asInternalName();
        if (!Names.isClassName(name)) {
            problems.add("class name " + quote(name) + " is not well-formed (JVMS §4.2.1)");
        }
        if (model.superclass().isEmpty()) {
            problems.add("class has no superclass: only java/lang/Object has none (JVMS §4.1)");
        } else if (!Names.isClassName(model.superclass().get().asInternalName())) {
            problems.add("superclass " + quote(model.superclass().get().asInternalName())
                    + " is not a class (JVMS §4.1)");
        }
        for (ClassEntry i : model.interfaces()) {
            if (!Names.isClassName(i.asInternalName())) {
                problems.add("interface " + quote(i.asInternalName()) + " is not a class (JVMS §4.1)");
            }
        }
        int major = model.majorVersion();
        if (major < FIRST_VERSION || major > ClassFile.latestMajorVersion()) {
            problems.add("class-file version " + major + "." + model.minorVersion() + " is outside "
                    + FIRST_VERSION + ".." + ClassFile.latestMajorVersion() + " (JVMS §4.1)");
        } else if (major >= FIRST_PREVIEW_VERSION && model.minorVersion() == PREVIEW_MINOR) {
            problems.add("class-file version " + major + ".65535 needs preview features, which TinyJ does not run"
                    + " (JVMS §4.1)");
        }
        int kind = model.flags().flagsMask() & (ClassFile.ACC_INTERFACE | ClassFile.ACC_ANNOTATION | ClassFile.ACC_MODULE);
        if (kind != 0) {
            problems.add("class flags 0x" + Integer.toHexString(model.flags().flagsMask()) + " make it "
                    + ((kind & ClassFile.ACC_MODULE) != 0 ? "a module" : (kind & ClassFile.ACC_ANNOTATION) != 0
                            ? "an annotation interface" : "an interface")
                    + ": firmware classes are classes (JVMS §4.1)");
        }
        model.attributes().size();
    }

    private void fields() {
        Set<String> seen = new HashSet<>();
        for (FieldModel f : model.fields()) {
            String name = f.fieldName().stringValue();
            String desc = f.fieldType().stringValue();
            if (!Names.isUnqualified(name)) {
                problems.add("field name " + quote(name) + " is not well-formed (JVMS §4.2.2)");
            }
            if (!Names.isFieldDescriptor(desc)) {
                problems.add("field " + name + " has a malformed descriptor " + quote(desc) + " (JVMS §4.3.2)");
                continue;
            }
            if (!seen.add(name + ":" + desc)) {
                problems.add("duplicate field " + name + " " + desc + ": name and descriptor must be unique (JVMS §4.5)");
            }
            f.attributes().size();
            f.findAttribute(Attributes.runtimeInvisibleAnnotations()).ifPresent(a -> a.annotations().forEach(
                    x -> x.className().stringValue()));
            boolean isStatic = (f.flags().flagsMask() & ClassFile.ACC_STATIC) != 0;
            if (isStatic) {
                f.findAttribute(Attributes.constantValue()).ifPresent(cv -> constantValue(name, desc, cv.constant()));
            }
        }
    }

    private void constantValue(String field, String desc, ConstantValueEntry value) {
        boolean ok = switch (desc) {
            case "I", "S", "C", "B", "Z" -> value instanceof IntegerEntry;
            case "J" -> value instanceof LongEntry;
            case "F" -> value instanceof FloatEntry;
            case "D" -> value instanceof DoubleEntry;
            case "Ljava/lang/String;" -> value instanceof StringEntry;
            default -> false;
        };
        if (!ok) {
            String kind = kindName(value);
            problems.add("ConstantValue of field " + field + " (" + desc + ") is a " + kind
                    + " constant: it must match the field's type (JVMS §4.7.2)");
        }
    }

    private void methods() {
        Set<String> seen = new HashSet<>();
        for (MethodModel m : model.methods()) {
            String name = m.methodName().stringValue();
            String desc = m.methodType().stringValue();
            String display = name + desc;
            if (!Names.isMethodName(name)) {
                problems.add("method name " + quote(name) + " is not well-formed (JVMS §4.2.2)");
            }
            if (!Names.isMethodDescriptor(desc)) {
                problems.add("method " + name + " has a malformed descriptor " + quote(desc) + " (JVMS §4.3.3)");
                continue;
            }
            if (!seen.add(display)) {
                problems.add("duplicate method " + display + ": name and descriptor must be unique (JVMS §4.6)");
            }
            int flags = m.flags().flagsMask();
            boolean isStatic = (flags & ClassFile.ACC_STATIC) != 0;
            boolean isAbstract = (flags & ClassFile.ACC_ABSTRACT) != 0;
            boolean isNative = (flags & ClassFile.ACC_NATIVE) != 0;
            int forbiddenWithAbstract = ClassFile.ACC_PRIVATE | ClassFile.ACC_STATIC | ClassFile.ACC_FINAL
                    | ClassFile.ACC_SYNCHRONIZED | ClassFile.ACC_NATIVE | ClassFile.ACC_STRICT;
            if (isAbstract && (flags & forbiddenWithAbstract) != 0) {
                problems.add("method " + display + " is abstract with private, static, final, synchronized, native"
                        + " or strictfp (JVMS §4.6)");
            }
            if (Integer.bitCount(flags & (ClassFile.ACC_PUBLIC | ClassFile.ACC_PRIVATE | ClassFile.ACC_PROTECTED)) > 1) {
                problems.add("method " + display + " has more than one of public, private, protected (JVMS §4.6)");
            }
            if (name.equals("<clinit>") && (!desc.equals("()V") || !isStatic)) {
                problems.add("class initialiser " + display + " must be static ()V (JVMS §2.9.2)");
            }
            if (name.equals("<init>") && (!desc.endsWith(")V") || isStatic)) {
                problems.add("instance initialiser " + display + " must be an instance method returning void"
                        + " (JVMS §2.9.1)");
            }
            long codes = m.attributes().stream().filter(a -> a.attributeName().equalsString("Code")).count();
            if ((isAbstract || isNative) && codes != 0) {
                problems.add("method " + display + " is abstract or native but has a Code attribute (JVMS §4.7.3)");
            } else if (!isAbstract && !isNative && codes != 1) {
                problems.add("method " + display + " has " + codes + " Code attributes: a method that is neither"
                        + " abstract nor native has exactly one (JVMS §4.7.3)");
            }
        }
    }

    private void sourceFile() {
        model.findAttribute(Attributes.sourceFile()).ifPresent(a -> {
            String s = a.sourceFile().stringValue();
            if (!isPlainFileName(s)) {
                problems.add("SourceFile " + quote(s) + " is not a plain file name (JVMS §4.7.10)");
            }
        });
    }

    /** {@code s} quoted for a message, control characters escaped, at most 80 characters. */
    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        s.codePoints().limit(80).forEach(c -> {
            if (c < 0x20 || c == 0x7F || c == '"' || c == '\\') {
                b.append(String.format("\\u%04x", c));
            } else {
                b.appendCodePoint(c);
            }
        });
        return b.append(s.length() > 80 ? "...\"" : "\"").toString();
    }
}
