package dev.tinyj.emulator.toolchain.compile;

/** Where a tensor lives at run time. */
public enum Placement {
    /** In the SRAM arena, at a planned offset (activations, model inputs and outputs). */
    ARENA,
    /** In the model image in flash (constant data: weights, biases). */
    FLASH,
    /** Not used by any operator (or an absent optional operand). */
    ABSENT
}
