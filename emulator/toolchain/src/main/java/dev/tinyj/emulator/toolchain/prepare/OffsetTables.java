package dev.tinyj.emulator.toolchain.prepare;

import dev.tinyj.runtime.kernels.TableCopy;

/**
 * The parameter block of {@link TableCopy} (MIRROR_PAD, BATCH_TO_SPACE_ND): five per-axis tables
 * of input offsets (elements), outermost first, each as long as its output dim.
 */
final class OffsetTables {
    /** Axes of the kernel's extended output. */
    static final int AXES = 5;

    private OffsetTables() {
    }

    /** The block for {@code tables} ({@link #AXES} of them); the innermost one may be the identity. */
    static byte[] block(int[][] tables) {
        if (tables.length != AXES) {
            throw new IllegalArgumentException("TableCopy takes " + AXES + " tables, got " + tables.length);
        }
        int size = TableCopy.P_TABLES;
        for (int[] t : tables) {
            size += 4 * t.length;
        }
        ParamBlock fields = ParamBlock.of(size);
        int[] inner = tables[AXES - 1];
        boolean identity = true;
        for (int o = 0; o < inner.length; o++) {
            identity &= inner[o] == o;
        }
        fields.set(TableCopy.P_COPY_RUNS, identity ? 1 : 0);
        int at = TableCopy.P_TABLES;
        for (int k = 0; k < AXES; k++) {
            fields.set(TableCopy.P_DIMS + 4 * k, tables[k].length);
            fields.setAll(at, tables[k]);
            at += 4 * tables[k].length;
        }
        return fields.bytes();
    }
}
