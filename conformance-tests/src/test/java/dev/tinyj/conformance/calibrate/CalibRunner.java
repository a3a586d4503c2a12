package dev.tinyj.conformance.calibrate;

import dev.tinyj.conformance.support.Emu;
import dev.tinyj.emulator.vm.decode.Program;
import dev.tinyj.emulator.vm.exec.Machine;
import dev.tinyj.emulator.vm.exec.MachineOptions;
import java.io.ByteArrayOutputStream;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs one {@link CalibCase} in the emulator the way {@code bench.c} runs it natively: inputs
 * filled untimed (xorshift16 from 0xACE1, restarted per benchmark), weights in flash
 * ({@code @Progmem}; FC 256->64 from flash segment 1) or copied to SRAM untimed, then exactly one
 * kernel call timed by the machine's cycle delta, and the Fletcher-16 of the outputs as
 * {@code report()} computes it.
 */
final class CalibRunner {
    /** The C driver's qp block: in_off 5 (input zp -5), out_off -3, act -128..127. */
    static final int IN_OFF = 5, OUT_OFF = -3, ACT_MIN = -128, ACT_MAX = 127;
    /** model_data.h RQ_MULT / RQ_SHIFT of the requantize loop. */
    static final int RQ_MULT = 1099511628, RQ_SHIFT = -9;
    static final String[] ENTRIES = {"newBytes", "newInts", "table8", "table32", "mac", "copy", "clamp", "requant",
        "avgpool", "fc", "conv", "dwconv"};

    private final byte[] fc256Weights;
    private final Map<String, Program> programs = new HashMap<>();

    /** @param fc256Weights the 16 KB fc256x64_w table (flash segment 1) */
    CalibRunner(byte[] fc256Weights) {
        this.fc256Weights = fc256Weights;
    }

    /**
     * @param cycles the timed call's cycles
     * @param checksum Fletcher-16 of the outputs, 4 hex digits as bench.c prints it
     * @param bytecodes bytecode instructions the call executed
     */
    record Result(long cycles, String checksum, long bytecodes) {
    }

    /** Runs {@code c} on a fresh machine for {@code board}. */
    Result run(CalibCase c, String board) {
        Class<?> fw = c.int32() ? fw.calib.CalibInt32.class : fw.calib.CalibInt16.class;
        Program p = programs.computeIfAbsent(fw.getName() + "@" + board, k -> Emu.build(fw, board, ENTRIES));
        MachineOptions d = MachineOptions.defaults(new ByteArrayOutputStream());
        Machine m = new Machine(p, Emu.board(board), new MachineOptions(d.watchdogCycles(), d.serial(),
                Map.of(1, fc256Weights), d.adcTrace(), d.semihostInput(), 0));
        m.runInitializers();
        m.setup();
        return new Run(m, c, fw).go();
    }

