package dev.tinyj.emulator.vm.cost;

import dev.tinyj.boards.CostTable;
import dev.tinyj.emulator.vm.insn.Charging;
import dev.tinyj.emulator.vm.insn.Insn;
import java.util.ArrayList;
import java.util.List;

/**
 * What one instruction costs: a pure function of its {@link Insn table entry}, the static facts the
 * predecoder knows about it ({@link Facts}) and the core's {@link CostTable}. The predecoder packs
 * the result into the decoded code; any other execution engine that calls this function with the
 * same facts charges the same ticks (docs/cost-model.md).
 */
public final class InstructionCost {
    private InstructionCost() {
    }

    /**
     * The static facts about one instruction that its cost depends on.
     *
     * @param formKey its cost-model key without {@code op.}: the mnemonic plus forms
     *     ({@link MethodCosts.Plan#keys()}, e.g. {@code imul.w16x16})
     * @param select whether it is a branch if-converted into a select ({@link MethodCosts.Plan#select()})
     * @param inlinedMethod whether the method it is in is inlined into its callers ({@link InlinePolicy})
     * @param callee for {@code invokestatic}, what is called; null otherwise
     * @param switchCases for {@code lookupswitch}, its number of cases; 0 otherwise
     */
    public record Facts(String formKey, boolean select, boolean inlinedMethod, Callee callee, int switchCases) {
        /** Facts of an instruction whose cost depends only on its key and method. */
        public static Facts of(String formKey, boolean select, boolean inlinedMethod) {
            return new Facts(formKey, select, inlinedMethod, null, 0);
        }
    }

    /**
     * The target of an {@code invokestatic}.
     *
     * @param nativeExtra for a HAL native or intrinsic, its cost extra ({@code free} costs nothing);
     *     null for a firmware method
     * @param inlined for a firmware method, whether the execution model inlines it
     * @param argSlots for a firmware method, the argument slots moved into place (long = 2)
     */
    public record Callee(String nativeExtra, boolean inlined, int argSlots) {
        /** A firmware method. */
        public static Callee firmware(boolean inlined, int argSlots) {
            return new Callee(null, inlined, argSlots);
        }

        /** A HAL native or intrinsic charged {@code extra.<nativeExtra>}. */
        public static Callee hal(String nativeExtra) {
            return new Callee(nativeExtra, false, 0);
        }
    }

    /**
     * The cost of one instruction.
     *
     * @param ticks charged every time it executes
     * @param eventTicks charged per dynamic event (a taken branch, an element loaded from flash, a
     *     zeroed byte), 0 when it has none
     * @param recipe the same, term by term ({@link CostRecipe}), for execution profiles
     */
    public record Charge(int ticks, int eventTicks, CostRecipe recipe) {
    }

    /**
     * The cost of an instruction of {@code insn} with {@code facts} on {@code table}.
     *
     * @throws IllegalArgumentException when the table lacks a key (the loader and a test prevent it)
     */
    public static Charge of(Insn insn, Facts facts, CostTable table) {
        List<CostRecipe.Term> terms = new ArrayList<>();
        // an inlined method's return leaves its value in registers: only return_inlined is charged
        boolean inlinedReturn = facts.inlinedMethod() && insn.charging() == Charging.RETURN;
        if (!inlinedReturn) {
            add(terms, "op." + facts.formKey(), 1);
            if (insn.isWide()) {
                add(terms, "op.wide", 1);
            }
        }
        String eventKey = null;
        int eventTimes = 0;
        switch (insn.charging()) {
            case PLAIN, GOTO -> {
            }
            case ARRAY_LOAD -> {
                add(terms, "extra.array_bounds_check", 1);
                eventKey = "extra.array_load_flash";
                eventTimes = insn.elementBytes();
            }
            case ARRAY_STORE -> add(terms, "extra.array_bounds_check", 1);
            case BRANCH -> {
                if (!facts.select()) {
                    eventKey = "extra.branch_taken";
                    eventTimes = 1;
                }
            }
            case LOOKUPSWITCH -> add(terms, "extra.switch_per_case", 32 - Integer.numberOfLeadingZeros(facts.switchCases()));
            case INVOKE -> {
                Callee c = facts.callee();
                if (c == null) {
                    throw new IllegalArgumentException("invokestatic without a callee");
                }
                if (c.nativeExtra() == null) {
                    if (c.inlined()) {
                        add(terms, "extra.invoke_inlined", 1);
                    } else {
                        add(terms, "extra.invoke", 1);
                        add(terms, "extra.invoke_per_arg_slot", c.argSlots());
                    }
                } else if (c.nativeExtra().equals("free")) {
                    terms.clear();
                } else {
                    add(terms, "extra." + c.nativeExtra(), 1);
                }
            }
            case RETURN -> add(terms, facts.inlinedMethod() ? "extra.return_inlined" : "extra.return", 1);
            case NEWARRAY -> {
                eventKey = "extra.newarray_per_byte";
                eventTimes = 1;
            }
        }
        int ticks = 0;
        for (CostRecipe.Term t : terms) {
            ticks += table.keyTicks(t.key()) * t.times();
        }
        int eventTicks = eventKey == null ? 0 : table.keyTicks(eventKey) * eventTimes;
        return new Charge(ticks, eventTicks, new CostRecipe(List.copyOf(terms), eventKey, eventTimes));
    }

    private static void add(List<CostRecipe.Term> terms, String key, int times) {
        if (times != 0) {
            terms.add(new CostRecipe.Term(key, times));
        }
    }
}
