package dev.tinyj.conformance.calibrate;

import java.util.ArrayList;
import java.util.List;

/**
 * One measured benchmark of {@code ../shared/calib/results.csv} and how the Java port runs it:
 * the same id, kernel, shape, weight location and integer style as the C driver
 * ({@code bench.c}, {@code bench_impl.h}).
 *
 * @param id bench_id
 * @param kernel entry method of the firmware class ({@code mac}, {@code fc}, ...)
 * @param int32 the Java-like int32 twin ({@code CalibInt32}) rather than the int16 style
 * @param dims the C driver's size arguments (n; in, out; h, w, ci, co; h, w, c)
 * @param layer weight table id of {@code CalibQ.table8/table32} (-1: no weights)
 * @param sram weights copied to SRAM before the timed call (else the flash tables)
 */
record CalibCase(int id, String kernel, boolean int32, int[] dims, int layer, boolean sram) {

    /** Every benchmark of results.csv the Java port can express (not 5: libc memcpy). */
    static List<CalibCase> all() {
        List<CalibCase> l = new ArrayList<>();
        for (boolean i32 : new boolean[] {false, true}) {
            l.add(new CalibCase(i32 ? 20 : 1, "mac", i32, new int[] {256}, -1, true));
            l.add(new CalibCase(i32 ? 21 : 2, "mac", i32, new int[] {512}, -1, true));
            l.add(new CalibCase(i32 ? 22 : 3, "copy", i32, new int[] {256}, -1, true));
            l.add(new CalibCase(i32 ? 23 : 4, "copy", i32, new int[] {512}, -1, true));
            if (!i32) {
                l.add(new CalibCase(6, "requant", false, new int[] {64}, -1, true));
                l.add(new CalibCase(7, "requant", false, new int[] {128}, -1, true));
            }
            l.add(new CalibCase(i32 ? 24 : 8, "clamp", i32, new int[] {512}, -1, true));
            int b = i32 ? 25 : 9;
            l.add(new CalibCase(b, "fc", i32, new int[] {16, 16}, 0, false));
            l.add(new CalibCase(b + 1, "fc", i32, new int[] {16, 16}, 0, true));
            l.add(new CalibCase(b + 2, "fc", i32, new int[] {64, 32}, 1, false));
            l.add(new CalibCase(b + 3, "fc", i32, new int[] {256, 64}, 2, false));
            l.add(new CalibCase(b + 4, "conv", i32, new int[] {8, 8, 4, 8}, 3, false));
            l.add(new CalibCase(b + 5, "conv", i32, new int[] {8, 8, 4, 8}, 3, true));
            l.add(new CalibCase(b + 6, "dwconv", i32, new int[] {8, 8, 8}, 4, false));
            l.add(new CalibCase(b + 7, "dwconv", i32, new int[] {8, 8, 8}, 4, true));
            l.add(new CalibCase(b + 8, "dwconv", i32, new int[] {16, 16, 2}, 5, false));
            l.add(new CalibCase(b + 9, "avgpool", i32, new int[] {8, 8, 8}, -1, true));
            l.add(new CalibCase(b + 10, "avgpool", i32, new int[] {16, 16, 4}, -1, true));
        }
        return l;
    }

    /** The firmware class's internal name. */
    String owner() {
        return int32 ? "fw/calib/CalibInt32" : "fw/calib/CalibInt16";
    }

    /** The weight location as results.csv spells it. */
    String weights() {
        return layer < 0 ? (kernel.equals("mac") || kernel.equals("copy") ? "sram" : "-") : sram ? "sram" : "flash";
    }

    String style() {
        return int32 ? "int32" : "int16";
    }

    @Override
    public String toString() {
        return id + " " + kernel + " " + java.util.Arrays.toString(dims) + " " + weights() + " " + style();
    }
}
