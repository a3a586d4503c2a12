package dev.tinyj.conformance.sine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tinyj.conformance.support.Emu;
import dev.tinyj.emulator.run.ModelBuild;
import dev.tinyj.emulator.vm.Firmware;
import dev.tinyj.emulator.vm.decode.Program;
import dev.tinyj.emulator.vm.exec.Machine;
import dev.tinyj.emulator.vm.exec.MachineOptions;
import dev.tinyj.emulator.vm.load.ClassPath;
import dev.tinyj.hal.Serial;
import dev.tinyj.runtime.model.ModelImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * {@code examples/HelloSine.java} compiled with the JDK's compiler and run on arduino-uno with the
 * bundled sine model in flash segment 0 and only its kernels linked: 16 inferences over x in
 * [0, 2pi), each y within 0.1 of sin(x) (the mean error is asserted by BundledSineModelTest), the LED's PWM duty following y.
 */
class HelloSineExampleTest {
    @Test
    void runsOnTheUnoAndFollowsTheSine() throws Exception {
        Path src = Path.of("../examples/HelloSine.java");
        if (!Files.isRegularFile(src)) {
            src = Path.of("examples/HelloSine.java");
        }
        Path out = Files.createTempDirectory("hello-sine");
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        String cp = Emu.classesOf(Serial.class) + java.io.File.pathSeparator + Emu.classesOf(ModelImage.class);
        assertEquals(0, javac.run(null, null, null, "-g", "-cp", cp, "-d", out.toString(), src.toString()),
                "examples/HelloSine.java compiles against the HAL and tiny-runtime");

        ModelBuild build = ModelBuild.of(BundledSineModelTest.resource("/dev/tinyj/emulator/models/sine_int8.tflite"),
                "sine_int8");
        Program program;
        try (ClassPath classPath = ClassPath.of(List.of(out, Emu.classesOf(ModelImage.class)))
                .withGenerated(build.resolver())) {
            program = Firmware.build(classPath, "HelloSine", Emu.board("arduino-uno"));
        }
        ByteArrayOutputStream serial = new ByteArrayOutputStream();
        Machine m = new Machine(program, Emu.board("arduino-uno"), new MachineOptions(
                MachineOptions.DEFAULT_WATCHDOG_CYCLES, serial, Map.of(0, build.image()), new int[0], new byte[0], 0));
        m.runInitializers();
        m.setup();
        for (int k = 0; k < 16; k++) {
            m.loop();
            String[] lines = serial.toString(StandardCharsets.ISO_8859_1).split("\n");
            String[] f = lines[lines.length - 1].trim().split("\\s+");
            double x = Double.parseDouble(f[0]);
            double y = Double.parseDouble(f[1]);
            assertTrue(Math.abs(y - Math.sin(x)) < 0.1, "x " + x + " y " + y);
            assertEquals(Math.max(0, Math.min(255, (int) (((float) y + 1f) * 127.5f))), m.pwmDuty(9), "LED duty at x " + x);
        }
        assertTrue(m.memory().sramPeakBytes() < 2048, "fits the Uno's SRAM");
    }
}
