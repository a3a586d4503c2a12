package dev.tinyj.emulator.vm.insn;

/**
 * How an instruction of the {@link Insn table} is charged beyond its own cost key (the extras are
 * named in {@code dev.tinyj.boards.CostKeys#EXTRAS}; the pure function that prices them is
 * {@code dev.tinyj.emulator.vm.cost.InstructionCost}).
 */
public enum Charging {
    /** Its cost key only ({@code op.<mnemonic>[.<form>]}, plus {@code op.wide} for a wide form). */
    PLAIN,
    /** Plus {@code array_bounds_check}; per element loaded from flash, {@code array_load_flash} x element bytes. */
    ARRAY_LOAD,
    /** Plus {@code array_bounds_check}. */
    ARRAY_STORE,
    /** A conditional branch: per taken branch, {@code branch_taken} (never for an if-converted select). */
    BRANCH,
    /** An unconditional jump: its cost key only, never {@code branch_taken}. */
    GOTO,
    /** Plus {@code switch_per_case} x binary-search steps ({@code 32 - nlz(cases)}). */
    LOOKUPSWITCH,
    /**
     * A call: a firmware method adds {@code invoke} + {@code invoke_per_arg_slot} x argument slots,
     * or {@code invoke_inlined} when the execution model inlines it; a HAL native or intrinsic adds
     * its own extra, and a {@code free} one costs nothing at all.
     */
    INVOKE,
    /** Plus {@code return}, or only {@code return_inlined} in a method the execution model inlines. */
    RETURN,
    /** Per byte of the new array's elements, {@code newarray_per_byte} (zeroing). */
    NEWARRAY
}
