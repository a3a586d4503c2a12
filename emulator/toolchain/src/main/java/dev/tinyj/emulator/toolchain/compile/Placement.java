package dev.tinyj.emulator.toolchain.compile;

/** Where a tensor lives at run time. */
public enum Placement {
    /** In the SRAM arena, at a planned offset (activations, model inputs and outputs). */
    ARENA,
    /** In the model image in flash (constant data: weights, biases). */
    FLASH,
    /**
     * A variable tensor (TFLite {@code is_variable}: an operator's state, such as SVDF's activation
     * state): in the arena's persistent region after the planned one, shared with no other buffer,
     * reset at setup and kept from one inference to the next ({@code ModelImage.VARIABLE}).
     */
    VARIABLE,
    /**
     * Read by no kernel: unused, an absent optional operand, or a constant index operand that
     * prepare folded into the parameter block (RESHAPE's shape, PAD's paddings, MEAN's axis,
     * STRIDED_SLICE's begin/end/strides), which therefore costs no flash.
     */
    ABSENT
}
