package dev.tinyj.emulator.vm.cost;

import java.util.List;

/**
 * What one decoded instruction is charged, term by term, so a profile can be turned back into
 * per-key counts (calibration, {@code ./tinyj calibrate}): static terms every time it executes, and
 * one dynamic term per event (a taken branch, an element loaded from flash, a zeroed byte).
 *
 * @param terms static terms: cost-table key ({@code op.<mnemonic>[.<form>]} or {@code extra.<name>})
 *     and multiplicity
 * @param dynamicKey the key charged per event, or null when the instruction has none
 * @param dynamicTimes multiplicity per event (e.g. element bytes per flash load)
 */
public record CostRecipe(List<Term> terms, String dynamicKey, int dynamicTimes) {
    /** One static term: {@code times} x the table's cycles for {@code key}. */
    public record Term(String key, int times) {
    }
}
