package dev.tinyj.boards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every shipped cost table prices the whole subset and every named extra. */
class CostTablesTest {

    /** The TinyJ subset as the brief lists it, with the {@code _0..3} ranges written out. */
    private static final String SUBSET = """
            nop aconst_null iconst_m1 iconst_0 iconst_1 iconst_2 iconst_3 iconst_4 iconst_5 lconst_0
            lconst_1 fconst_0 fconst_1 fconst_2 bipush sipush ldc ldc_w ldc2_w iload lload fload aload
            iload_0 iload_1 iload_2 iload_3 lload_0 lload_1 lload_2 lload_3 fload_0 fload_1 fload_2
            fload_3 aload_0 aload_1 aload_2 aload_3 iaload laload faload baload caload saload istore
            lstore fstore astore istore_0 istore_1 istore_2 istore_3 lstore_0 lstore_1 lstore_2 lstore_3
            fstore_0 fstore_1 fstore_2 fstore_3 astore_0 astore_1 astore_2 astore_3 iastore lastore
            fastore bastore castore sastore pop pop2 dup dup_x1 dup_x2 dup2 dup2_x1 dup2_x2 swap iadd
            ladd fadd isub lsub fsub imul lmul fmul idiv ldiv fdiv irem lrem frem ineg lneg fneg ishl
            lshl ishr lshr iushr lushr iand land ior lor ixor lxor iinc i2l i2f l2i l2f f2i f2l i2b i2c
            i2s lcmp fcmpl fcmpg ifeq ifne iflt ifge ifgt ifle if_icmpeq if_icmpne if_icmplt if_icmpge
            if_icmpgt if_icmple if_acmpeq if_acmpne goto goto_w tableswitch lookupswitch ireturn lreturn
            freturn areturn return getstatic putstatic invokestatic newarray arraylength ifnull ifnonnull
            wide""";

    @Test
    void costKeysListTheSubsetExactly() {
        List<String> subset = List.of(SUBSET.strip().split("\\s+"));
        assertEquals(new HashSet<>(subset), new HashSet<>(CostKeys.OPCODES));
        assertEquals(subset.size(), CostKeys.OPCODES.size(), "no duplicates");
        assertFalse(CostKeys.OPCODES.contains("aaload"));
        assertFalse(CostKeys.OPCODES.contains("aastore"));
    }

    @Test
    void everyTablePricesEveryOpcodeAndExtra() throws BoardException {
        for (String id : Boards.ids()) {
            Board board = Boards.load(id);
            for (CostTable costs : List.of(board.costs(), Boards.loadWithCosts(id, "cores/" + board.core() + ".prior").costs())) {
                assertTrue(costs.opcodeTicks().keySet().containsAll(CostKeys.OPCODES), id);
                assertTrue(costs.opcodeTicks().keySet().stream().allMatch(CostKeys::isOpcodeKey), id);
                assertEquals(new HashSet<>(CostKeys.EXTRAS), costs.extraTicks().keySet(), id);
                for (String op : CostKeys.OPCODES) {
                    assertTrue(costs.ticks(op) >= 0, id + " " + op);
                }
                assertEquals(0, costs.extraTicks("free"), id);
            }
        }
    }

    @Test
    void priorTablesFollowTheCoreTimingFacts() throws BoardException {
        CostTable avr = Boards.loadWithCosts("arduino-uno", "cores/avr8.prior").costs();
        CostTable m4 = Boards.loadWithCosts("nucleo-l4r5zi", "cores/cortex-m4.prior").costs();
        assertEquals(4.0, avr.cycles("op.iadd"), "32-bit add is four 8-bit ops");
        assertEquals(2.0, avr.cycles("op.iadd.w16"), "ADD + ADC");
        assertEquals(1.0, avr.cycles("op.iadd.w8"), "ADD");
        assertEquals(3.0, avr.cycles("op.imul.w8"), "MULS 2 + MOVW 1");
        assertEquals(1.0, avr.cycles("extra.branch_taken"));
        assertTrue(avr.cycles("op.idiv") > 100 && avr.cycles("op.ldiv") > avr.cycles("op.idiv"));
        assertTrue(avr.cycles("op.fadd") >= 10, "soft-float");
        assertEquals(1.0, m4.cycles("op.iadd"));
        assertEquals(1.0, m4.cycles("op.imul"));
        assertEquals(7.0, m4.cycles("op.idiv"));
        assertEquals(2.0, m4.cycles("extra.branch_taken"));
        assertEquals(1.0, m4.cycles("op.fmul"), "FPU");
        assertEquals(1.0, m4.cycles("extra.clz"));
        assertEquals(1.0, m4.cycles("op.imul.w16x16"), "a form the M4 table does not price falls back to imul");
    }

    @Test
    void aFormFallsBackToItsNearestPricedPrefix() throws BoardException {
        assertEquals("idiv.pow2", Boards.loadWithCosts("arduino-uno", "cores/avr8.prior").costs().resolve("idiv.pow2.w32x16"));
    }

    @Test
    void boardsOfOneCoreShareItsTable() throws BoardException {
        Map<String, CostTable> byCore = new HashMap<>();
        for (String id : Boards.ids()) {
            Board board = Boards.load(id);
            CostTable first = byCore.putIfAbsent(board.core(), board.costs());
            assertEquals(first == null ? board.costs() : first, board.costs(), id + " prices " + board.core()
                    + " as the other " + board.core() + " boards do (no shipped board overrides its core's table)");
        }
    }
}
