package dev.tinyj.conformance.verify;

import static java.lang.constant.ConstantDescs.CD_int;
import static java.lang.constant.ConstantDescs.CD_long;
import static java.lang.constant.ConstantDescs.CD_void;
import static java.lang.constant.ConstantDescs.MTD_void;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tinyj.conformance.support.Emu;
import dev.tinyj.emulator.vm.load.ClassPath;
import dev.tinyj.emulator.vm.load.ImageException;
import java.io.ByteArrayOutputStream;
import java.lang.classfile.ClassFile;
import java.lang.constant.ClassDesc;
import java.lang.constant.MethodTypeDesc;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import probe.link.StaticInherit;

/**
 * Resolution and linking (JVMS §5.3.5, §5.4.3): class circularity, static-only field access,
 * fields resolved to their declaring class with one slot per name and descriptor, and class
 * names that never leave {@code --classpath}.
 */
class ResolutionRulesTest {
    private static final int PUBLIC_STATIC = ClassFile.ACC_PUBLIC | ClassFile.ACC_STATIC;
    private static final String PRINT_INT = "println";

    @TempDir
    Path dir;

    private static byte[] plain(String name, String superName) {
        return ClassFile.of().build(ClassDesc.of(name), cb -> {
            cb.withSuperclass(ClassDesc.of(superName));
            cb.withMethodBody("f", MTD_void, PUBLIC_STATIC, c -> c.return_());
        });
    }

