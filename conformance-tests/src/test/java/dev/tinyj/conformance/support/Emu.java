package dev.tinyj.conformance.support;

import dev.tinyj.boards.Board;
import dev.tinyj.boards.BoardException;
import dev.tinyj.boards.Boards;
import dev.tinyj.emulator.vm.Firmware;
import dev.tinyj.emulator.vm.SubsetException;
import dev.tinyj.emulator.vm.decode.Program;
import dev.tinyj.emulator.vm.exec.Machine;
import dev.tinyj.emulator.vm.exec.MachineOptions;
import dev.tinyj.emulator.vm.load.ClassPath;
import dev.tinyj.emulator.vm.load.ImageException;
import dev.tinyj.hal.Serial;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Test support: build firmware (compiled test classes or generated class bytes) for a board, run it
 * in the emulator, and run the same firmware on the host JVM for differential comparison.
 */
public final class Emu {
    private Emu() {
    }

    /** A shipped board by id. */
    public static Board board(String id) {
        try {
            return Boards.load(id);
        } catch (BoardException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** The class folder a compiled test class lives in. */
    public static Path classesOf(Class<?> c) {
        try {
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Loads, verifies and links firmware class {@code main} (compiled with the tests, with
     * tiny-runtime's classes on the firmware classpath too) for {@code board}; {@code entryPoints} names static methods of {@code main} that
     * {@link Machine#call} may call besides setup/loop.
     */
    public static Program build(Class<?> main, String board, String... entryPoints) {
        // the firmware's own classes first, then tiny-runtime's (kernels, math) when they live apart
        List<Path> entries = new java.util.ArrayList<>(List.of(classesOf(main)));
        Path runtime = classesOf(dev.tinyj.runtime.model.ModelImage.class);
        if (!entries.contains(runtime)) {
            entries.add(runtime);
        }
        // the generated OpBridges and default OpResolver shadow the runtime's link-time placeholder
        try (ClassPath cp = ClassPath.of(entries).withGenerated(
                dev.tinyj.emulator.toolchain.image.ResolverGenerator.link(null, null))) {
            return Firmware.build(cp, main.getName(), board(board), java.util.Set.of(entryPoints));
        } catch (ImageException | SubsetException e) {
            throw new IllegalStateException(e.getMessage() + (e instanceof SubsetException s ? "\n"
                    + String.join("\n", s.violations()) : ""), e);
        }
    }

    /**
     * Writes generated classes ({@code internal name → bytes}) to a fresh temp folder and builds
     * {@code main} from it for {@code board}.
     */
    public static Program build(Map<String, byte[]> classes, String main, String board) throws ImageException,
            SubsetException {
        return build(classes, main, board, java.util.Set.of());
    }

    /**
     * {@link #build(Map, String, String)} with extra entry points: static methods of {@code main} the
     * host calls ({@link Machine#call}), which are therefore never inlined (docs/cost-model.md).
     */
    public static Program build(Map<String, byte[]> classes, String main, String board, java.util.Set<String> entryPoints)
            throws ImageException, SubsetException {
        try {
            Path dir = Files.createTempDirectory("tinyj-gen");
            for (var e : classes.entrySet()) {
                Path f = dir.resolve(e.getKey() + ".class");
                Files.createDirectories(f.getParent());
                Files.write(f, e.getValue());
            }
            try (ClassPath cp = ClassPath.of(List.of(dir))) {
                return Firmware.build(cp, main, board(board), entryPoints);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fresh machine for {@code program} on {@code board}, Serial bytes into {@code serial}. */
    public static Machine machine(Program program, String board, ByteArrayOutputStream serial) {
        return new Machine(program, board(board), MachineOptions.defaults(serial));
    }

    /**
     * Runs {@code main}'s initialisers, setup() and {@code loops} loop()s in the emulator.
     *
     * @return the Serial bytes as ISO-8859-1 text
     */
    public static String runEmulated(Class<?> main, String board, int loops) {
        ByteArrayOutputStream serial = new ByteArrayOutputStream();
        Machine m = machine(build(main, board), board, serial);
        m.runInitializers();
        m.setup();
        for (int k = 0; k < loops && m.loop(); k++) {
            // loop() until the count or a halt
        }
        return serial.toString(java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    /**
     * Runs {@code main}'s setup() and {@code loops} loop()s on the host JVM with the HAL's host
     * implementation ({@code <clinit>} runs on first use, as the JVM does).
     *
     * @return the Serial bytes as ISO-8859-1 text
     */
    public static synchronized String runHost(Class<?> main, int loops) {
        ByteArrayOutputStream serial = new ByteArrayOutputStream();
        Serial.redirect(new PrintStream(serial, true));
        try {
            Method setup = main.getMethod("setup");
            Method loop = main.getMethod("loop");
            setup.invoke(null);
            for (int k = 0; k < loops; k++) {
                loop.invoke(null);
            }
        } catch (InvocationTargetException e) {
            if (!(e.getCause() instanceof dev.tinyj.hal.McuStop stop && stop.isHalt())) {
                throw new IllegalStateException("firmware threw on the host JVM", e.getCause());
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        } finally {
            Serial.redirect(System.out);
        }
        return serial.toString(java.nio.charset.StandardCharsets.ISO_8859_1);
    }
}
