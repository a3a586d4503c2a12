package dev.tinyj.boards;

import java.util.Map;

/**
 * Cycle costs for one core, read from its {@code .costs} data file: a base cost per JVMS opcode
 * (keyed by the mnemonic as JVMS §6.5 spells it, e.g. {@code iadd}, {@code tableswitch}) and
 * named extras (e.g. {@code branch_taken}, {@code array_load_flash}, {@code invoke},
 * {@code native_call}).
 *
 * @param core core id, e.g. {@code avr8}
 * @param opcodes base cycles per opcode mnemonic
 * @param extras cycles per named extra
 * @param calibrated whether the table was fitted to measured cycle counts
 */
public record CostTable(String core, Map<String, Integer> opcodes, Map<String, Integer> extras,
        boolean calibrated) {

    /**
     * Base cycles of {@code mnemonic}.
     *
     * @throws IllegalArgumentException when the table has no entry (a test checks every opcode of
     *     the subset has one)
     */
    public int opcode(String mnemonic) {
        Integer c = opcodes.get(mnemonic);
        if (c == null) {
            throw new IllegalArgumentException("cost table " + core + " has no cost for opcode " + mnemonic);
        }
        return c;
    }

    /**
     * Cycles of the named extra.
     *
     * @throws IllegalArgumentException when the table has no such extra
     */
    public int extra(String name) {
        Integer c = extras.get(name);
        if (c == null) {
            throw new IllegalArgumentException("cost table " + core + " has no extra " + name);
        }
        return c;
    }
}
