package dev.tinyj.boards;

/**
 * One board profile, resolved from its board file and the MCU and core files it includes
 * ({@code boards/src/main/resources/dev/tinyj/boards/}).
 *
 * @param id board id, e.g. {@code arduino-uno}
 * @param displayName human name, e.g. {@code Arduino Uno Rev3}
 * @param mcu MCU part name as the datasheet spells it, e.g. {@code atmega328p}
 * @param core core id naming the cost table, e.g. {@code avr8}, {@code cortex-m4}
 * @param clockHz core clock in Hz
 * @param flash program flash available to firmware (base address, size in bytes)
 * @param sram data memory (base address, size in bytes)
 * @param vmSramBytes SRAM the VM/HAL itself uses (e.g. the Arduino core's Serial buffers), bytes
 * @param vmFlashBytes flash the VM/HAL code itself uses, bytes
 * @param memory per-core memory layout formulas (pointer size, array header, stack frames)
 * @param codeSize per-core code-size model (flash bytes per bytecode byte)
 * @param costs per-core cycle cost table
 * @param power supply and current figures, each sourced or unknown
 */
public record Board(
        String id,
        String displayName,
        String mcu,
        String core,
        long clockHz,
        Region flash,
        Region sram,
        int vmSramBytes,
        int vmFlashBytes,
        MemoryModel memory,
        CodeSizeModel codeSize,
        CostTable costs,
        PowerModel power) {

    /** An address range: {@code base} is the first address, {@code size} in bytes. */
    public record Region(long base, int size) {
        /** One past the last address. */
        public long end() {
            return base + size;
        }
    }
}
