package dev.tinyj.emulator.vm.verify;

import dev.tinyj.emulator.vm.load.FirmwareImage;
import dev.tinyj.emulator.vm.load.ImageException;
import dev.tinyj.emulator.vm.natives.NativeCatalog;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.FieldModel;
import java.lang.classfile.MethodModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Resolves the symbolic references of {@code invokestatic}, {@code getstatic} and
 * {@code putstatic} (JVMS §5.4.3.2, §5.4.3.3: the named class, then its superclasses) against the
 * firmware image, and decides what lies outside it:
 * <ul>
 *   <li>a call outside the image is allowed only when {@link NativeCatalog} lists it; another
 *       {@code dev/tinyj/hal} method is host-only, anything else is a call outside the image;
 *   <li>every static field outside the image is rejected (javac inlines the HAL's constants, so
 *       a remaining access reads host state), with a hint for {@code System.out/err};
 *   <li>a class or member missing from the image is rejected by name.
 * </ul>
 */
final class MemberRules {
    /**
     * The outcome of resolving one reference: the declaring firmware class and member, or a
     * rejection reason, or neither (an allowed native).
     */
    record Resolved<M>(ClassModel declaring, M member, String reason) {
        static <M> Resolved<M> allowedNative() {
            return new Resolved<>(null, null, null);
        }

        static <M> Resolved<M> rejected(String reason) {
            return new Resolved<>(null, null, reason);
        }

        boolean found() {
            return declaring != null;
        }
    }

    private final ClassHierarchy classes;

    MemberRules(ClassHierarchy classes) {
        this.classes = classes;
    }

    /** Resolves an {@code invokestatic owner.name desc}. */
    Resolved<MethodModel> call(String owner, String name, String desc) throws ImageException {
        String target = owner + "." + name + desc;
        if (FirmwareImage.isOutsideImage(owner)) {
            if (NativeCatalog.find(owner, name, desc).isPresent()) {
                return Resolved.allowedNative();
            }
            if (owner.startsWith(FirmwareImage.HAL_PREFIX)) {
                return Resolved.rejected("host-only HAL method: " + target);
            }
            return Resolved.rejected("call outside the image: " + target);
        }
        Resolved<MethodModel> r = lookup(owner, "method " + target, c -> classes.method(c, name, desc));
        if (r.found() && (r.member().flags().flagsMask() & ClassFile.ACC_STATIC) == 0) {
            return Resolved.rejected("invokestatic of instance method " + target + ": use static methods");
        }
        return r;
    }

    /**
     * Resolves a {@code getstatic} or {@code putstatic} ({@code op}) of {@code owner.name} with
     * descriptor {@code desc}: to the class that declares the field (JVMS §5.4.3.2), which must
     * declare it static (JVMS §6.5.getstatic, §6.5.putstatic).
     */
    Resolved<FieldModel> field(String op, String owner, String name, String desc) throws ImageException {
        String target = owner + "." + name;
        if (FirmwareImage.isOutsideImage(owner)) {
            boolean stdout = owner.equals("java/lang/System") && (name.equals("out") || name.equals("err"));
            return Resolved.rejected("field outside the image: " + target + (stdout ? ": " + Hints.PRINT_HINT : ""));
        }
        Resolved<FieldModel> r = lookup(owner, "field " + target, c -> classes.field(c, name, desc));
        if (r.found() && (r.member().flags().flagsMask() & ClassFile.ACC_STATIC) == 0) {
            return Resolved.rejected(op + " of instance field " + target + " (JVMS §6.5." + op
                    + "): use static fields");
        }
        return r;
    }

    /** Searches {@code owner}, then its firmware superclasses, as JVMS §5.4.3.2 and §5.4.3.3 do. */
    private <M> Resolved<M> lookup(String owner, String what, Function<ClassHierarchy.Loaded, Optional<M>> find)
            throws ImageException {
        ClassHierarchy.Loaded start = classes.load(owner);
        switch (start.status()) {
            case MISSING -> {
                return Resolved.rejected("cannot find class " + owner);
            }
            case MALFORMED -> {
                return Resolved.rejected("class " + owner + " is malformed (its errors are listed)");
            }
            case LIMIT -> {
                return Resolved.rejected(ClassHierarchy.limitReason(owner));
            }
            case OK -> {
                // search it and its superclasses
            }
        }
        Optional<List<ClassHierarchy.Loaded>> supers = classes.superclasses(start);
        if (supers.isEmpty()) {
            return Resolved.rejected("cannot resolve " + what + ": the superclasses of " + owner
                    + " are broken (their errors are listed)");
        }
        List<ClassHierarchy.Loaded> search = new ArrayList<>();
        search.add(start);
        search.addAll(supers.get());
        for (ClassHierarchy.Loaded c : search) {
            Optional<M> m = find.apply(c);
            if (m.isPresent()) {
                return new Resolved<>(c.model(), m.get(), null);
            }
        }
        return Resolved.rejected("cannot find " + what);
    }

    /**
     * The nearest firmware superclass of {@code c} (not {@code java/lang/Object}), when the chain
     * above {@code c} is sound; empty otherwise (the chain's problems are reported).
     */
    Optional<ClassModel> superclass(ClassModel c) throws ImageException {
        ClassHierarchy.Loaded self = classes.load(c.thisClass().asInternalName());
        if (!self.ok()) {
            return Optional.empty();
        }
        return classes.superclasses(self).flatMap(l -> l.stream().findFirst()).map(ClassHierarchy.Loaded::model);
    }
}
