package dev.tinyj.emulator.vm.insn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tinyj.boards.Board;
import dev.tinyj.boards.BoardException;
import dev.tinyj.boards.Boards;
import dev.tinyj.boards.CostKeys;
import dev.tinyj.boards.CostTable;
import dev.tinyj.emulator.vm.cost.CostRecipe;
import dev.tinyj.emulator.vm.cost.InstructionCost;
import java.lang.classfile.Opcode;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The instruction table against everything that must agree with it: every {@link Opcode} is either
 * an entry or refused with a reason; the entries' cost keys are the cost-file contract
 * ({@link CostKeys#OPCODES}) and every shipped core's tables (fitted and prior) price them and every
 * extra their charging names; every decoded form is an {@link Op}, and every Op is some entry's.
 * (The verifier's allowed set: {@code verify.AllowedOpcodesTest}; stack effects against the JVM
 * verifier and the width analysis: {@code cost.StackEffectAgreementTest}.)
 */
class InsnTableTest {
    @Test
    void everyOpcodeIsInTheTableOrRefusedWithAReason() {
        List<String> both = new ArrayList<>();
        List<String> neither = new ArrayList<>();
        for (Opcode op : Opcode.values()) {
            boolean in = Insn.find(op).isPresent();
            boolean refused = Refused.reason(op).isPresent();
            if (in && refused) {
                both.add(op.name());
            } else if (!in && !refused) {
                neither.add(op.name());
            }
            Refused.reason(op).ifPresent(r -> assertFalse(r.isBlank(), op.name()));
        }
        assertEquals(List.of(List.of(), List.of()), List.of(both, neither), "[in the table and refused, neither]");
        assertEquals(Opcode.values().length, Insn.values().length
                + (int) Arrays.stream(Opcode.values()).filter(o -> Refused.reason(o).isPresent()).count());
    }

    @Test
    void entriesAreNamedAsTheirOpcodeAndCiteTheirJvmsSection() {
        for (Insn i : Insn.values()) {
            assertEquals(i.name(), i.opcode().name());
            assertEquals(i, Insn.of(i.opcode()));
            assertTrue(i.jvms().matches("§6\\.5\\.[a-z0-9_<>2]+"), i.jvms());
            String base = i.costKey();
            String section = i.jvms().substring(5);
            assertTrue(i.isWide() ? section.equals("wide")
                    : section.equals(base) || base.startsWith(section.substring(0, section.indexOf('<') < 0
                            ? section.length() : section.indexOf('<'))), i + " cites " + section);
        }
    }

    @Test
    void anOpcodeOutsideTheTableIsAnErrorNamingIt() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Insn.of(Opcode.DADD));
        assertTrue(e.getMessage().contains("dadd"), e.getMessage());
        assertTrue(e.getMessage().contains("double"), e.getMessage());
    }

    @Test
    void theCostKeysAreTheCostFileContract() {
        Set<String> keys = new TreeSet<>();
        for (Insn i : Insn.values()) {
            keys.addAll(i.costKeys());
        }
        assertEquals(new TreeSet<>(CostKeys.OPCODES), keys);
    }

    @Test
    void everyShippedCoreTablePricesEveryEntryAndItsExtras() throws BoardException {
        Map<String, CostTable> tables = new LinkedHashMap<>();
        for (String id : Boards.ids()) {
            Board b = Boards.load(id);
            tables.putIfAbsent(b.costs().core() + ".costs", b.costs());
            String prior = "cores/" + b.costs().core() + ".prior";
            tables.putIfAbsent(b.costs().core() + ".prior", Boards.loadWithCosts(id, prior).costs());
        }
        assertTrue(tables.size() >= 4, tables.keySet().toString());
        for (var t : tables.entrySet()) {
            for (Insn i : Insn.values()) {
                for (String key : i.costKeys()) {
                    assertTrue(t.getValue().opcodeTicks().containsKey(key), t.getKey() + " has no cost for " + key);
                }
                for (InstructionCost.Facts f : facts(i)) {
                    CostRecipe r = InstructionCost.of(i, f, t.getValue()).recipe();
                    for (CostRecipe.Term term : r.terms()) {
                        assertTrue(CostKeys.EXTRAS.contains(term.key().substring(6)) || term.key().startsWith("op."),
                                term.key());
                    }
                }
            }
        }
    }

    /** Every way an entry can be charged: plain, selected, in an inlined method, each kind of callee. */
    private static List<InstructionCost.Facts> facts(Insn i) {
        String key = i.costKey();
        if (i.charging() == Charging.INVOKE) {
            return List.of(new InstructionCost.Facts(key, false, false, InstructionCost.Callee.firmware(false, 3), 0),
                    new InstructionCost.Facts(key, false, false, InstructionCost.Callee.firmware(true, 1), 0),
                    new InstructionCost.Facts(key, false, false, InstructionCost.Callee.hal("native_call"), 0),
                    new InstructionCost.Facts(key, false, false, InstructionCost.Callee.hal("free"), 0));
        }
        return List.of(new InstructionCost.Facts(key, false, false, null, 5),
                new InstructionCost.Facts(key, true, true, null, 5));
    }

    @Test
    void aFreeNativeCostsNothingAndAnInlinedReturnOnlyItsExtra() throws BoardException {
        CostTable t = Boards.load("arduino-uno").costs();
        InstructionCost.Charge free = InstructionCost.of(Insn.INVOKESTATIC, new InstructionCost.Facts("invokestatic",
                false, false, InstructionCost.Callee.hal("free"), 0), t);
        assertEquals(0, free.ticks());
        assertEquals(List.of(), free.recipe().terms());
        InstructionCost.Charge ret = InstructionCost.of(Insn.IRETURN, InstructionCost.Facts.of("ireturn", false, true), t);
        assertEquals(List.of(new CostRecipe.Term("extra.return_inlined", 1)), ret.recipe().terms());
        InstructionCost.Charge load = InstructionCost.of(Insn.LALOAD, InstructionCost.Facts.of("laload", false, false), t);
        assertEquals(t.extraTicks("array_load_flash") * 8, load.eventTicks());
        InstructionCost.Charge wide = InstructionCost.of(Insn.ILOAD_W, InstructionCost.Facts.of("iload", false, false), t);
        assertEquals(t.ticks("iload") + t.ticks("wide"), wide.ticks());
    }

    @Test
    void everyDecodedFormIsAnOpAndEveryOpIsSomeEntrysForm() throws IllegalAccessException {
        Set<Integer> ops = new TreeSet<>();
        for (Field f : Op.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == int.class) {
                assertTrue(ops.add(f.getInt(null)), "two Op constants share " + f.getName());
            }
        }
        Set<Integer> decoded = new TreeSet<>();
        for (Insn i : Insn.values()) {
            for (int op : i.decodedForms()) {
                assertTrue(ops.contains(op), i + " decodes to 0x" + Integer.toHexString(op) + ", not an Op");
                decoded.add(op);
            }
            assertTrue(i.words() >= 1 || i.opcode() == Opcode.TABLESWITCH || i.opcode() == Opcode.LOOKUPSWITCH, i.toString());
        }
        Set<Integer> unused = new TreeSet<>(ops);
        unused.removeAll(decoded);
        assertEquals(Set.of(Op.PROGMEM_SKIP), unused, "Ops no entry decodes to (PROGMEM_SKIP is TinyJ's own)");
    }
}
