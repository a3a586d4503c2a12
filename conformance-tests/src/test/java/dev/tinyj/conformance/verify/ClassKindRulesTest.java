package dev.tinyj.conformance.verify;

import static java.lang.constant.ConstantDescs.MTD_void;

import java.lang.classfile.ClassFile;
import java.lang.constant.ClassDesc;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Class files a JVM refuses to load as classes, found by a fresh hostile user after the verifier
 * landed: each is refused by {@code tinyj verify} and {@code tinyj firmware} with exit 2 naming
 * the rule (JVMS §4.1, §4.9.1, §5.4.3), never run.
 */
class ClassKindRulesTest {
    private static final int PUBLIC_STATIC = ClassFile.ACC_PUBLIC | ClassFile.ACC_STATIC;

    @TempDir
    Path dir;

    private byte[] withLoop(String name, java.util.function.Consumer<java.lang.classfile.ClassBuilder> more) {
        return Hostile.firmware(name, cb -> {
            cb.withMethodBody("loop", MTD_void, PUBLIC_STATIC, c -> c.return_());
            more.accept(cb);
        });
    }

    @Test
    void anInterfaceIsNoFirmwareClass() {
        Hostile.write(dir, "gen.Odd", withLoop("gen.Odd",
                cb -> cb.withFlags(ClassFile.ACC_PUBLIC | ClassFile.ACC_INTERFACE | ClassFile.ACC_ABSTRACT)));
        Hostile.refusedByCli(dir.toString(), "gen.Odd", "firmware classes are classes (JVMS §4.1)");
    }

    @Test
    void aSuperclassOutsideTheFirmwareIsRefused() {
        Hostile.write(dir, "gen.Odd", withLoop("gen.Odd", cb -> cb.withSuperclass(ClassDesc.of("java.lang.Thread"))));
        Hostile.refusedByCli(dir.toString(), "gen.Odd", "superclass java/lang/Thread is outside the firmware");
    }

    @Test
    void aFinalSuperclassCannotBeExtended() {
        Hostile.write(dir, "gen.Base", Hostile.firmware("gen.Base", cb -> cb.withFlags(ClassFile.ACC_PUBLIC
                | ClassFile.ACC_FINAL | ClassFile.ACC_SUPER)));
        Hostile.write(dir, "gen.Odd", withLoop("gen.Odd", cb -> cb.withSuperclass(ClassDesc.of("gen.Base"))));
        Hostile.refusedByCli(dir.toString(), "gen.Odd", "cannot extend final class Base");
    }

    @Test
    void aVersionBelow45IsRefused() {
        Hostile.write(dir, "gen.Odd", withLoop("gen.Odd", cb -> cb.withVersion(44, 0)));
        Hostile.refusedByCli(dir.toString(), "gen.Odd", "class-file version 44.0 is outside 45..");
    }
}