    /** One benchmark on one fresh machine. */
    private record Run(Machine m, CalibCase c, Class<?> fw) {
        Result go() {
            int[] d = c.dims();
            String k = c.kernel();
            long[] args;
            int outHandle = 0;
            int outLen;
            switch (k) {
                case "mac" -> {
                    byte[] ab = fill8(2 * d[0]);
                    args = a(bytes(Arrays.copyOfRange(ab, 0, d[0])), bytes(Arrays.copyOfRange(ab, d[0], 2 * d[0])), d[0]);
                    outLen = 4;
                }
                case "copy" -> {
                    int src = bytes(fill8(d[0]));
                    outHandle = bytes(new byte[d[0]]);
                    args = a(outHandle, src, d[0]);
                    outLen = d[0];
                }
                case "clamp" -> {
                    outHandle = bytes(fill8(d[0]));
                    args = a(outHandle, d[0], -3, 127);
                    outLen = d[0];
                }
                case "requant" -> {
                    int in = (int) m.call(c.owner(), "newInts", "(I)[I", d[0]);
                    int[] v = m.array(in).i;
                    Xorshift r = new Xorshift();
                    for (int i = 0; i < d[0]; i++) {
                        int hi = r.next();   // the left operand's rnd8() first, as every C build did
                        int lo = r.next() & 0xff;
                        v[i] = (short) ((hi << 8) | lo) * 3;
                    }
                    outHandle = bytes(new byte[d[0]]);
                    args = a(in, d[0], RQ_MULT, RQ_SHIFT, OUT_OFF, ACT_MIN, ACT_MAX, outHandle);
                    outLen = d[0];
                }
                case "avgpool" -> {
                    int n = d[0] * d[1] * d[2];
                    int in = bytes(fill8(n));
                    outHandle = bytes(new byte[n / 4]);
                    args = a(in, d[0], d[1], d[2], ACT_MIN, ACT_MAX, outHandle);
                    outLen = n / 4;
                }
                default -> {
                    int nin = k.equals("fc") ? d[0] : d[0] * d[1] * d[2];
                    outLen = switch (k) {
                        case "fc" -> d[1];
                        case "conv" -> d[0] * d[1] * d[3];
                        default -> nin;
                    };
                    int in = bytes(fill8(nin));
                    outHandle = bytes(new byte[outLen]);
                    int w = (int) m.call(c.owner(), "table8", "(I)[B", c.layer());
                    int b = (int) m.call(c.owner(), "table32", "(I)[I", c.layer());
                    int mu = (int) m.call(c.owner(), "table32", "(I)[I", 10 + c.layer());
                    int s = (int) m.call(c.owner(), "table8", "(I)[B", 10 + c.layer());
                    if (c.sram()) {   // plat_copy_from_flash, untimed
                        w = bytes(m.array(w).b);
                        s = bytes(m.array(s).b);
                        b = ints(m.array(b).i);
                        mu = ints(m.array(mu).i);
                    }
                    long[] dims = Arrays.stream(d).asLongStream().toArray();
                    long[] head = {IN_OFF, OUT_OFF, ACT_MIN, ACT_MAX};
                    long[] tail = {in, w, b, mu, s, outHandle};
                    args = new long[head.length + dims.length + tail.length];
                    System.arraycopy(head, 0, args, 0, 4);
                    System.arraycopy(dims, 0, args, 4, dims.length);
                    System.arraycopy(tail, 0, args, 4 + dims.length, tail.length);
                }
            }
            long i0 = m.instructions();
            long t0 = m.cycles();
            long r = m.call(c.owner(), k, descriptor(k), args);
            long t1 = m.cycles();
            long i1 = m.instructions();
            byte[] res = k.equals("mac") ? new byte[] {(byte) r, (byte) (r >> 8), (byte) (r >> 16), (byte) (r >> 24)}
                    : Arrays.copyOf(m.bytes(outHandle), outLen);
            return new Result(t1 - t0, fletcher16(res), i1 - i0);
        }

        private String descriptor(String name) {
            for (Method x : fw.getMethods()) {
                if (x.getName().equals(name)) {
                    return MethodType.methodType(x.getReturnType(), x.getParameterTypes()).toMethodDescriptorString();
                }
            }
            throw new IllegalArgumentException(name);
        }

        private int bytes(byte[] v) {
            int h = (int) m.call(c.owner(), "newBytes", "(I)[B", v.length);
            System.arraycopy(v, 0, m.array(h).b, 0, v.length);
            return h;
        }

        private int ints(int[] v) {
            int h = (int) m.call(c.owner(), "newInts", "(I)[I", v.length);
            System.arraycopy(v, 0, m.array(h).i, 0, v.length);
            return h;
        }

        private static long[] a(long... v) {
            return v;
        }
    }

    /** bench.c's generator: xorshift16 (7, 9, 8) from 0xACE1, low byte as int8. */
    static final class Xorshift {
        private int rng = 0xACE1;

        int next() {
            rng ^= (rng << 7) & 0xffff;
            rng ^= rng >>> 9;
            rng ^= (rng << 8) & 0xffff;
            return (byte) rng;
        }
    }

    /** fill8: n generator bytes, the generator restarted. */
    static byte[] fill8(int n) {
        Xorshift r = new Xorshift();
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) r.next();
        }
        return b;
    }

    /** report(): Fletcher-16 (mod 255) of the bytes, (s2 << 8) | s1 as 4 lowercase hex digits. */
    static String fletcher16(byte[] b) {
        int s1 = 0;
        int s2 = 0;
        for (byte x : b) {
            s1 = (s1 + (x & 0xff)) % 255;
            s2 = (s2 + s1) % 255;
        }
        return String.format("%04x", (s2 << 8) | s1);
    }
}
