package dev.tinyj.conformance.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tinyj.conformance.support.Emu;
import dev.tinyj.emulator.calibrate.fw.CalibInt16;
import dev.tinyj.emulator.vm.load.ClassPath;
import dev.tinyj.emulator.vm.load.FirmwareImage;
import dev.tinyj.emulator.vm.verify.SubsetVerifier;
import dev.tinyj.hal.Serial;
import dev.tinyj.runtime.firmware.InferenceFirmware;
import dev.tinyj.runtime.model.ModelImage;
import java.io.IOException;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.MethodModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * Every firmware in the repository verifies clean with the type checks (JVMS §4.10) in place:
 * each main class ({@code static setup()V} and {@code loop()V}) compiled with the tests under
 * {@code fw/} and {@code probe/} (except {@code probe/bad}, the verifier's negative probes, and
 * {@link #NEGATIVE}),
 * tiny-runtime's {@link InferenceFirmware}, the calibration firmware, and {@code examples/*.java}
 * compiled here with javac.
 */
class EveryFirmwareVerifiesTest {
    /** Firmware outside the subset on purpose (the CLI's exit-2 test). */
    private static final java.util.Set<String> NEGATIVE = java.util.Set.of("fw.cli.OutsideSubset");

    @Test
    void everyFirmwareInTheRepositoryVerifiesClean() throws Exception {
        Path tests = Probes.testClasses();
        Path runtime = Emu.classesOf(ModelImage.class);
        Map<String, List<String>> refused = new TreeMap<>();
        List<String> mains = mainsUnder(tests, "fw", "probe");
        for (String main : mains) {
            if (!NEGATIVE.contains(main)) {
                check(refused, List.of(tests, runtime), main);
            }
        }
        check(refused, List.of(runtime), InferenceFirmware.class.getName());
        check(refused, List.of(Emu.classesOf(CalibInt16.class)), CalibInt16.class.getName());
        Path examples = compileExamples();
        List<String> exampleMains = mainsUnder(examples, "");
        for (String main : exampleMains) {
            check(refused, List.of(examples, runtime), main);
        }
        assertEquals(Map.of(), refused);
        assertTrue(mains.size() >= 30, "found only " + mains.size() + " firmware mains in the test classes");
        assertTrue(exampleMains.containsAll(List.of("Blink", "HelloSine")), exampleMains::toString);
    }

    private static void check(Map<String, List<String>> refused, List<Path> classPath, String main) throws Exception {
        try (ClassPath cp = ClassPath.of(classPath)) {
            List<String> messages = SubsetVerifier.verify(FirmwareImage.load(cp, main)).messages();
            // a main that calls a model's generated resolver is complete only with it: ignore that one message
            List<String> own = messages.stream().filter(m -> !m.contains("dev/tinyj/runtime/generated/")).toList();
            if (!own.isEmpty()) {
                refused.put(main, own);
            }
        }
    }

    /** Binary names of the main classes in {@code root}'s packages starting with one of {@code prefixes}. */
    private static List<String> mainsUnder(Path root, String... prefixes) throws IOException {
        List<String> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class")).sorted().toList()) {
                String file = root.relativize(f).toString().replace('\\', '/');
                String name = file.substring(0, file.length() - ".class".length());
                boolean wanted = Stream.of(prefixes).anyMatch(p -> p.isEmpty() ? !name.contains("/")
                        : name.startsWith(p + "/")) && !name.startsWith("probe/bad/");
                if (wanted && isMain(ClassFile.of().parse(f))) {
                    out.add(name.replace('/', '.'));
                }
            }
        }
        return out;
    }

    private static boolean isMain(ClassModel c) {
        int found = 0;
        for (MethodModel m : c.methods()) {
            boolean isStatic = (m.flags().flagsMask() & ClassFile.ACC_STATIC) != 0;
            if (isStatic && m.methodType().equalsString("()V")
                    && (m.methodName().equalsString("setup") || m.methodName().equalsString("loop"))) {
                found++;
            }
        }
        return found == 2;
    }

    private static Path compileExamples() throws IOException {
        Path src = Path.of("../examples");
        if (!Files.isDirectory(src)) {
            src = Path.of("examples");
        }
        List<String> args = new ArrayList<>(List.of("-g", "-cp", Emu.classesOf(Serial.class) + java.io.File.pathSeparator
                + Emu.classesOf(ModelImage.class), "-d"));
        Path out = Files.createTempDirectory("tinyj-examples");
        args.add(out.toString());
        try (Stream<Path> files = Files.list(src)) {
            files.filter(p -> p.toString().endsWith(".java")).forEach(p -> args.add(p.toString()));
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertEquals(0, javac.run(null, null, null, args.toArray(String[]::new)), "examples/*.java compile");
        return out;
    }
}