    @Test
    void circularSuperclassesAreRejectedNotHung() throws Exception {
        Hostile.write(dir, "gen.A", plain("gen.A", "gen.B"));
        Hostile.write(dir, "gen.B", plain("gen.B", "gen.A"));
        Hostile.write(dir, "gen.Main", Hostile.firmware("gen.Main", cb -> cb.withMethodBody("loop", MTD_void,
                PUBLIC_STATIC, c -> c.invokestatic(ClassDesc.of("gen.A"), "g", MTD_void).return_())));
        List<String> m = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> Hostile.messages(dir, "gen.Main"));
        assertEquals(List.of(
                "gen/A.class:0: error: class circularity: A extends B extends A: a class cannot be its own superclass"
                        + " (JVMS §5.3.5) (class A)",
                "gen/Main.class:0: error: cannot resolve method gen/A.g()V: the superclasses of gen/A are broken"
                        + " (their errors are listed) (Main.loop()V, bytecode 0)"), m);
        assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> Hostile.refusedByCli(dir.toString(), "gen.Main", "class circularity: A extends B extends A"));
    }

    @Test
    void aClassThatIsItsOwnSuperclassIsRejected() throws Exception {
        Hostile.write(dir, "gen.Main", ClassFile.of().build(ClassDesc.of("gen.Main"), cb -> {
            cb.withSuperclass(ClassDesc.of("gen.Main"));
            cb.withMethodBody("setup", MTD_void, PUBLIC_STATIC, c -> c.return_());
            cb.withMethodBody("loop", MTD_void, PUBLIC_STATIC, c -> c.return_());
        }));
        assertEquals(List.of("gen/Main.class:0: error: class circularity: Main extends Main: a class cannot be its own"
                + " superclass (JVMS §5.3.5) (class Main)"),
                assertTimeoutPreemptively(Duration.ofSeconds(20), () -> Hostile.messages(dir, "gen.Main")));
        Hostile.refusedByCli(dir.toString(), "gen.Main", "class circularity: Main extends Main");
    }

    @Test
    void getstaticOfAnInstanceFieldIsRejected() throws Exception {
        ClassDesc odd = ClassDesc.of("gen.Odd");
        Hostile.write(dir, "gen.Odd", Hostile.firmware("gen.Odd", cb -> {
            cb.withField("count", CD_int, 0);
            cb.withMethodBody("loop", MTD_void, PUBLIC_STATIC, c -> c.getstatic(odd, "count", CD_int).pop()
                    .iconst_1().putstatic(odd, "count", CD_int).return_());
        }));
        assertEquals(List.of(
                "gen/Odd.class:0: error: getstatic of instance field gen/Odd.count (JVMS §6.5.getstatic): use static"
                        + " fields (Odd.loop()V, bytecode 0)",
                "gen/Odd.class:0: error: putstatic of instance field gen/Odd.count (JVMS §6.5.putstatic): use static"
                        + " fields (Odd.loop()V, bytecode 5)"), Hostile.messages(dir, "gen.Odd"));
        Hostile.refusedByCli(dir.toString(), "gen.Odd", "getstatic of instance field gen/Odd.count");
    }

    @Test
    void subclassNamedStaticFieldIsTheDeclaringClassesField() {
        // javac: Base.x = 5; Serial.println(Sub.x); Sub.x = 7; Serial.println(Base.x);
        assertEquals("5\r\n7\r\n".replace("\r", ""), Emu.runHost(StaticInherit.class, 0).replace("\r", ""));
        assertEquals(Emu.runHost(StaticInherit.class, 0), Emu.runEmulated(StaticInherit.class, "arduino-uno", 0));
    }

    @Test
    void twoFieldsOfOneNameWithDifferentDescriptorsHaveTwoSlots() throws Exception {
        ClassDesc odd = ClassDesc.of("gen.Odd");
        ClassDesc serial = ClassDesc.of("dev.tinyj.hal.Serial");
        byte[] bytes = Hostile.firmware("gen.Odd", cb -> {
            cb.withField("v", CD_int, ClassFile.ACC_STATIC);
            cb.withField("v", CD_long, ClassFile.ACC_STATIC);
            cb.withMethodBody("loop", MTD_void, PUBLIC_STATIC, c -> c
                    .bipush(7).putstatic(odd, "v", CD_int)
                    .ldc(123_456_789_012L).putstatic(odd, "v", CD_long)
                    .getstatic(odd, "v", CD_int).invokestatic(serial, PRINT_INT, MethodTypeDesc.of(CD_void, CD_int))
                    .getstatic(odd, "v", CD_long).invokestatic(serial, PRINT_INT, MethodTypeDesc.of(CD_void, CD_long))
                    .return_());
        });
        var program = Emu.build(Map.of("gen/Odd", bytes), "gen.Odd", "arduino-uno");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        var machine = Emu.machine(program, "arduino-uno", out);
        machine.runInitializers();
        machine.setup();
        machine.loop();
        assertEquals("7\n123456789012\n", out.toString(StandardCharsets.ISO_8859_1).replace("\r", ""));
        assertEquals(4 + 8, program.staticBytes());
    }

    @Test
    void classNamesNeverReachOutsideTheClasspath() throws Exception {
        Path root = Files.createDirectories(dir.resolve("cp"));
        Files.write(dir.resolve("Outside.class"), Hostile.firmware("Outside", cb -> { }));
        try (ClassPath cp = ClassPath.of(List.of(root))) {
            for (String name : List.of("../Outside", "/etc/passwd", "a\\..\\..\\Outside", "a\u0000b", "", "a//b",
                    dir.resolve("Outside").toString(), "./Outside", "C:/Outside")) {
                ImageException e = assertThrows(ImageException.class, () -> cp.read(name), name);
                assertTrue(e.getMessage().contains("is not a well-formed class name"), e.getMessage());
            }
        }
    }

    @Test
    void aSymbolicLinkOutOfTheClasspathIsRefused() throws Exception {
        Path root = Files.createDirectories(dir.resolve("cp/gen"));
        Path outside = dir.resolve("Main.class");
        Files.write(outside, Hostile.firmware("gen.Main", cb -> cb.withMethodBody("loop", MTD_void, PUBLIC_STATIC,
                c -> c.return_())));
        Files.createSymbolicLink(root.resolve("Main.class"), outside);
        String cp = dir.resolve("cp").toString();
        Hostile.refusedByCli(cp, "gen.Main", "through a link that leaves the classpath: refused");
    }

    @Test
    void aMainClassNameWithAPathTrickIsRefused() throws Exception {
        Files.write(dir.resolve("Outside.class"), Hostile.firmware("Outside", cb -> { }));
        Path root = Files.createDirectories(dir.resolve("cp"));
        Hostile.refusedByCli(root.toString(), "../Outside", "is not a well-formed class name");
    }
}
