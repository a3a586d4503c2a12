package dev.tinyj.boards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
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
            CostTable costs = Boards.load(id).costs();
            assertEquals(new HashSet<>(CostKeys.OPCODES), costs.opcodes().keySet(), id);
            assertEquals(new HashSet<>(CostKeys.EXTRAS), costs.extras().keySet(), id);
            for (String op : CostKeys.OPCODES) {
                assertTrue(costs.opcode(op) >= 0, id + " " + op);
            }
            assertEquals(0, costs.extra("free"), id);
            assertFalse(costs.calibrated(), id + ": no table is calibrated yet");
        }
    }

    @Test
    void tablesFollowTheCoreTimingFacts() throws BoardException {
        CostTable avr = Boards.load("arduino-uno").costs();
        CostTable m4 = Boards.load("nucleo-l4r5zi").costs();
        assertEquals(4, avr.opcode("iadd"), "32-bit add is four 8-bit ops");
        assertEquals(1, avr.extra("branch_taken"));
        assertTrue(avr.opcode("idiv") > 100 && avr.opcode("ldiv") > avr.opcode("idiv"));
        assertTrue(avr.opcode("fadd") >= 10, "soft-float");
        assertEquals(1, m4.opcode("iadd"));
        assertEquals(1, m4.opcode("imul"));
        assertEquals(7, m4.opcode("idiv"));
        assertEquals(2, m4.extra("branch_taken"));
        assertEquals(1, m4.opcode("fmul"), "FPU");
        assertEquals(1, m4.extra("clz"));
    }

    @Test
    void cortexM4BoardsShareOneTable() throws BoardException {
        CostTable first = Boards.load("nucleo-l4r5zi").costs();
        for (String id : List.of("nucleo-f446re", "arduino-nano-33-ble")) {
            assertEquals(first, Boards.load(id).costs(), id);
        }
    }
}
