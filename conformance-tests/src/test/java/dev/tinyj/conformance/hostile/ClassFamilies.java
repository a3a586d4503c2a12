package dev.tinyj.conformance.hostile;

import static java.lang.classfile.Opcode.*;

import java.lang.classfile.ClassFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Hostile cases of the families about classes: {@code <clinit>} (static, {@code ()V}, with code;
 * initialisation order, JVMS §2.9.2, §5.5), host reach (the JDK outside the subset, HAL members that
 * do not exist, and class names that are path tricks, which must never read a file outside
 * {@code --classpath}, §4.2.1) and class structure (circular superclasses, §5.3.5; unique
 * name+descriptor per member, §4.5, §4.6; the main class's shape).
 */
final class ClassFamilies {
    private static final String C = ValueFamilies.C;
    private static final int STATIC = ClassFile.ACC_PUBLIC | ClassFile.ACC_STATIC;
    /** Where every decoy lives, relative to the try's root (the classpath folder is root/cp). */
    static final String DECOY_FILE = "outside/Decoy.class";

    private ClassFamilies() {
    }

    static List<HostileCase> cases() {
        List<HostileCase> all = new ArrayList<>();
        clinit(all);
        host(all);
        structure(all);
        return all;
    }

    private static void add(List<HostileCase> into, String family, String name, Gen... gens) {
        into.add(HostileCase.of(family, name, gens));
    }

    private static void clinit(List<HostileCase> l) {
        String f = "clinit";
        add(l, f, "notStatic", Gen.loop(C, 0, 0, Asm.of(RETURN)).raw("<clinit>", "()V", ClassFile.ACC_PUBLIC, 0, 1,
                Asm.of(RETURN).bytes()));
        add(l, f, "withArgument", Gen.loop(C, 0, 0, Asm.of(RETURN)).raw("<clinit>", "(I)V", ClassFile.ACC_STATIC, 0, 1,
                Asm.of(RETURN).bytes()));
        add(l, f, "returnsInt", Gen.loop(C, 0, 0, Asm.of(RETURN)).raw("<clinit>", "()I", ClassFile.ACC_STATIC, 1, 0,
                Asm.of(ICONST_1, IRETURN).bytes()));
        Gen self = Gen.loop(C, 0, 0, Asm.of(RETURN));
        int ci = self.methodRef(C, "<clinit>", "()V");
        add(l, f, "callsItself", self.raw("<clinit>", "()V", ClassFile.ACC_STATIC, 0, 0,
                new Asm().op2(INVOKESTATIC, ci).op(RETURN).bytes()));
        Gen loopCall = Gen.firmware(C);
        int ci2 = loopCall.methodRef(C, "<clinit>", "()V");
        add(l, f, "loopCallsClinit", loopCall.raw("loop", "()V", 0, 0, new Asm().op2(INVOKESTATIC, ci2).op(RETURN))
                .raw("<clinit>", "()V", ClassFile.ACC_STATIC, 0, 0, Asm.of(RETURN).bytes()));
        add(l, f, "endlessIsLegal", Gen.loop(C, 0, 0, Asm.of(RETURN)).raw("<clinit>", "()V", ClassFile.ACC_STATIC, 0, 0,
                new Asm().op2(GOTO, 0).bytes()));
        Gen a = Gen.loop(C, 1, 0, Asm.of(RETURN)).field("x", "I", ClassFile.ACC_STATIC);
        Gen b = new Gen("hx/B").field("y", "I", ClassFile.ACC_STATIC);
        int ay = a.fieldRef("hx/B", "y", "I");
        int ax = a.fieldRef(C, "x", "I");
        int bx = b.fieldRef(C, "x", "I");
        int by = b.fieldRef("hx/B", "y", "I");
        add(l, f, "mutualIsLegal", a.raw("<clinit>", "()V", ClassFile.ACC_STATIC, 2, 0, new Asm().op2(GETSTATIC, ay)
                .op(ICONST_1).op(IADD).op2(PUTSTATIC, ax).op(RETURN).bytes()),
                b.raw("<clinit>", "()V", ClassFile.ACC_STATIC, 2, 0, new Asm().op2(GETSTATIC, bx).op(ICONST_2)
                        .op(IADD).op2(PUTSTATIC, by).op(RETURN).bytes()));
        add(l, f, "ireturnInVoid", Gen.loop(C, 0, 0, Asm.of(RETURN)).raw("<clinit>", "()V", ClassFile.ACC_STATIC, 1, 0,
                Asm.of(ICONST_1, IRETURN).bytes()));
        add(l, f, "abstract", Gen.loop(C, 0, 0, Asm.of(RETURN)).bodiless("<clinit>", "()V",
                ClassFile.ACC_STATIC | ClassFile.ACC_ABSTRACT));
        add(l, f, "native", Gen.loop(C, 0, 0, Asm.of(RETURN)).bodiless("<clinit>", "()V",
                ClassFile.ACC_STATIC | ClassFile.ACC_NATIVE));
        add(l, f, "twoClinits", Gen.loop(C, 0, 0, Asm.of(RETURN))
                .raw("<clinit>", "()V", ClassFile.ACC_STATIC, 0, 0, Asm.of(RETURN).bytes())
                .raw("<clinit>", "()V", ClassFile.ACC_STATIC, 0, 0, new Asm().op2(GOTO, 0).bytes()));
        Gen deep = Gen.loop(C, 0, 0, Asm.of(RETURN));
        int r = deep.methodRef(C, "r", "(J)V");
        add(l, f, "deepRecursion", deep.raw("<clinit>", "()V", ClassFile.ACC_STATIC, 2, 0, new Asm().op(LCONST_0)
                .op2(INVOKESTATIC, r).op(RETURN).bytes()).raw("r", "(J)V", 4, 2, new Asm().op(LLOAD_0).op(LCONST_1)
                        .op(LADD).op2(INVOKESTATIC, r).op(RETURN)));
        add(l, f, "divideByZero", Gen.loop(C, 0, 0, Asm.of(RETURN)).raw("<clinit>", "()V", ClassFile.ACC_STATIC, 2, 0,
                Asm.of(ICONST_1, ICONST_0, IDIV, POP, RETURN).bytes()));
        Gen other = Gen.loop(C, 1, 0, Asm.of(RETURN));
        int k = other.fieldRef("hx/K", "K", "I");
        add(l, f, "writesOtherClassFinal", other.raw("<clinit>", "()V", ClassFile.ACC_STATIC, 1, 0,
                new Asm().op(ICONST_5).op2(PUTSTATIC, k).op(RETURN).bytes()),
                new Gen("hx/K").field("K", "I", ClassFile.ACC_STATIC | ClassFile.ACC_FINAL));
    }

    /** A decoy class named {@code name} with setup, loop and {@code hit()}, all printing 42. */
    static byte[] decoy(String name) {
        Gen d = Gen.firmware(name).field("x", "I", ClassFile.ACC_PUBLIC | ClassFile.ACC_STATIC);
        int p = d.println();
        Asm body = new Asm().op1(BIPUSH, 42).op2(INVOKESTATIC, p).op(RETURN);
        return d.raw("loop", "()V", 1, 0, body).raw("hit", "()V", 1, 0, body).bytes();
    }

    /**
     * A path-trick case: {@code hx/Case} reaches class {@code trick(root)} (through {@code how}),
     * and a decoy named so sits at root/{@value #DECOY_FILE}, outside the classpath.
     */
    private static HostileCase trick(String name, Function<Path, String> trick, Function<String, Gen> how) {
        return new HostileCase("host", name, root -> {
            String target = trick.apply(root);
            Map<String, byte[]> classes = new LinkedHashMap<>();
            classes.put(C, how.apply(target).bytes());
            return new HostileCase.Layout("hx.Case", classes, Map.of(DECOY_FILE, decoy(target)));
        });
    }

    private static Gen callsHit(String target) {
        Gen g = Gen.firmware(C);
        return g.raw("loop", "()V", 0, 0, new Asm().op2(INVOKESTATIC, g.methodRef(target, "hit", "()V")).op(RETURN));
    }

    private static Gen jdkCall(String owner, String name, String desc, Asm before, Asm after) {
        Gen g = Gen.firmware(C);
        Asm a = new Asm();
        byte[] pre = before.bytes();
        for (byte x : pre) {
            a.u1(x);
        }
        a.op2(INVOKESTATIC, g.methodRef(owner, name, desc));
        for (byte x : after.bytes()) {
            a.u1(x);
        }
        return g.raw("loop", "()V", 2, 0, a);
    }

    private static void host(List<HostileCase> l) {
        String f = "host";
        add(l, f, "systemExit", jdkCall("java/lang/System", "exit", "(I)V", Asm.of(ICONST_0), Asm.of(RETURN)));
        add(l, f, "runtimeGetRuntime", jdkCall("java/lang/Runtime", "getRuntime", "()Ljava/lang/Runtime;", new Asm(),
                Asm.of(POP, RETURN)));
        Gen fn = Gen.firmware(C);
        int s = fn.string("java.lang.System");
        add(l, f, "classForName", fn.raw("loop", "()V", 1, 0, new Asm().op1(LDC, s).op2(INVOKESTATIC,
                fn.methodRef("java/lang/Class", "forName", "(Ljava/lang/String;)Ljava/lang/Class;")).ops(POP, RETURN)));
        Gen env = Gen.firmware(C);
        int home = env.string("HOME");
        add(l, f, "systemGetenv", env.raw("loop", "()V", 1, 0, new Asm().op1(LDC, home).op2(INVOKESTATIC,
                env.methodRef("java/lang/System", "getenv", "(Ljava/lang/String;)Ljava/lang/String;")).ops(POP, RETURN)));
        add(l, f, "threadSleep", jdkCall("java/lang/Thread", "sleep", "(J)V", Asm.of(LCONST_1), Asm.of(RETURN)));
        add(l, f, "methodHandlesLookup", jdkCall("java/lang/invoke/MethodHandles", "lookup",
                "()Ljava/lang/invoke/MethodHandles$Lookup;", new Asm(), Asm.of(POP, RETURN)));
        add(l, f, "mathRandom", jdkCall("java/lang/Math", "random", "()D", new Asm(), Asm.of(POP2, RETURN)));
        add(l, f, "halMethodMissing", jdkCall(Gen.SERIAL, "exit", "()V", new Asm(), Asm.of(RETURN)));
        add(l, f, "halClassMissing", jdkCall("dev/tinyj/hal/Evil", "run", "()V", new Asm(), Asm.of(RETURN)));
        add(l, f, "nulInClassName", jdkCall("hx/A\u0000B", "g", "()V", new Asm(), Asm.of(RETURN)));
        add(l, f, "emptyClassName", jdkCall("", "g", "()V", new Asm(), Asm.of(RETURN)));
        add(l, f, "trailingSlash", jdkCall("hx/", "g", "()V", new Asm(), Asm.of(RETURN)));
        l.add(trick("parentDir", root -> "../outside/Decoy", ClassFamilies::callsHit));
        l.add(trick("dotDotInside", root -> "hx/../../outside/Decoy", ClassFamilies::callsHit));
        l.add(trick("absolute", root -> root.toAbsolutePath() + "/outside/Decoy", ClassFamilies::callsHit));
        l.add(trick("superclassParentDir", root -> "../outside/Decoy",
                t -> Gen.loop(C, 0, 0, Asm.of(RETURN)).superclass(t)));
        l.add(trick("fieldOwnerParentDir", root -> "../outside/Decoy", t -> {
            Gen g = Gen.firmware(C);
            return g.raw("loop", "()V", 1, 0, new Asm().op2(GETSTATIC, g.fieldRef(t, "x", "I")).ops(POP, RETURN));
        }));
        l.add(new HostileCase(f, "mainAbsolute", root -> new HostileCase.Layout(
                root.toAbsolutePath() + "/outside/Decoy", Map.of(C, Gen.loop(C, 0, 0, Asm.of(RETURN)).bytes()),
                Map.of(DECOY_FILE, decoy(root.toAbsolutePath() + "/outside/Decoy")))));
        l.add(new HostileCase(f, "mainParentDir", root -> new HostileCase.Layout("../outside/Decoy",
                Map.of(C, Gen.loop(C, 0, 0, Asm.of(RETURN)).bytes()), Map.of(DECOY_FILE, decoy("../outside/Decoy")))));
    }

    private static void structure(List<HostileCase> l) {
        String f = "structure";
        add(l, f, "selfSuperclass", Gen.loop(C, 0, 0, Asm.of(RETURN)).superclass(C));
        add(l, f, "circularPair", Gen.loop(C, 0, 0, Asm.of(RETURN)).superclass("hx/B"),
                new Gen("hx/B").superclass(C));
        add(l, f, "circularTriple", Gen.loop(C, 0, 0, Asm.of(RETURN)).superclass("hx/B"),
                new Gen("hx/B").superclass("hx/D"), new Gen("hx/D").superclass("hx/B"));
        add(l, f, "superclassMissing", Gen.loop(C, 0, 0, Asm.of(RETURN)).superclass("hx/Nope"));
        add(l, f, "superclassInterface", Gen.loop(C, 0, 0, Asm.of(RETURN)).superclass("hx/I"),
                new Gen("hx/I").flags(ClassFile.ACC_INTERFACE | ClassFile.ACC_ABSTRACT));
        add(l, f, "superclassHal", Gen.loop(C, 0, 0, Asm.of(RETURN)).superclass(Gen.SERIAL));
        add(l, f, "superclassZero", Gen.loop(C, 0, 0, Asm.of(RETURN)).superclass(null));
        Gen dupField = Gen.firmware(C).field("x", "I", ClassFile.ACC_STATIC).field("x", "I", ClassFile.ACC_STATIC);
        add(l, f, "duplicateField", dupField.raw("loop", "()V", 1, 0, new Asm().op2(GETSTATIC,
                dupField.fieldRef(C, "x", "I")).ops(POP, RETURN)));
        add(l, f, "duplicateMethod", Gen.loop(C, 0, 0, Asm.of(RETURN)).raw("loop", "()V", 0, 0,
                new Asm().op2(GOTO, 0)));
        Gen two = Gen.firmware(C).field("x", "I", ClassFile.ACC_STATIC).field("x", "F", ClassFile.ACC_STATIC);
        add(l, f, "sameNameTwoDescriptors", two.raw("loop", "()V", 1, 0, new Asm().op(ICONST_5)
                .op2(PUTSTATIC, two.fieldRef(C, "x", "I")).op(FCONST_2).op2(PUTSTATIC, two.fieldRef(C, "x", "F"))
                .op2(GETSTATIC, two.fieldRef(C, "x", "I")).op2(INVOKESTATIC, two.println()).op(RETURN)));
        add(l, f, "interfaceMain", Gen.loop(C, 0, 0, Asm.of(RETURN))
                .flags(ClassFile.ACC_PUBLIC | ClassFile.ACC_INTERFACE | ClassFile.ACC_ABSTRACT));
        add(l, f, "setupNotStatic", new Gen(C).raw("setup", "()V", ClassFile.ACC_PUBLIC, 0, 1, Asm.of(RETURN).bytes())
                .raw("loop", "()V", 0, 0, Asm.of(RETURN)));
        add(l, f, "loopMissing", Gen.firmware(C));
        l.add(HostileCase.bytes(f, "thisClassMismatch", C, Gen.loop("hx/Other", 0, 0, Asm.of(RETURN)).bytes()));
        add(l, f, "abstractLoop", Gen.firmware(C).bodiless("loop", "()V", STATIC | ClassFile.ACC_ABSTRACT));
        add(l, f, "nativeLoop", Gen.firmware(C).bodiless("loop", "()V", STATIC | ClassFile.ACC_NATIVE));
        Gen inst = Gen.firmware(C).field("x", "I", ClassFile.ACC_PUBLIC);
        add(l, f, "getstaticOfInstanceField", inst.raw("loop", "()V", 1, 0, new Asm().op2(GETSTATIC,
                inst.fieldRef(C, "x", "I")).ops(POP, RETURN)));
        add(l, f, "accessFlagsAllSet", Gen.loop(C, 0, 0, Asm.of(RETURN)).flags(0xFFFF));
        Gen semi = Gen.firmware(C);
        add(l, f, "methodNameWithSemicolon", semi.raw("loop", "()V", 0, 0, new Asm().op2(INVOKESTATIC,
                semi.methodRef(C, "lo;op", "()V")).op(RETURN)).raw("lo;op", "()V", 0, 0, Asm.of(RETURN)));
        Gen dot = Gen.firmware(C).field("a.b", "I", ClassFile.ACC_STATIC);
        add(l, f, "fieldNameWithDot", dot.raw("loop", "()V", 1, 0, new Asm().op2(GETSTATIC,
                dot.fieldRef(C, "a.b", "I")).ops(POP, RETURN)));
        add(l, f, "version44", Gen.loop(C, 0, 0, Asm.of(RETURN)).version(44));
        add(l, f, "version70", Gen.loop(C, 0, 0, Asm.of(RETURN)).version(70));
        Gen base = new Gen("hx/Base").field("x", "I", ClassFile.ACC_STATIC);
        Gen sub = new Gen("hx/Sub").superclass("hx/Base");
        Gen uses = Gen.firmware(C);
        add(l, f, "staticFieldThroughSubclass", uses.raw("loop", "()V", 1, 0, new Asm().op(ICONST_5)
                .op2(PUTSTATIC, uses.fieldRef("hx/Base", "x", "I")).op2(GETSTATIC, uses.fieldRef("hx/Sub", "x", "I"))
                .op2(INVOKESTATIC, uses.println()).op(RETURN)), base, sub);
    }
}
