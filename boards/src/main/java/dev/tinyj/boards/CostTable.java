package dev.tinyj.boards;

import java.util.Map;

/**
 * Cycle costs for one core, read from its {@code .costs} data file: a cost per JVMS opcode (keyed by
 * the mnemonic as JVMS §6.5 spells it, e.g. {@code iadd}, {@code tableswitch}), optionally per form
 * the cost model chooses ({@code imul.w16x16}, {@link CostKeys#FORMS}), and named extras (e.g.
 * {@code branch_taken}, {@code array_load_flash}, {@code invoke}, {@code native_call}).
 *
 * <p>Costs are averages over the machine code a compiler emits for one bytecode, so they need not
 * be whole cycles: they are kept in <em>ticks</em> of {@value #TICKS_PER_CYCLE} per cycle (a
 * resolution of 0.25 cycle; files give decimal cycles, rounded to the nearest tick).
 *
 * @param core core id, e.g. {@code avr8}
 * @param opcodeTicks ticks per opcode key (mnemonic, or mnemonic with forms)
 * @param extraTicks ticks per named extra
 * @param calibrated whether the table was fitted to measured cycle counts
 */
public record CostTable(String core, Map<String, Integer> opcodeTicks, Map<String, Integer> extraTicks,
        boolean calibrated) {
    /** Ticks per CPU cycle: costs resolve to a quarter cycle. */
    public static final int TICKS_PER_CYCLE = 4;

    /**
     * Ticks of an opcode key with forms (e.g. {@code imul.w16x16}): the most specific entry the table
     * has, dropping forms from the right ({@code idiv.pow2.w16} then {@code idiv.pow2} then {@code idiv}).
     *
     * @throws IllegalArgumentException when not even the mnemonic is priced (a test checks every
     *     opcode of the subset is)
     */
    public int ticks(String key) {
        Integer t = opcodeTicks.get(resolve(key));
        if (t == null) {
            throw new IllegalArgumentException("cost table " + core + " has no cost for opcode " + key);
        }
        return t;
    }

    /** The entry {@link #ticks(String)} uses for {@code key}: itself or its nearest priced prefix. */
    public String resolve(String key) {
        String k = key;
        while (!opcodeTicks.containsKey(k) && k.indexOf('.') > 0) {
            k = k.substring(0, k.lastIndexOf('.'));
        }
        return k;
    }

    /**
     * Ticks of the named extra.
     *
     * @throws IllegalArgumentException when the table has no such extra
     */
    public int extraTicks(String name) {
        Integer t = extraTicks.get(name);
        if (t == null) {
            throw new IllegalArgumentException("cost table " + core + " has no extra " + name);
        }
        return t;
    }

    /** Ticks of a prefixed key: {@code op.<key>} or {@code extra.<name>}. */
    public int keyTicks(String prefixed) {
        if (prefixed.startsWith("op.")) {
            return ticks(prefixed.substring(3));
        }
        if (prefixed.startsWith("extra.")) {
            return extraTicks(prefixed.substring(6));
        }
        throw new IllegalArgumentException("not a cost key: " + prefixed);
    }

    /** Cycles of a prefixed key ({@link #keyTicks} / {@link #TICKS_PER_CYCLE}). */
    public double cycles(String prefixed) {
        return keyTicks(prefixed) / (double) TICKS_PER_CYCLE;
    }
}
