package dev.tinyj.emulator.calibrate;

import java.util.Locale;

/**
 * What the C driver ({@code calib/src/bench.c}) does around each timed kernel call, on the host:
 * its input generator, its parameter blocks' constants, and its output checksum.
 */
public final class BenchDriver {
    /** The qp block {@code QP}: in_off 5 (input zero point -5), out_off -3, activation -128..127. */
    public static final int IN_OFF = 5, OUT_OFF = -3, ACT_MIN = -128, ACT_MAX = 127;
    /** {@code b_clamp}'s bounds. */
    public static final int CLAMP_MIN = -3, CLAMP_MAX = 127;
    /** model_data.h {@code RQ_MULT} / {@code RQ_SHIFT} of the requantize loop. */
    public static final int RQ_MULT = 1099511628, RQ_SHIFT = -9;

    private int rng = 0xACE1;

    /** A generator restarted at bench.c's seed (it restarts per benchmark). */
    public BenchDriver() {
    }

    /** {@code rnd8()}: xorshift16 (7, 9, 8) from 0xACE1, the low byte as int8. */
    public int next() {
        rng ^= (rng << 7) & 0xffff;
        rng ^= rng >>> 9;
        rng ^= (rng << 8) & 0xffff;
        return (byte) rng;
    }

    /** {@code fill8}: {@code n} bytes from a restarted generator. */
    public static byte[] fill8(int n) {
        BenchDriver r = new BenchDriver();
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) r.next();
        }
        return b;
    }

    /**
     * {@code b_requant}'s inputs: {@code (int16)((rnd8() << 8) | (uint8)rnd8()) * 3}, the left
     * operand's {@code rnd8()} first, as every C build evaluated it.
     */
    public static int[] requantInputs(int n) {
        BenchDriver r = new BenchDriver();
        int[] v = new int[n];
        for (int i = 0; i < n; i++) {
            int hi = r.next();
            int lo = r.next() & 0xff;
            v[i] = (short) ((hi << 8) | lo) * 3;
        }
        return v;
    }

    /** {@code report()}: Fletcher-16 (mod 255) of the bytes, {@code (s2 << 8) | s1} as 4 lowercase hex digits. */
    public static String fletcher16(byte[] b) {
        int s1 = 0;
        int s2 = 0;
        for (byte x : b) {
            s1 = (s1 + (x & 0xff)) % 255;
            s2 = (s2 + s1) % 255;
        }
        return String.format(Locale.ROOT, "%04x", (s2 << 8) | s1);
    }
}
