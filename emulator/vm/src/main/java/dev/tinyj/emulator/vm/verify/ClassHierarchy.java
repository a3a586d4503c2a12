package dev.tinyj.emulator.vm.verify;

import dev.tinyj.emulator.vm.load.FirmwareImage;
import dev.tinyj.emulator.vm.load.ImageException;
import java.lang.classfile.ClassModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SequencedSet;
import java.util.Set;

/**
 * The verifier's view of the image's classes: each class loaded once, checked by
 * {@link ClassStructure} before anything reads its members, counted against
 * {@link Limits#MAX_CLASSES}, and its chain of firmware superclasses walked iteratively with
 * class-circularity detection (JVMS §5.3.5: a class that is its own superclass, directly or not,
 * is rejected) and the {@link Limits#MAX_SUPERCLASS_DEPTH} limit. Class-level violations are
 * collected here, one set per class, placed at line 0 of the class with {@code class Name}.
 */
final class ClassHierarchy {
    /** How loading a class ended. */
    enum Status {
        /** Loaded and structurally sound: later layers may read it. */
        OK,
        /** Not on the classpath (or a HAL/JDK class). */
        MISSING,
        /** On the classpath but structurally broken (its violations are reported). */
        MALFORMED,
        /** Not loaded: the image already has {@link Limits#MAX_CLASSES} classes. */
        LIMIT
    }

    /**
     * One class as loaded.
     *
     * @param name internal name
     * @param model the class model (null unless {@link Status#OK} or {@link Status#MALFORMED})
     * @param file the file messages name: package path + SourceFile, else {@code name.class}
     * @param status how loading ended
     */
    record Loaded(String name, ClassModel model, String file, Status status) {
        boolean ok() {
            return status == Status.OK;
        }
    }

    private final FirmwareImage image;
    private final Map<String, Loaded> loaded = new HashMap<>();
    private final Set<Violation> violations = new LinkedHashSet<>();
    private final Map<String, List<Loaded>> chains = new HashMap<>();
    private final Map<String, Map<String, java.lang.classfile.MethodModel>> methodIndex = new HashMap<>();
    private final Map<String, Map<String, java.lang.classfile.FieldModel>> fieldIndex = new HashMap<>();
    private int present;

    ClassHierarchy(FirmwareImage image) {
        this.image = image;
    }

    /**
     * Loads {@code name} once and checks its structure.
     *
     * @throws ImageException when its class file does not parse at all
     */
    Loaded load(String name) throws ImageException {
        Loaded known = loaded.get(name);
        if (known != null) {
            return known;
        }
        Loaded result;
        if (FirmwareImage.isOutsideImage(name)) {
            result = new Loaded(name, null, name + ".class", Status.MISSING);
        } else if (present >= Limits.MAX_CLASSES) {
            result = new Loaded(name, null, name + ".class", Status.LIMIT);
        } else {
            Optional<ClassModel> model = image.classModel(name);
            if (model.isEmpty()) {
                result = new Loaded(name, null, name + ".class", Status.MISSING);
            } else {
                present++;
                List<String> problems = ClassStructure.check(model.get());
                String file = fileOf(name, model.get());
                for (String p : problems) {
                    violations.add(classViolation(name, file, p));
                }
                result = new Loaded(name, model.get(), file, problems.isEmpty() ? Status.OK : Status.MALFORMED);
            }
        }
        loaded.put(name, result);
        return result;
    }

