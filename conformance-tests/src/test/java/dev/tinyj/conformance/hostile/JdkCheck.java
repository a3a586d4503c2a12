package dev.tinyj.conformance.hostile;

import java.io.ByteArrayInputStream;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassFileVersion;
import java.lang.classfile.ClassHierarchyResolver;
import java.lang.classfile.ClassModel;
import java.lang.classfile.ClassTransform;
import java.lang.classfile.CodeTransform;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The JVM's own opinion of a set of class files: {@code ClassFile.verify} (the JDK's port of the
 * JVMS §4.10 verifier), with class hierarchy looked up first among the set, then the JDK and the
 * HAL on the test classpath. A class of version 45-49 (which that verifier does not take) is
 * first rewritten at version 52 with stack maps the API computes, keeping its declared
 * {@code max_stack} and {@code max_locals}; code the API cannot compute frames for is malformed.
 * A superclass chain that loops within the set is rejected as the JVM's loader would (§5.3.5).
 */
final class JdkCheck {
    private JdkCheck() {
    }

    /** The first reason the JVM would reject one of {@code classes}, or empty when it loads them all. */
    static Optional<String> problem(Map<String, byte[]> classes) {
        ClassHierarchyResolver own = ClassHierarchyResolver.ofResourceParsing(desc -> {
            String internal = desc.descriptorString().substring(1, desc.descriptorString().length() - 1);
            byte[] b = classes.get(internal);
            return b == null ? null : new ByteArrayInputStream(b);
        });
        ClassFile cf = ClassFile.of(ClassFile.ClassHierarchyResolverOption.of(own
                .orElse(ClassHierarchyResolver.defaultResolver())
                .orElse(ClassHierarchyResolver.ofClassLoading(JdkCheck.class.getClassLoader()))));
        Optional<String> circular = circularity(cf, classes);
        if (circular.isPresent()) {
            return circular;
        }
        for (var e : classes.entrySet()) {
            try {
                ClassModel m = cf.parse(e.getValue());
                byte[] checked = m.majorVersion() < ClassFile.JAVA_6_VERSION ? upgraded(cf, m, e.getValue())
                        : e.getValue();
                List<VerifyError> errors = cf.verify(checked);
                if (!errors.isEmpty()) {
                    return Optional.of(e.getKey() + ": " + errors.getFirst().getMessage());
                }
            } catch (RuntimeException | LinkageError x) {
                return Optional.of(e.getKey() + ": " + x);
            }
        }
        return Optional.empty();
    }

    /** A class that is its own superclass, directly or not (JVMS §5.3.5: ClassCircularityError). */
    private static Optional<String> circularity(ClassFile cf, Map<String, byte[]> classes) {
        Map<String, String> supers = new java.util.HashMap<>();
        for (var e : classes.entrySet()) {
            try {
                cf.parse(e.getValue()).superclass().ifPresent(c -> supers.put(e.getKey(), c.asInternalName()));
            } catch (RuntimeException x) {
                // a class that does not parse is judged below
            }
        }
        java.util.Set<String> acyclic = new java.util.HashSet<>();
        for (String start : classes.keySet()) {
            java.util.Set<String> path = new java.util.HashSet<>();
            for (String at = start; at != null && !acyclic.contains(at); at = supers.get(at)) {
                if (!path.add(at)) {
                    return Optional.of(start + ": class circularity (a superclass of itself)");
                }
            }
            acyclic.addAll(path);
        }
        return Optional.empty();
    }

    private static byte[] upgraded(ClassFile cf, ClassModel m, byte[] original) {
        byte[] b = cf.transformClass(m, ClassTransform.transformingMethodBodies(CodeTransform.ACCEPT_ALL)
                .andThen((cb, ce) -> {
                    if (ce instanceof ClassFileVersion) {
                        cb.withVersion(ClassFile.JAVA_8_VERSION, 0);
                    } else {
                        cb.with(ce);
                    }
                }));
        ClassBytes before = new ClassBytes(original);
        for (int i = 0; i < before.methods.size(); i++) {
            var code = before.methods.get(i).attributes().stream().filter(a -> a.name().equals("Code")).findFirst();
            if (code.isPresent()) {
                ClassBytes after = new ClassBytes(b);
                b = after.withMaxs(after.methods.get(i), before.u2(code.get().info()),
                        before.u2(code.get().info() + 2));
            }
        }
        return b;
    }
}
