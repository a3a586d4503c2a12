package dev.tinyj.emulator.calibrate;

import java.util.ArrayList;
import java.util.List;

/**
 * One benchmark of the calibration ground truth ({@code results.csv}) and how the Java port runs
 * it: the same bench id, kernel, shape, weight location and integer style as the C driver
 * ({@code calib/src/bench.c}, {@code bench_impl.h}).
 *
 * @param id bench_id
 * @param kernel the kernel family and entry method of the firmware class: {@code mac},
 *     {@code copy}, {@code requant}, {@code clamp}, {@code fc}, {@code conv}, {@code dwconv},
 *     {@code avgpool}
 * @param int32 the Java-like int32 twin ({@code CalibInt32}) rather than the int16 style
 * @param dims the C driver's size arguments (n; in, out; h, w, ci, co; h, w, c)
 * @param layer weight table id of {@code CalibQ.table8/table32} (-1: no weights)
 * @param sram weights copied to SRAM before the timed call (else the flash tables)
 */
public record Benchmark(int id, String kernel, boolean int32, List<Integer> dims, int layer, boolean sram) {

    /** The firmware classes' package, internal form. */
    static final String FW = "dev/tinyj/emulator/calibrate/fw/";

    public Benchmark {
        dims = List.copyOf(dims);
    }

    /** Every benchmark of results.csv the Java port can express: all but 5 (libc memcpy), in id order. */
    public static List<Benchmark> all() {
        List<Benchmark> l = new ArrayList<>();
        for (boolean i32 : new boolean[] {false, true}) {
            l.add(new Benchmark(i32 ? 20 : 1, "mac", i32, List.of(256), -1, true));
            l.add(new Benchmark(i32 ? 21 : 2, "mac", i32, List.of(512), -1, true));
            l.add(new Benchmark(i32 ? 22 : 3, "copy", i32, List.of(256), -1, true));
            l.add(new Benchmark(i32 ? 23 : 4, "copy", i32, List.of(512), -1, true));
            if (!i32) {
                l.add(new Benchmark(6, "requant", false, List.of(64), -1, true));
                l.add(new Benchmark(7, "requant", false, List.of(128), -1, true));
            }
            l.add(new Benchmark(i32 ? 24 : 8, "clamp", i32, List.of(512), -1, true));
            int b = i32 ? 25 : 9;
            l.add(new Benchmark(b, "fc", i32, List.of(16, 16), 0, false));
            l.add(new Benchmark(b + 1, "fc", i32, List.of(16, 16), 0, true));
            l.add(new Benchmark(b + 2, "fc", i32, List.of(64, 32), 1, false));
            l.add(new Benchmark(b + 3, "fc", i32, List.of(256, 64), 2, false));
            l.add(new Benchmark(b + 4, "conv", i32, List.of(8, 8, 4, 8), 3, false));
            l.add(new Benchmark(b + 5, "conv", i32, List.of(8, 8, 4, 8), 3, true));
            l.add(new Benchmark(b + 6, "dwconv", i32, List.of(8, 8, 8), 4, false));
            l.add(new Benchmark(b + 7, "dwconv", i32, List.of(8, 8, 8), 4, true));
            l.add(new Benchmark(b + 8, "dwconv", i32, List.of(16, 16, 2), 5, false));
            l.add(new Benchmark(b + 9, "avgpool", i32, List.of(8, 8, 8), -1, true));
            l.add(new Benchmark(b + 10, "avgpool", i32, List.of(16, 16, 4), -1, true));
        }
        return List.copyOf(l);
    }

    /** Size argument {@code k}. */
    public int dim(int k) {
        return dims.get(k);
    }

    /** The firmware class's internal name. */
    public String owner() {
        return FW + (int32 ? "CalibInt32" : "CalibInt16");
    }

    /** The integer style as results.csv spells it: {@code int16} or {@code int32}. */
    public String style() {
        return int32 ? "int32" : "int16";
    }

    /** Whether the kernel reads weights (fc, conv, dwconv). */
    public boolean hasWeights() {
        return layer >= 0;
    }

    /**
     * The C function the native benchmark timed, e.g. {@code fc_s8_flash}, {@code mac_s8_i32}:
     * benchmarks with the same function share its code bytes.
     */
    public String cFunction() {
        String base = switch (kernel) {
            case "mac" -> "mac_s8";
            case "copy" -> "copy_u8";
            case "requant" -> "requant_s32_s8";
            case "clamp" -> "clamp_s8";
            case "fc" -> "fc_s8";
            case "conv" -> "conv3x3_s8";
            case "dwconv" -> "dwconv3x3_s8";
            case "avgpool" -> "avgpool2x2_s8";
            default -> throw new IllegalStateException("unknown kernel " + kernel);
        };
        return base + (hasWeights() ? (sram ? "_ram" : "_flash") : "") + (int32 ? "_i32" : "");
    }

    @Override
    public String toString() {
        return id + " " + cFunction() + " " + dims;
    }
}
