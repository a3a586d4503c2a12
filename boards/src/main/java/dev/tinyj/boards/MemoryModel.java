package dev.tinyj.boards;

/**
 * How an ahead-of-time compiler for this core lays out data, in bytes. Values come from the core
 * file ({@code memory.*} keys).
 *
 * <p>Array = {@code arrayHeaderBytes} + length x element size (boolean/byte 1, char/short 2,
 * int/float 4, long 8). Static field = its type's size ({@code pointerBytes} for an array
 * reference). Stack frame of a method = {@code frameBaseBytes} (return address and saved
 * registers) + Σ over its local variables of their sizes (int/float 4, long 8, reference
 * {@code pointerBytes}) + {@code frameSpillBytesPerStackSlot} x its {@code max_stack}.
 *
 * @param pointerBytes size of an array reference (2 on AVR, 4 on Cortex-M)
 * @param arrayHeaderBytes bytes before an array's elements (its length field)
 * @param frameBaseBytes fixed bytes of every stack frame
 * @param frameSpillBytesPerStackSlot bytes per JVM operand-stack slot an AOT compiler spills
 */
public record MemoryModel(
        int pointerBytes,
        int arrayHeaderBytes,
        int frameBaseBytes,
        int frameSpillBytesPerStackSlot) {
}
