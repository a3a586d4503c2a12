package dev.tinyj.conformance.kernels.support;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.tinyj.conformance.support.Emu;
import dev.tinyj.emulator.vm.Firmware;
import dev.tinyj.emulator.vm.SubsetException;
import dev.tinyj.emulator.vm.decode.Program;
import dev.tinyj.emulator.vm.exec.Machine;
import dev.tinyj.emulator.vm.load.ClassPath;
import dev.tinyj.emulator.vm.load.ImageException;
import dev.tinyj.runtime.math.FixedPoint;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs a kernel wrapper (a firmware class whose static methods take {@code (byte[], int)} pairs,
 * the last pair being the output) both on the host JVM and in the emulator, and asserts the
 * output arrays are byte-identical. The firmware is built from the wrapper's class folder plus
 * tiny-runtime's, so building also verifies the kernels are inside the subset.
 */
public final class KernelFirmware {
    private static final Map<String, Program> PROGRAMS = new ConcurrentHashMap<>();

    private KernelFirmware() {
    }

    /** The wrapper built for {@code board} with every public static method as an entry point (cached). */
    public static Program program(Class<?> wrapper, String board) {
        return PROGRAMS.computeIfAbsent(wrapper.getName() + "@" + board, k -> {
            Set<String> entries = new java.util.HashSet<>();
            for (Method m : wrapper.getDeclaredMethods()) {
                if (java.lang.reflect.Modifier.isPublic(m.getModifiers()) && !m.getName().equals("setup")
                        && !m.getName().equals("loop")) {
                    entries.add(m.getName());
                }
            }
            try (ClassPath cp = ClassPath.of(List.of(Emu.classesOf(wrapper), Emu.classesOf(FixedPoint.class)))) {
                return Firmware.build(cp, wrapper.getName(), Emu.board(board), entries);
            } catch (ImageException | SubsetException e) {
                throw new IllegalStateException(e.getMessage() + (e instanceof SubsetException s ? "\n"
                        + String.join("\n", s.violations()) : ""), e);
            }
        });
    }

    /**
     * Calls {@code wrapper.name(args)} on the host and in the emulator on {@code board}; args
     * alternate {@code byte[]} and {@code Integer} offsets. Asserts identical outputs (the last
     * array) and returns it.
     */
    public static byte[] check(Class<?> wrapper, String board, String name, Object... args) {
        Object[] host = new Object[args.length];
        Class<?>[] types = new Class<?>[args.length];
        StringBuilder desc = new StringBuilder("(");
        for (int k = 0; k < args.length; k++) {
            boolean array = args[k] instanceof byte[];
            host[k] = array ? ((byte[]) args[k]).clone() : args[k];
            types[k] = array ? byte[].class : int.class;
            desc.append(array ? "[B" : "I");
        }
        desc.append(")V");
        try {
            wrapper.getMethod(name, types).invoke(null, host);
        } catch (NoSuchMethodException | IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(e);
        }
        Machine m = Emu.machine(program(wrapper, board), board, new ByteArrayOutputStream());
        m.runInitializers();
        m.setup();
        long[] slots = new long[args.length];
        int outHandle = -1;
        int last = -1;
        for (int k = 0; k < args.length; k++) {
            if (args[k] instanceof byte[] b) {
                outHandle = m.allocate(b);
                slots[k] = outHandle;
                last = k;
            } else {
                slots[k] = (Integer) args[k];
            }
        }
        m.call(wrapper.getName().replace('.', '/'), name, desc.toString(), slots);
        byte[] emu = m.bytes(outHandle);
        byte[] hostOut = (byte[]) host[last];
        assertArrayEquals(hostOut, emu, wrapper.getSimpleName() + "." + name + " on " + board
                + ": host JVM vs emulator");
        return Arrays.copyOf(hostOut, hostOut.length);
    }
}
