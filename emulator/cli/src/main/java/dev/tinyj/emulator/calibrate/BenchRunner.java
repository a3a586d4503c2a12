package dev.tinyj.emulator.calibrate;

import dev.tinyj.boards.Board;
import dev.tinyj.emulator.vm.decode.Program;
import dev.tinyj.emulator.vm.exec.Machine;
import dev.tinyj.emulator.vm.exec.MachineOptions;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Map;

/**
 * Runs one {@link Benchmark} on a fresh machine the way {@code bench.c} runs it natively: inputs
 * filled untimed (the generator restarted per benchmark), weights in flash ({@code @Progmem};
 * FC 256->64 from flash segment 1) or copied to SRAM untimed ({@code plat_copy_from_flash}), then
 * exactly one kernel call, timed by the machine's cycle delta, and the Fletcher-16 of its outputs.
 */
final class BenchRunner {
    private final Machine m;
    private final Benchmark b;

    private BenchRunner(Machine m, Benchmark b) {
        this.m = m;
        this.b = b;
    }

    /** Runs {@code b} linked as {@code program} on a fresh machine for {@code board}. */
    static KernelRun run(CalibFirmware firmware, Benchmark b, BenchRow row, Board board, CalibCore core) {
        Program p = firmware.program(b.int32(), board);
        MachineOptions d = MachineOptions.defaults(new ByteArrayOutputStream());
        Machine m = new Machine(p, board, new MachineOptions(d.watchdogCycles(), d.serial(),
                Map.of(CalibFirmware.FC256_SEGMENT, firmware.fc256Weights()), d.adcTrace(), d.semihostInput(), 0));
        m.runInitializers();
        m.setup();
        return new BenchRunner(m, b).go(row, core);
    }

    private KernelRun go(BenchRow row, CalibCore core) {
        String k = b.kernel();
        int n0 = b.dim(0);
        long[] args;
        int out = 0;
        int outLen;
        switch (k) {
            case "mac" -> {
                byte[] ab = BenchDriver.fill8(2 * n0);
                args = a(bytes(Arrays.copyOfRange(ab, 0, n0)), bytes(Arrays.copyOfRange(ab, n0, 2 * n0)), n0);
                outLen = 4;
            }
            case "copy" -> {
                int src = bytes(BenchDriver.fill8(n0));
                out = bytes(new byte[n0]);
                args = a(out, src, n0);
                outLen = n0;
            }
            case "clamp" -> {
                out = bytes(BenchDriver.fill8(n0));
                args = a(out, n0, BenchDriver.CLAMP_MIN, BenchDriver.CLAMP_MAX);
                outLen = n0;
            }
            case "requant" -> {
                int in = ints(BenchDriver.requantInputs(n0));
                out = bytes(new byte[n0]);
                args = a(in, n0, BenchDriver.RQ_MULT, BenchDriver.RQ_SHIFT, BenchDriver.OUT_OFF, BenchDriver.ACT_MIN,
                        BenchDriver.ACT_MAX, out);
                outLen = n0;
            }
            case "avgpool" -> {
                int n = n0 * b.dim(1) * b.dim(2);
                int in = bytes(BenchDriver.fill8(n));
                out = bytes(new byte[n / 4]);
                args = a(in, n0, b.dim(1), b.dim(2), BenchDriver.ACT_MIN, BenchDriver.ACT_MAX, out);
                outLen = n / 4;
            }
            default -> {
                int nin = k.equals("fc") ? n0 : n0 * b.dim(1) * b.dim(2);
                outLen = switch (k) {
                    case "fc" -> b.dim(1);
                    case "conv" -> n0 * b.dim(1) * b.dim(3);
                    default -> nin;
                };
                int in = bytes(BenchDriver.fill8(nin));
                out = bytes(new byte[outLen]);
                args = weightArgs(in, out);
            }
        }
        m.startProfile();
        long i0 = m.instructions();
        long t0 = m.cycles();
        long r = m.call(b.owner(), k, CalibFirmware.descriptor(b.int32(), k), args);
        long cycles = m.cycles() - t0;
        long bytecodes = m.instructions() - i0;
        byte[] res = k.equals("mac") ? new byte[] {(byte) r, (byte) (r >> 8), (byte) (r >> 16), (byte) (r >> 24)}
                : Arrays.copyOf(m.bytes(out), outLen);
        return new KernelRun(b, row, core, cycles, bytecodes, BenchDriver.fletcher16(res),
                m.memory().stackPeakBytes(), m, m.costKeyCounts());
    }

    /** The weight kernels' arguments: qp block, dims, in, weights, bias, mult, shift, out. */
    private long[] weightArgs(int in, int out) {
        int w = (int) helper("table8", b.layer());
        int bias = (int) helper("table32", b.layer());
        int mult = (int) helper("table32", 10 + b.layer());
        int shift = (int) helper("table8", 10 + b.layer());
        if (b.sram()) {   // plat_copy_from_flash, untimed
            w = bytes(m.array(w).b);
            shift = bytes(m.array(shift).b);
            bias = ints(m.array(bias).i);
            mult = ints(m.array(mult).i);
        }
        long[] head = {BenchDriver.IN_OFF, BenchDriver.OUT_OFF, BenchDriver.ACT_MIN, BenchDriver.ACT_MAX};
        long[] tail = {in, w, bias, mult, shift, out};
        long[] args = new long[head.length + b.dims().size() + tail.length];
        System.arraycopy(head, 0, args, 0, head.length);
        for (int k = 0; k < b.dims().size(); k++) {
            args[head.length + k] = b.dim(k);
        }
        System.arraycopy(tail, 0, args, head.length + b.dims().size(), tail.length);
        return args;
    }

    private long helper(String name, long arg) {
        return m.call(b.owner(), name, CalibFirmware.descriptor(b.int32(), name), arg);
    }

    private int bytes(byte[] v) {
        int h = (int) helper("newBytes", v.length);
        System.arraycopy(v, 0, m.array(h).b, 0, v.length);
        return h;
    }

    private int ints(int[] v) {
        int h = (int) helper("newInts", v.length);
        System.arraycopy(v, 0, m.array(h).i, 0, v.length);
        return h;
    }

    private static long[] a(long... v) {
        return v;
    }
}
