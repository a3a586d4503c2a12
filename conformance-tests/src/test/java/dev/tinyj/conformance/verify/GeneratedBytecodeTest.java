package dev.tinyj.conformance.verify;

import static java.lang.constant.ConstantDescs.CD_int;
import static java.lang.constant.ConstantDescs.CD_void;
import static java.lang.constant.ConstantDescs.MTD_void;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.classfile.ClassFile;
import java.lang.classfile.Label;
import java.lang.classfile.instruction.DiscontinuedInstruction;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.lang.constant.DirectMethodHandleDesc;
import java.lang.constant.MethodHandleDesc;
import java.lang.constant.MethodTypeDesc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Constructs javac does not emit from plain Java source, built with {@code java.lang.classfile}:
 * {@code ldc} of a MethodType, MethodHandle and dynamic constant, a HAL field read that javac
 * would have inlined, an enum-switch table read, {@code jsr/ret} (a version 49 class file). The
 * class has no SourceFile or LineNumberTable, so messages name {@code gen/Odd.class} and line 0.
 */
class GeneratedBytecodeTest {
    private static final ClassDesc ODD = ClassDesc.of("gen.Odd");

    @TempDir
    Path dir;

    @Test
    void constantsSubroutinesAndForeignFieldsAreRejected() throws Exception {
        byte[] bytes = ClassFile.of().build(ODD, cb -> {
            cb.withVersion(ClassFile.JAVA_5_VERSION, 0);
            cb.withField("$SwitchMap$gen$Mode", ClassDesc.ofDescriptor("[I"), ClassFile.ACC_STATIC);
            cb.withMethodBody("setup", MTD_void, ClassFile.ACC_PUBLIC | ClassFile.ACC_STATIC, c -> c.return_());
            cb.withMethodBody("loop", MTD_void, ClassFile.ACC_PUBLIC | ClassFile.ACC_STATIC, c -> {
                Label sub = c.newLabel();
                c.ldc(MethodTypeDesc.of(CD_void, CD_int)).pop()
                        .ldc(MethodHandleDesc.ofMethod(DirectMethodHandleDesc.Kind.STATIC, ODD, "loop", MTD_void)).pop()
                        .ldc(ConstantDescs.NULL).pop()
                        .getstatic(ClassDesc.of("dev.tinyj.hal.Gpio"), "HIGH", CD_int).pop()
                        .getstatic(ODD, "$SwitchMap$gen$Mode", ClassDesc.ofDescriptor("[I")).pop()
                        .with(DiscontinuedInstruction.JsrInstruction.of(sub))
                        .return_()
                        .labelBinding(sub)
                        .astore(0)
                        .with(DiscontinuedInstruction.RetInstruction.of(0));
            });
        });
        Files.createDirectories(dir.resolve("gen"));
        Files.write(dir.resolve("gen/Odd.class"), bytes);
        String at = " (Odd.loop()V, bytecode ";
        assertEquals(List.of(
                "gen/Odd.class:0: error: method type constant (ldc (I)V): method handles need objects" + at + "0)",
                "gen/Odd.class:0: error: method handle constant (ldc gen/Odd.loop): method handles need objects" + at
                        + "3)",
                "gen/Odd.class:0: error: dynamic constant (ldc _): dynamic constants need objects" + at + "6)",
                "gen/Odd.class:0: error: field outside the image: dev/tinyj/hal/Gpio.HIGH" + at + "9)",
                "gen/Odd.class:0: error: enum switch table (getstatic gen/Odd.$SwitchMap$gen$Mode): enums are"
                        + " objects: use static final int constants" + at + "13)",
                "gen/Odd.class:0: error: subroutine (jsr): recompile with a current javac" + at + "17)",
                "gen/Odd.class:0: error: subroutine (ret): recompile with a current javac" + at + "22)"),
                Probes.verify(dir, "gen.Odd").messages());
    }
}
