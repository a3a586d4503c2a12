package dev.tinyj.emulator.calibrate.fw;

import dev.tinyj.hal.Flash;

/**
 * Shared pieces of the calibration firmware: the gemmlowp requantization of
 * {@code calib/src/qmath.h} (the same int32/int64 functions in both integer styles, as in the C),
 * called as static methods where the C inlines them, and the table lookups behind the untimed
 * host helpers that hand table references to the suite's driver.
 */
final class CalibQ {
    private CalibQ() {
    }

    /** q_srdhm: saturating rounding doubling high multiply (64-bit product, truncating division). */
    static int srdhm(int a, int b) {
        if (a == b && a == Integer.MIN_VALUE) {
            return Integer.MAX_VALUE;
        }
        long ab = (long) a * (long) b;
        long nudge = ab >= 0 ? (1L << 30) : (1 - (1L << 30));
        return (int) ((ab + nudge) / (1L << 31));
    }

    /** q_rdbpot: rounding arithmetic shift right by {@code e}. */
    static int rdbpot(int x, byte e) {
        int mask = (1 << e) - 1;
        int rem = x & mask;
        int thr = (mask >> 1) + (x < 0 ? 1 : 0);
        return (x >> e) + (rem > thr ? 1 : 0);
    }

    /** q_mbqm: MultiplyByQuantizedMultiplier. */
    static int mbqm(int x, int mult, byte shift) {
        byte left = shift > 0 ? shift : 0;
        byte right = shift > 0 ? 0 : (byte) -shift;
        return rdbpot(srdhm(x << left, mult), right);
    }

    /**
     * A byte table by layer id: weights (0 FC16, 1 FC64, 2 FC256 from flash segment 1, 3 CONV, 4 DW8,
     * 5 DW16) or shifts (10 + layer id).
     */
    static byte[] table8(int id) {
        switch (id) {
            case 0: return CalibData.FC16_W;
            case 1: return CalibData.FC64_W;
            case 2: return Flash.segment(1);
            case 3: return CalibData.CONV_W;
            case 4: return CalibData.DW8_W;
            case 5: return CalibData.DW16_W;
            case 10: return CalibData.FC16_S;
            case 11: return CalibData.FC64_S;
            case 12: return CalibData.FC256_S;
            case 13: return CalibData.CONV_S;
            case 14: return CalibData.DW8_S;
            default: return CalibData.DW16_S;
        }
    }

    /** An int table by id: bias (0..5) or multipliers (10 + id), same layer order as table8. */
    static int[] table32(int id) {
        switch (id) {
            case 0: return CalibData.FC16_B;
            case 1: return CalibData.FC64_B;
            case 2: return CalibData.FC256_B;
            case 3: return CalibData.CONV_B;
            case 4: return CalibData.DW8_B;
            case 5: return CalibData.DW16_B;
            case 10: return CalibData.FC16_M;
            case 11: return CalibData.FC64_M;
            case 12: return CalibData.FC256_M;
            case 13: return CalibData.CONV_M;
            case 14: return CalibData.DW8_M;
            default: return CalibData.DW16_M;
        }
    }
}
