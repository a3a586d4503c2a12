package dev.tinyj.emulator.vm.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tinyj.boards.BoardException;
import dev.tinyj.boards.Boards;
import dev.tinyj.emulator.vm.Firmware;
import dev.tinyj.emulator.vm.SubsetException;
import dev.tinyj.emulator.vm.decode.DecodedMethod;
import dev.tinyj.emulator.vm.decode.Program;
import dev.tinyj.emulator.vm.load.ClassPath;
import dev.tinyj.emulator.vm.load.ImageException;
import fw.costmodel.Forms;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The cost model's choice of forms (docs/cost-model.md) on the Java shapes of C idioms: widths from
 * casts and declared types, multiply forms, induction variables, if-conversion and inlining. The keys
 * are what the predecoder charges, read from each instruction's {@link CostRecipe}.
 */
class CostFormsTest {
    private static final Program AVR = build("arduino-uno", "mac16", "mac32", "avg", "clamp", "wide", "calls");
    private static final Program M4 = build("nucleo-l4r5zi", "mac16", "mac32", "avg", "clamp", "wide");

    /** {@link Forms} built for a shipped board, with its methods under test as entry points (never inlined). */
    private static Program build(String board, String... entryPoints) {
        try (ClassPath cp = ClassPath.of(List.of(Path.of(Forms.class.getProtectionDomain().getCodeSource()
                .getLocation().toURI())))) {
            return Firmware.build(cp, Forms.class.getName(), Boards.load(board), Set.of(entryPoints));
        } catch (URISyntaxException | BoardException | ImageException | SubsetException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> keys(Program p, String method) {
        for (DecodedMethod m : p.methods()) {
            if (m.name.equals(method)) {
                List<String> keys = new ArrayList<>();
                for (CostRecipe r : m.recipeAt) {
                    if (r != null) {
                        r.terms().forEach(t -> keys.add(t.key()));
                    }
                }
                return keys;
            }
        }
        throw new IllegalArgumentException("no method " + method);
    }

    @Test
    void anInt16ProductOfBytesIsAn8x8MultiplyAndTheLoopWalksPointers() {
        List<String> k = keys(AVR, "mac16");
        assertTrue(k.contains("op.imul.w8"), k.toString());
        assertEquals(2, k.stream().filter(x -> x.equals("op.baload.seq")).count(), k.toString());
        assertTrue(k.contains("op.iinc.seq"), "the counter is eliminated: " + k);
        assertTrue(k.stream().anyMatch(x -> x.matches("op\\.if_icmp..\\.w16\\.seq")), "pointer compare: " + k);
        assertTrue(k.contains("op.i2s.fits"), "(short) of a 16-bit product is free: " + k);
    }

    @Test
    void theSameProductKeptIn32BitsIsA16x16Into32Multiply() {
        List<String> k = keys(AVR, "mac32");
        assertTrue(k.contains("op.imul.w16x16"), k.toString());
        assertTrue(k.contains("op.iadd"), "the 32-bit accumulator: " + k);
        assertTrue(k.contains("op.iinc.seq"), k.toString());
    }

    @Test
    void sixteenBitSumsAndDivisionByAPowerOfTwo() {
        List<String> k = keys(AVR, "avg");
        assertEquals(2, k.stream().filter(x -> x.equals("op.iadd.w16")).count(), k.toString());
        assertTrue(k.contains("op.idiv.pow2.w16"), k.toString());
    }

    @Test
    void aClampIsASelectAndAnIntAddIs32Bits() {
        List<String> k = keys(AVR, "clamp");
        assertTrue(k.contains("op.iadd"), k.toString());
        assertTrue(k.contains("op.if_icmpge.sel"), k.toString());
        for (DecodedMethod m : AVR.methods()) {
            if (m.name.equals("clamp")) {
                for (CostRecipe r : m.recipeAt) {
                    if (r != null && r.terms().stream().anyMatch(t -> t.key().endsWith(".sel"))) {
                        assertEquals(null, r.dynamicKey(), "a select is never charged branch_taken");
                    }
                }
            }
        }
    }

    @Test
    void narrowingWhatIsNarrowIsFreeAndIntsMultiplyInto64Bits() {
        List<String> k = keys(M4, "wide");
        assertTrue(k.contains("op.i2b.fits"), k.toString());
        assertTrue(k.contains("op.lmul.w32"), k.toString());
        assertFalse(k.contains("op.lmul"), k.toString());
    }

    @Test
    void aHelperWithALoopIsCalledAndASmallLoopFreeOneIsInlined() {
        List<String> k = keys(AVR, "calls");
        assertEquals(1, k.stream().filter(x -> x.equals("extra.invoke")).count(), k.toString());
        assertEquals(1, k.stream().filter(x -> x.equals("extra.invoke_per_arg_slot")).count(), k.toString());
        assertEquals(1, k.stream().filter(x -> x.equals("extra.invoke_inlined")).count(), k.toString());
        assertTrue(keys(AVR, "sum").contains("extra.return"), "sum returns through a frame");
        assertTrue(keys(AVR, "twice").contains("extra.return_inlined"), "twice is inlined");
        assertFalse(keys(AVR, "twice").contains("op.ireturn"), "an inlined return leaves its value in registers");
    }
}
