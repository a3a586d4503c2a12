package dev.tinyj.conformance.verify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tinyj.emulator.vm.verify.ProgmemTable;
import dev.tinyj.emulator.vm.verify.VerifiedProgram;
import java.util.List;
import org.junit.jupiter.api.Test;
import probe.Valid;
import probe.bad.ProgmemBad;

/** {@code @Progmem} tables: recognised from javac's constant-array pattern, rejected otherwise. */
class ProgmemTest {
    @Test
    void constantTablesAreExtracted() throws Exception {
        List<ProgmemTable> tables = Probes.verify(Valid.class).progmemTables();
        assertEquals(2, tables.size());
        ProgmemTable bytes = tables.get(0);
        assertEquals("probe/Valid", bytes.owner());
        assertEquals("TABLE", bytes.field());
        assertEquals('B', bytes.elementType());
        assertArrayEquals(new long[] {1, -2, 3, 0, 127}, bytes.values());
        // iconst_5, newarray (2), 5 x (dup, index, value, bastore) with two bipush values, putstatic (3)
        assertEquals(0, bytes.startOffset());
        assertEquals(28, bytes.endOffset());
        assertEquals(28, bytes.initializerBytes());
        assertEquals(5, bytes.dataBytes());
        ProgmemTable floats = tables.get(1);
        assertEquals("GAINS", floats.field());
        assertEquals('F', floats.elementType());
        assertArrayEquals(new long[] {Float.floatToRawIntBits(0.5f), Float.floatToRawIntBits(-1f)}, floats.values());
        assertEquals(28, floats.startOffset());
        assertEquals(44, floats.endOffset());
        assertEquals(8, floats.dataBytes());
    }

    @Test
    void nonFinalComputedAndRewrittenTablesAreRejected() throws Exception {
        VerifiedProgram p = Probes.verify(ProgmemBad.class);
        assertEquals(List.of(
                "probe/bad/ProgmemBad.java:7: error: @Progmem field must be static final primitive array"
                        + " (notFinal is [I) (ProgmemBad.<clinit>()V, bytecode 11)",
                "probe/bad/ProgmemBad.java:9: error: @Progmem table must be initialised from constants only"
                        + " (computed) (ProgmemBad.<clinit>()V, bytecode 17)",
                "probe/bad/ProgmemBad.java:14: error: @Progmem field written outside its constant initialiser:"
                        + " flash is read-only (ProgmemBad.notFinal) (ProgmemBad.setup()V, bytecode 3)"),
                p.messages());
        // the well-formed table in the same class is still extracted
        assertEquals(List.of(new ProgmemTable("probe/bad/ProgmemBad", "TABLE", 'S', new long[] {10, 20}, 20, 36)),
                p.progmemTables());
    }
}
