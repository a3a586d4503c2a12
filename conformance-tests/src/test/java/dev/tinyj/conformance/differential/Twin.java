package dev.tinyj.conformance.differential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.tinyj.conformance.support.Emu;
import dev.tinyj.emulator.vm.exec.Machine;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs one firmware function twice, on the host JVM (a direct reflective call) and in the emulator
 * ({@link Machine#call}) on every board of {@link #BOARDS}, and asserts identical results: ints
 * and longs equal as raw slots (ints sign-extended), floats bit-identical.
 *
 * <p>A firmware class here is a {@code fw.diff} class whose public static methods other than
 * {@code setup()}/{@code loop()} are pure functions. One machine per class and board is built
 * once, initialised and set up, then reused for every call; the host class is set up once too.
 */
final class Twin {
    /** The differential firmware classes. */
    static final List<Class<?>> FIRMWARE = List.of(fw.diff.IntOps.class, fw.diff.LongOps.class,
            fw.diff.FloatOps.class, fw.diff.ArrayOps.class, fw.diff.LocalOps.class);

    /** Boards every function runs on: an 8-bit AVR without FPU and a Cortex-M4F. */
    static final List<String> BOARDS = List.of("arduino-uno", "nucleo-l4r5zi");

    /** Every function descriptor some property drives; {@code FunctionShapesTest} keeps them complete. */
    static final List<String> SHAPES = List.of("(I)I", "(I)J", "(I)F", "(II)I", "(J)J", "(J)I", "(J)F",
            "(JJ)J", "(JJ)I", "(JI)J", "(F)F", "(F)I", "(F)J", "(FF)F", "(FF)I", "(FI)F");

    /** Float functions that only move bits (sign flip, sign clear, bit cast): NaN payloads must survive. */
    static final Set<String> BIT_TRANSFERS = Set.of("neg", "abs", "fromBits");

    private static final Map<String, Machine> MACHINES = new ConcurrentHashMap<>();
    private static final Map<Class<?>, Boolean> HOST_READY = new ConcurrentHashMap<>();

    private Twin() {
    }

    /** The public static functions of a firmware class, setup() and loop() excluded, by name. */
    static List<Method> functions(Class<?> firmware) {
        List<Method> out = new ArrayList<>();
        for (Method m : firmware.getDeclaredMethods()) {
            int mod = m.getModifiers();
            if (Modifier.isPublic(mod) && Modifier.isStatic(mod) && !m.getName().equals("setup")
                    && !m.getName().equals("loop")) {
                out.add(m);
            }
        }
        out.sort(Comparator.comparing(Method::getName));
        return out;
    }

    /** Every function of every firmware class with this descriptor. */
    static List<Method> withDescriptor(String descriptor) {
        List<Method> out = new ArrayList<>();
        for (Class<?> c : FIRMWARE) {
            for (Method m : functions(c)) {
                if (descriptor(m).equals(descriptor)) {
                    out.add(m);
                }
            }
        }
        return out;
    }

    /** Checks every function with {@code descriptor} on {@code args}; fails when there is none. */
    static void checkAll(String descriptor, Object... args) {
        List<Method> fns = withDescriptor(descriptor);
        assertFalse(fns.isEmpty(), "no firmware function has descriptor " + descriptor);
        for (Method fn : fns) {
            check(fn, args);
        }
    }

    /** Calls {@code fn} on the host and in the emulator on each board; asserts identical results. */
    static void check(Method fn, Object... args) {
        long host = raw(fn.getReturnType(), invokeHost(fn, args));
        long[] slots = slots(args);
        String owner = fn.getDeclaringClass().getName().replace('.', '/');
        String desc = descriptor(fn);
        for (String board : BOARDS) {
            long emu = machine(fn.getDeclaringClass(), board).call(owner, fn.getName(), desc, slots);
            if (fn.getReturnType() == float.class) {
                emu = (int) emu;
            }
            if (host != emu && !bothNaN(fn, host, emu)) {
                assertEquals(show(fn.getReturnType(), host), show(fn.getReturnType(), emu),
                        fn.getDeclaringClass().getSimpleName() + "." + fn.getName() + desc + Arrays.toString(args)
                                + " on " + board + ": host JVM vs emulator");
            }
        }
    }

    /**
     * Which NaN an arithmetic operation returns when NaNs meet is unspecified (JVMS §2.3.2 says
     * only "NaN"), and HotSpot itself answers differently: for {@code NaN * NaN} its interpreter
     * returns one operand's payload and C2, free to commute the multiply, the other. So a NaN
     * result of arithmetic matches any NaN; the pure bit transfers ({@link #BIT_TRANSFERS}) and
     * every non-NaN result must be bit-identical.
     */
    private static boolean bothNaN(Method fn, long host, long emu) {
        return fn.getReturnType() == float.class && !BIT_TRANSFERS.contains(fn.getName())
                && Float.isNaN(Float.intBitsToFloat((int) host)) && Float.isNaN(Float.intBitsToFloat((int) emu));
    }

    /** The JVMS descriptor of a method with primitive parameters and return. */
    static String descriptor(Method m) {
        StringBuilder sb = new StringBuilder("(");
        for (Class<?> p : m.getParameterTypes()) {
            sb.append(p.descriptorString());
        }
        return sb.append(')').append(m.getReturnType().descriptorString()).toString();
    }

    /** Argument slots as {@link Machine#call} takes them: a long is the value then 0. */
    static long[] slots(Object... args) {
        long[] out = new long[args.length * 2];
        int n = 0;
        for (Object a : args) {
            switch (a) {
                case Long l -> {
                    out[n++] = l;
                    out[n++] = 0;
                }
                case Float f -> out[n++] = Float.floatToRawIntBits(f);
                case Integer i -> out[n++] = i;
                default -> throw new IllegalArgumentException("unsupported argument " + a);
            }
        }
        return Arrays.copyOf(out, n);
    }

    /** A host result as a raw slot: ints sign-extended, floats as their raw bits. */
    static long raw(Class<?> type, Object v) {
        if (type == float.class) {
            return Float.floatToRawIntBits((Float) v);
        }
        if (type == long.class) {
            return (Long) v;
        }
        return ((Number) v).longValue();
    }

    private static String show(Class<?> type, long raw) {
        if (type == float.class) {
            int bits = (int) raw;
            return Float.intBitsToFloat(bits) + " (0x" + Integer.toHexString(bits) + ")";
        }
        return raw + " (0x" + Long.toHexString(raw) + ")";
    }

    private static Object invokeHost(Method fn, Object... args) {
        Class<?> c = fn.getDeclaringClass();
        try {
            if (HOST_READY.putIfAbsent(c, Boolean.TRUE) == null) {
                c.getMethod("setup").invoke(null);
            }
            return fn.invoke(null, args);
        } catch (InvocationTargetException e) {
            throw new AssertionError("firmware threw on the host JVM: " + fn, e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The shared, set-up machine for {@code firmware} on {@code board}. */
    static Machine machine(Class<?> firmware, String board) {
        return MACHINES.computeIfAbsent(firmware.getName() + "@" + board, k -> {
            Machine m = Emu.machine(Emu.build(firmware, board), board, new ByteArrayOutputStream());
            m.runInitializers();
            m.setup();
            return m;
        });
    }
}
