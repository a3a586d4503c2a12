package dev.tinyj.emulator.calibrate;

import dev.tinyj.boards.Board;
import dev.tinyj.emulator.calibrate.fw.CalibInt16;
import dev.tinyj.emulator.calibrate.fw.CalibInt32;
import dev.tinyj.emulator.vm.Firmware;
import dev.tinyj.emulator.vm.SubsetException;
import dev.tinyj.emulator.vm.decode.Program;
import dev.tinyj.emulator.vm.load.ClassPath;
import dev.tinyj.emulator.vm.load.ImageException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The calibration firmware as the emulator runs it: the ported kernels
 * ({@code dev.tinyj.emulator.calibrate.fw}) loaded from TinyJ's own classes (a folder or the
 * emulator jar, as {@code run} loads tiny-runtime's inference firmware), checked by the subset
 * verifier once per style and linked per board, plus the FC 256->64 weights for flash segment 1.
 */
public final class CalibFirmware {
    /** Static methods the host calls: the untimed helpers and every kernel. */
    static final Set<String> ENTRY_POINTS = Set.of("newBytes", "newInts", "table8", "table32", "mac", "copy", "clamp",
            "requant", "avgpool", "fc", "conv", "dwconv");
    /** The FC 256->64 weight table, a class-path resource (see PROVENANCE.md). */
    static final String FC256_WEIGHTS = "fc256x64_w.bin";
    /** Flash segment that holds it ({@code CalibQ.table8(2)}). */
    public static final int FC256_SEGMENT = 1;

    private final Map<Boolean, Firmware.Verified> verified = new HashMap<>();
    private final Map<String, Program> programs = new HashMap<>();
    private final byte[] fc256Weights;

    private CalibFirmware(byte[] fc256Weights) {
        this.fc256Weights = fc256Weights;
    }

    /**
     * Loads and verifies both styles.
     *
     * @throws IllegalStateException when TinyJ's own calibration firmware does not load or verify (a bug)
     */
    public static CalibFirmware load() {
        CalibFirmware f = new CalibFirmware(readFc256Weights());
        try (ClassPath cp = ClassPath.of(List.of(classes()))) {
            for (boolean int32 : new boolean[] {false, true}) {
                f.verified.put(int32, Firmware.verify(cp, firmwareClass(int32).getName(), ENTRY_POINTS));
            }
        } catch (ImageException | SubsetException e) {
            throw new IllegalStateException("the calibration firmware does not load: " + e.getMessage()
                    + (e instanceof SubsetException s ? "\n" + String.join("\n", s.violations()) : ""), e);
        }
        return f;
    }

    /** The verified image of one style (class models, reachable methods). */
    public Firmware.Verified verified(boolean int32) {
        return verified.get(int32);
    }

    /** One style linked for {@code board} (built once, then shared: a Program is immutable). */
    public Program program(boolean int32, Board board) {
        return programs.computeIfAbsent((int32 ? "int32@" : "int16@") + board.id(), k -> {
            try {
                return verified.get(int32).link(board);
            } catch (ImageException e) {
                throw new IllegalStateException("the calibration firmware does not link: " + e.getMessage(), e);
            }
        });
    }

    /** A copy of the FC 256->64 weights ({@code fc256x64_w}, 16,384 int8 values). */
    public byte[] fc256Weights() {
        return fc256Weights.clone();
    }

    /** The firmware class of a style. */
    public static Class<?> firmwareClass(boolean int32) {
        return int32 ? CalibInt32.class : CalibInt16.class;
    }

    /** The JVM descriptor of a kernel or helper of a style, e.g. {@code (SSBBSS[B[B[I[I[B[B)V}. */
    public static String descriptor(boolean int32, String method) {
        for (Method m : firmwareClass(int32).getMethods()) {
            if (m.getName().equals(method)) {
                return MethodType.methodType(m.getReturnType(), m.getParameterTypes()).toMethodDescriptorString();
            }
        }
        throw new IllegalArgumentException("no method " + method + " in " + firmwareClass(int32).getName());
    }

    /** Where TinyJ's own classes are: a folder or the emulator jar. */
    static Path classes() {
        try {
            return Path.of(CalibInt16.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate TinyJ's classes", e);
        }
    }

    private static byte[] readFc256Weights() {
        try (InputStream in = CalibFirmware.class.getResourceAsStream(FC256_WEIGHTS)) {
            if (in == null) {
                throw new IllegalStateException(FC256_WEIGHTS + " is missing from the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
