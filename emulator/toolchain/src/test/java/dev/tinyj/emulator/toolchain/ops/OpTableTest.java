package dev.tinyj.emulator.toolchain.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tinyj.emulator.toolchain.graph.DType;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The operator table's invariants and its type-variant selection ({@link OpTable#select}). */
class OpTableTest {
    @Test
    void keysAndCodesAreUniqueAndVariantsShareTheirOperatorsOptions() {
        Set<String> keys = new HashSet<>();
        Set<Integer> codes = new HashSet<>();
        for (OpTable.Entry e : OpTable.entries()) {
            assertTrue(keys.add(e.key()), e.key());
            assertTrue(codes.add(e.code()), e.key());
            OpTable.Entry first = OpTable.variants(e.builtinCode()).get(0);
            assertEquals(first.spec().optionsTable(), e.spec().optionsTable(), e.key());
            assertEquals(first.spec().options(), e.spec().options(), e.key());
            assertEquals(e.spec().variant().isEmpty() ? e.name() : e.name() + "_" + e.spec().variant().toUpperCase(),
                    e.key());
        }
    }

    @Test
    void aVariantIsSelectedByItsInputTypesAndTheDefaultKernelTakesTheRest() {
        for (OpTable.Entry e : OpTable.entries()) {
            for (DType t : e.spec().inputTypes()) {
                assertEquals(e, OpTable.select(e.builtinCode(), t).orElseThrow(), e.key() + " for " + t);
            }
            OpTable.select(e.builtinCode(), DType.INT8).ifPresent(s -> assertTrue(
                    s.spec().inputTypes().contains(DType.INT8) || s.spec().variant().isEmpty(), s.key()));
        }
        int conv = OpTable.byName("CONV_2D").orElseThrow().builtinCode();
        assertEquals("CONV_2D", OpTable.select(conv, DType.INT8).orElseThrow().key());
        assertEquals("CONV_2D", OpTable.select(conv, null).orElseThrow().key(), "no operand 0: the default kernel");
        assertTrue(OpTable.select(9999, DType.INT8).isEmpty());
        assertFalse(OpTable.supports(9999));
    }

    @Test
    void aVariantMustNameItsInputTypesAndTheDefaultNone() {
        OpSpec s = OpTable.byName("RELU").orElseThrow().spec();
        assertThrowsIllegal(() -> s.withVariant("float32"));
        assertEquals("RELU_FLOAT32", s.withVariant("float32", DType.FLOAT32).key());
    }

    private static void assertThrowsIllegal(Runnable r) {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, r::run);
    }
}
