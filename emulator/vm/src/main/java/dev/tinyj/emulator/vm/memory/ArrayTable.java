package dev.tinyj.emulator.vm.memory;

import java.util.Arrays;

/**
 * Guest references: handle {@code h} (an int on the operand stack) names {@code arrays[h]};
 * handle 0 is {@code null}. Handles are never reused (firmware allocates only in
 * {@code <clinit>} and {@code setup()}).
 */
public final class ArrayTable {
    private GuestArray[] arrays = new GuestArray[64];
    private int next = 1;

    /** Registers {@code a} and returns its handle. */
    public int add(GuestArray a) {
        if (next == arrays.length) {
            arrays = Arrays.copyOf(arrays, arrays.length * 2);
        }
        arrays[next] = a;
        return next++;
    }

    /** The array of handle {@code h}, or {@code null} for handle 0. */
    public GuestArray get(int h) {
        return arrays[h];
    }

    /** The backing table, for the interpreter's hot loop (index by handle). */
    public GuestArray[] raw() {
        return arrays;
    }

    /** Number of arrays registered. */
    public int count() {
        return next - 1;
    }
}