    /**
     * The firmware superclasses of {@code c} (which must be OK), nearest first, ending below the
     * first class outside the image. Empty, after reporting at {@code c}, when the chain is
     * circular, longer than {@link Limits#MAX_SUPERCLASS_DEPTH}, or reaches a malformed class or
     * the class limit (then that class's own violations say why).
     *
     * @throws ImageException when a superclass's class file does not parse at all
     */
    Optional<List<Loaded>> superclasses(Loaded c) throws ImageException {
        List<Loaded> cached = chains.get(c.name());
        if (cached != null) {
            return cached.isEmpty() && hasSuper(c) ? Optional.empty() : Optional.of(cached);
        }
        List<Loaded> chain = new ArrayList<>();
        SequencedSet<String> path = new LinkedHashSet<>();
        path.add(c.name());
        Loaded at = c;
        boolean broken = false;
        while (hasSuper(at)) {
            String sup = at.model().superclass().orElseThrow().asInternalName();
            if (path.contains(sup)) {
                List<String> cycle = new ArrayList<>(path);
                cycle = cycle.subList(cycle.indexOf(sup), cycle.size());
                violations.add(classViolation(c.name(), c.file(), "class circularity: "
                        + String.join(" extends ", cycle.stream().map(MethodRef::simpleName).toList()) + " extends "
                        + MethodRef.simpleName(sup) + ": a class cannot be its own superclass (JVMS §5.3.5)"));
                broken = true;
                break;
            }
            if (chain.size() >= Limits.MAX_SUPERCLASS_DEPTH) {
                violations.add(classViolation(c.name(), c.file(), "more than "
                        + Limits.MAX_SUPERCLASS_DEPTH + " firmware superclasses above " + MethodRef.simpleName(c.name())
                        + ": the limit of the class chain depth (Limits.MAX_SUPERCLASS_DEPTH)"));
                broken = true;
                break;
            }
            Loaded next = load(sup);
            if (next.status() == Status.MISSING && !FirmwareImage.isOutsideImage(sup)) {
                violations.add(classViolation(c.name(), c.file(), "cannot find superclass " + sup));
                broken = true;
                break;
            }
            if (next.status() == Status.MISSING) {
                break;
            }
            if (!next.ok()) {
                broken = true;
                break;
            }
            if ((next.model().flags().flagsMask() & java.lang.classfile.ClassFile.ACC_FINAL) != 0) {
                violations.add(classViolation(c.name(), c.file(), "cannot extend final class "
                        + MethodRef.simpleName(sup) + " (JVMS §4.10, §5.4.3)"));
                broken = true;
                break;
            }
            path.add(sup);
            chain.add(next);
            at = next;
        }
        chains.put(c.name(), broken ? List.of() : List.copyOf(chain));
        return broken ? Optional.empty() : Optional.of(List.copyOf(chain));
    }

    /** Whether {@code c} names a superclass that may be a firmware class. */
    private static boolean hasSuper(Loaded c) {
        return c.model().superclass().isPresent()
                && !FirmwareImage.isOutsideImage(c.model().superclass().get().asInternalName());
    }

    /** The method {@code name desc} that OK class {@code c} declares, by an index built once per class. */
    Optional<java.lang.classfile.MethodModel> method(Loaded c, String name, String desc) {
        Map<String, java.lang.classfile.MethodModel> index = methodIndex.computeIfAbsent(c.name(), k -> {
            Map<String, java.lang.classfile.MethodModel> m = new HashMap<>();
            c.model().methods().forEach(x -> m.putIfAbsent(x.methodName().stringValue() + x.methodType().stringValue(), x));
            return m;
        });
        return Optional.ofNullable(index.get(name + desc));
    }

    /** The field {@code name desc} that OK class {@code c} declares, by an index built once per class. */
    Optional<java.lang.classfile.FieldModel> field(Loaded c, String name, String desc) {
        Map<String, java.lang.classfile.FieldModel> index = fieldIndex.computeIfAbsent(c.name(), k -> {
            Map<String, java.lang.classfile.FieldModel> m = new HashMap<>();
            c.model().fields().forEach(x -> m.putIfAbsent(x.fieldName().stringValue() + ":" + x.fieldType().stringValue(), x));
            return m;
        });
        return Optional.ofNullable(index.get(name + ":" + desc));
    }

    /** The class-level violations found so far. */
    Set<Violation> violations() {
        return violations;
    }

    /** {@code class Multi} at line 0 of the class's file. */
    static Violation classViolation(String name, String file, String reason) {
        return new Violation(file, 0, reason, "class " + MethodRef.simpleName(name), Violation.NO_OFFSET);
    }

    /** The class limit's reason, for a use site. */
    static String limitReason(String name) {
        return "class " + name + " not loaded: the image reaches more than "
                + String.format(Locale.ROOT, "%,d", Limits.MAX_CLASSES) + " classes (Limits.MAX_CLASSES)";
    }

    private static String fileOf(String name, ClassModel model) {
        String pkg = name.substring(0, name.lastIndexOf('/') + 1);
        String source = ClassStructure.sourceFileName(model);
        return source != null ? pkg + source : name + ".class";
    }
}
