package dev.tinyj.emulator.vm.verify;

import dev.tinyj.emulator.vm.load.FirmwareImage;
import dev.tinyj.emulator.vm.load.ImageException;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassHierarchyResolver;
import java.lang.classfile.ClassModel;
import java.lang.classfile.constantpool.ClassEntry;
import java.lang.constant.ClassDesc;
import java.lang.reflect.AccessFlag;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The second, independent verification layer: the JDK's own verifier ({@code ClassFile.verify}, a
 * port of the JVM's type checker, JVMS §4.10.1) over <em>every</em> method of a reached class of
 * version 50 or later, checking its code against its StackMapTable. TinyJ's own inference
 * ({@link TypeInference}) never reads the StackMapTable and checks only reached methods; this
 * layer refuses what a JVM would refuse to load at all — a lying or malformed StackMapTable, a
 * malformed method nothing calls — so no class a JVM rejects runs here. Classes of versions 45–49
 * have no StackMapTable and the JDK refuses to verify them; for them the inference is the only
 * check.
 *
 * <p>Class hierarchy questions (rare in the subset: no object types) are answered from the
 * firmware image first, then from the JDK's own classes.
 */
final class JdkVerification {
    /** The first class-file version whose methods carry a StackMapTable (JVMS §4.10.1). */
    static final int FIRST_TYPE_CHECKED_VERSION = 50;

    private final ClassFile verifier;

    JdkVerification(FirmwareImage image) {
        ClassHierarchyResolver fromImage = desc -> {
            try {
                Optional<ClassModel> m = image.classModel(internalName(desc));
                if (m.isEmpty()) {
                    return null;
                }
                if (m.get().flags().has(AccessFlag.INTERFACE)) {
                    return ClassHierarchyResolver.ClassHierarchyInfo.ofInterface();
                }
                return ClassHierarchyResolver.ClassHierarchyInfo.ofClass(
                        m.get().superclass().map(ClassEntry::asSymbol).orElse(null));
            } catch (ImageException | RuntimeException e) {
                return null; // unreadable: the structural layer reports it
            }
        };
        this.verifier = ClassFile.of(ClassFile.ClassHierarchyResolverOption.of(
                fromImage.orElse(ClassHierarchyResolver.defaultResolver())));
    }

    /** Every reason the JDK's verifier gives for {@code model} (empty for an older version or a clean class). */
    List<Violation> check(ClassModel model, String file) {
        List<Violation> out = new ArrayList<>();
        if (model.majorVersion() < FIRST_TYPE_CHECKED_VERSION) {
            return out;
        }
        String where = model.thisClass().asInternalName().replace('/', '.');
        List<VerifyError> errors;
        try {
            errors = verifier.verify(model);
        } catch (RuntimeException e) {
            errors = List.of(new VerifyError(String.valueOf(e.getMessage())));
        }
        for (VerifyError e : errors) {
            out.add(new Violation(file, 0, "rejected by the JVM's verifier (JVMS §4.10.1, code checked against its "
                    + "StackMapTable, every method): " + e.getMessage(), where, Violation.NO_OFFSET));
        }
        return out;
    }

    private static String internalName(ClassDesc desc) {
        String d = desc.descriptorString();
        return d.startsWith("L") ? d.substring(1, d.length() - 1) : d;
    }
}
