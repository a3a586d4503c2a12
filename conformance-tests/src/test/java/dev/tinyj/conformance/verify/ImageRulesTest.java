package dev.tinyj.conformance.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tinyj.emulator.vm.load.ImageException;
import java.io.IOException;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassTransform;
import java.lang.classfile.FieldModel;
import java.lang.classfile.MethodModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import probe.bad.HostOnlyHal;
import probe.bad.OutsideCall;

/**
 * Calls and fields must resolve inside the image or to the native catalog. Missing members are
 * made by copying {@code probe/bad/UsesHelper} with a damaged {@code probe/bad/Helper}.
 */
class ImageRulesTest {
    private static final String USES = "probe/bad/UsesHelper.java:8: error: ";
    private static final String AT = " (UsesHelper.loop()V, bytecode ";

    @TempDir
    Path dir;

    @Test
    void callOutsideTheImageIsRejected() throws Exception {
        assertEquals(List.of(
                "probe/bad/OutsideCall.java:10: error: call outside the image: java/lang/Integer.bitCount(I)I"
                        + " (OutsideCall.loop()V, bytecode 3)"),
                Probes.verify(OutsideCall.class).messages());
    }

    @Test
    void hostOnlyHalMethodsAreRejected() throws Exception {
        assertEquals(List.of(
                "probe/bad/HostOnlyHal.java:8: error: host-only HAL method: dev/tinyj/hal/Mcu.reset()V"
                        + " (HostOnlyHal.setup()V, bytecode 0)",
                "probe/bad/HostOnlyHal.java:9: error: host-only HAL method: dev/tinyj/hal/Adc.bind([I)V"
                        + " (HostOnlyHal.setup()V, bytecode 14)"),
                Probes.verify(HostOnlyHal.class).messages());
    }

    @Test
    void helperInTheImageVerifiesClean() throws Exception {
        copy("probe/bad/UsesHelper");
        copy("probe/bad/Helper");
        assertEquals(List.of(), Probes.verify(dir, "probe.bad.UsesHelper").messages());
    }

    @Test
    void missingClassIsReportedAtEveryUse() throws Exception {
        copy("probe/bad/UsesHelper");
        assertEquals(List.of(
                USES + "cannot find class probe/bad/Helper" + AT + "0)",
                USES + "cannot find class probe/bad/Helper" + AT + "3)",
                USES + "cannot find class probe/bad/Helper" + AT + "6)"),
                Probes.verify(dir, "probe.bad.UsesHelper").messages());
    }

    @Test
    void missingMethodIsReported() throws Exception {
        copy("probe/bad/UsesHelper");
        writeHelper(ClassTransform.dropping(e -> e instanceof MethodModel m && m.methodName().equalsString("twice")));
        assertEquals(List.of(USES + "cannot find method probe/bad/Helper.twice(I)I" + AT + "3)"),
                Probes.verify(dir, "probe.bad.UsesHelper").messages());
    }

    @Test
    void missingFieldIsReported() throws Exception {
        copy("probe/bad/UsesHelper");
        writeHelper(ClassTransform.dropping(e -> e instanceof FieldModel f && f.fieldName().equalsString("value")));
        assertEquals(List.of(
                USES + "cannot find field probe/bad/Helper.value" + AT + "0)",
                USES + "cannot find field probe/bad/Helper.value" + AT + "6)"),
                Probes.verify(dir, "probe.bad.UsesHelper").messages());
    }

    @Test
    void unparsableClassFileThrowsImageException() throws Exception {
        copy("probe/bad/UsesHelper");
        Files.write(dir.resolve("probe/bad/Helper.class"), new byte[] {(byte) 0xCA, (byte) 0xFE, 0, 1});
        assertThrows(ImageException.class, () -> Probes.verify(dir, "probe.bad.UsesHelper"));
    }

    private void copy(String internalName) throws IOException {
        Path to = dir.resolve(internalName + ".class");
        Files.createDirectories(to.getParent());
        Files.copy(Probes.testClasses().resolve(internalName + ".class"), to);
    }

    private void writeHelper(ClassTransform transform) throws IOException {
        ClassFile cf = ClassFile.of();
        byte[] helper = Files.readAllBytes(Probes.testClasses().resolve("probe/bad/Helper.class"));
        Files.write(dir.resolve("probe/bad/Helper.class"), cf.transformClass(cf.parse(helper), transform));
    }
}
