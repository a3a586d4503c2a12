package dev.tinyj.emulator.vm.exec;

/** What stopped a guest at run time (exit code 3, DESIGN.md "Exit codes"). */
public enum FaultKind {
    /** {@code idiv}/{@code irem}/{@code ldiv}/{@code lrem} by zero (JVMS §6.5 idiv). */
    DIVIDE_BY_ZERO("divide by zero"),
    /** Array index outside {@code [0, length)} (JVMS §6.5 iaload). */
    ARRAY_INDEX("array index out of bounds"),
    /** Array operation on a {@code null} reference. */
    NULL_ARRAY("null array"),
    /** {@code System.arraycopy} between arrays of different element types. */
    ARRAY_STORE("array type mismatch"),
    /** {@code newarray} with a negative count (JVMS §6.5 newarray). */
    NEGATIVE_ARRAY_SIZE("negative array size"),
    /** {@code newarray} while {@code loop()} runs: firmware must allocate in setup(). */
    ALLOCATION_IN_LOOP("allocation in loop()"),
    /** Heap and stack met in SRAM. */
    SRAM_OVERFLOW("SRAM overflow"),
    /** A store into flash (a @Progmem table or a flash segment). */
    FLASH_WRITE("store into flash"),
    /** The firmware called {@code Mcu.panic(code, arg)}. */
    PANIC("panic"),
    /** The cycle budget {@code --watchdog-cycles} ran out. */
    WATCHDOG("watchdog");

    private final String title;

    FaultKind(String title) {
        this.title = title;
    }

    /** Short human title, e.g. {@code SRAM overflow}. */
    public String title() {
        return title;
    }
}
