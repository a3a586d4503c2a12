package dev.tinyj.emulator.vm.verify;

import dev.tinyj.emulator.vm.load.FirmwareImage;
import dev.tinyj.emulator.vm.load.ImageException;
import dev.tinyj.emulator.vm.natives.NativeCatalog;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.FieldModel;
import java.lang.classfile.MethodModel;
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

    private final FirmwareImage image;

    MemberRules(FirmwareImage image) {
        this.image = image;
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
        Resolved<MethodModel> r = lookup(owner, "method " + target,
                c -> c.methods().stream().filter(m -> m.methodName().equalsString(name)
                        && m.methodType().equalsString(desc)).findFirst());
        if (r.found() && (r.member().flags().flagsMask() & ClassFile.ACC_STATIC) == 0) {
            return Resolved.rejected("invokestatic of instance method " + target + ": use static methods");
        }
        return r;
    }

    /** Resolves a {@code getstatic} or {@code putstatic} of {@code owner.name}. */
    Resolved<FieldModel> field(String owner, String name, String desc) throws ImageException {
        String target = owner + "." + name;
        if (FirmwareImage.isOutsideImage(owner)) {
            boolean stdout = owner.equals("java/lang/System") && (name.equals("out") || name.equals("err"));
            return Resolved.rejected("field outside the image: " + target + (stdout ? ": " + Hints.PRINT_HINT : ""));
        }
        return lookup(owner, "field " + target, c -> c.fields().stream()
                .filter(f -> f.fieldName().equalsString(name) && f.fieldType().equalsString(desc)).findFirst());
    }

    private <M> Resolved<M> lookup(String owner, String what, Function<ClassModel, Optional<M>> find)
            throws ImageException {
        Optional<ClassModel> start = image.classModel(owner);
        if (start.isEmpty()) {
            return Resolved.rejected("cannot find class " + owner);
        }
        ClassModel c = start.get();
        while (true) {
            Optional<M> m = find.apply(c);
            if (m.isPresent()) {
                return new Resolved<>(c, m.get(), null);
            }
            Optional<ClassModel> sup = superclass(c);
            if (sup.isEmpty()) {
                return Resolved.rejected("cannot find " + what);
            }
            c = sup.get();
        }
    }

    /** The superclass of {@code c} when it is a firmware class (not {@code java/lang/Object}). */
    Optional<ClassModel> superclass(ClassModel c) throws ImageException {
        if (c.superclass().isEmpty()) {
            return Optional.empty();
        }
        String name = c.superclass().get().asInternalName();
        return FirmwareImage.isOutsideImage(name) ? Optional.empty() : image.classModel(name);
    }
}
