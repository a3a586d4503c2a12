package dev.tinyj.emulator.vm.memory;

import dev.tinyj.boards.Board;

/**
 * Accounts guest SRAM and flash against the board's real memory map (DESIGN.md, "The machine"):
 *
 * <pre>
 * SRAM:  base | VM/HAL base | statics | heap (grows up) ...      ... stack (grows down) | end
 * flash: base | code (VM base + firmware) | constant tables (@Progmem, strings) | segments
 * </pre>
 *
 * <p>The data itself lives in typed host arrays; only addresses and sizes are computed here.
 * All figures are bytes. High-water marks are the most ever used.
 */
public final class MemoryAccount {
    private final Board.Region sram;
    private final int vmSramBytes;
    private final int staticBytes;
    private final long heapBase;
    private long heapTop;
    private long stackPointer;
    private long stackLowWater;
    private final long flashCapacity;
    private long flashCodeBytes;
    private long flashDataBytes;
    private long flashNext;
    private long sramExtra;

    /**
     * @param board the board (memory map)
     * @param staticBytes bytes of static fields (.data/.bss) after the VM/HAL base
     */
    public MemoryAccount(Board board, int staticBytes) {
        this.sram = board.sram();
        this.vmSramBytes = board.vmSramBytes();
        this.staticBytes = staticBytes;
        this.heapBase = sram.base() + vmSramBytes + staticBytes;
        this.heapTop = heapBase;
        this.stackPointer = sram.end();
        this.stackLowWater = stackPointer;
        this.flashCapacity = board.flash().size();
        this.flashNext = board.flash().base();
    }

    /**
     * Lets an over-capacity image run anyway on an enlarged memory map ({@code --ignore-limits}):
     * adds {@code bytes} of hypothetical SRAM above the real end.
     */
    public void enlargeSram(long bytes) {
        sramExtra = bytes;
        stackPointer = sram.end() + sramExtra;
        stackLowWater = stackPointer;
    }

    /** Whether statics and the VM base alone already exceed SRAM. */
    public boolean staticsOverflow() {
        return heapBase > stackPointer;
    }

    /**
     * Allocates {@code bytes} on the heap.
     *
     * @return the address, or -1 when the heap would meet the stack (the caller faults)
     */
    public long allocate(int bytes) {
        long at = heapTop;
        long top = heapTop + bytes;
        if (top > stackPointer) {
            return -1;
        }
        heapTop = top;
        return at;
    }

    /**
     * Pushes a stack frame of {@code bytes}.
     *
     * @return false when the stack would meet the heap (the caller faults)
     */
    public boolean pushFrame(int bytes) {
        long sp = stackPointer - bytes;
        if (sp < heapTop) {
            return false;
        }
        stackPointer = sp;
        if (sp < stackLowWater) {
            stackLowWater = sp;
        }
        return true;
    }

    /** Restores the stack pointer to {@code sp} (after a halt unwinds every frame at once). */
    public void resetStack(long sp) {
        stackPointer = sp;
    }

    /** Pops a stack frame of {@code bytes}. */
    public void popFrame(int bytes) {
        stackPointer += bytes;
    }

    /** Places {@code bytes} of constant data in flash; returns its address. */
    public long placeFlashData(int bytes) {
        long at = flashNext + flashCodeBytes + flashDataBytes;
        flashDataBytes += bytes;
        return at;
    }

    /** Sets the code size in flash (VM base + firmware code), bytes. */
    public void setFlashCode(long bytes) {
        flashCodeBytes = bytes;
    }

    /** SRAM capacity, bytes (the real part's, without any enlargement). */
    public int sramCapacity() {
        return sram.size();
    }

    /** The VM/HAL's own SRAM base, bytes. */
    public int vmSramBytes() {
        return vmSramBytes;
    }

    /** Static fields, bytes. */
    public int staticBytes() {
        return staticBytes;
    }

    /** Heap high-water (the heap never shrinks), bytes. */
    public long heapBytes() {
        return heapTop - heapBase;
    }

    /** Stack high-water, bytes. */
    public long stackPeakBytes() {
        return sram.end() + sramExtra - stackLowWater;
    }

    /** Stack in use now, bytes. */
    public long stackBytes() {
        return sram.end() + sramExtra - stackPointer;
    }

    /** Current guest stack pointer (address). */
    public long stackPointer() {
        return stackPointer;
    }

    /** Current heap top (address). */
    public long heapTop() {
        return heapTop;
    }

    /** Peak SRAM: VM base + statics + heap + stack peak, bytes. */
    public long sramPeakBytes() {
        return vmSramBytes + staticBytes + heapBytes() + stackPeakBytes();
    }

    /** Flash code bytes (VM base + firmware code). */
    public long flashCodeBytes() {
        return flashCodeBytes;
    }

    /** Flash constant-data bytes (@Progmem tables, strings, segments). */
    public long flashDataBytes() {
        return flashDataBytes;
    }

    /** Flash capacity for firmware, bytes. */
    public long flashCapacity() {
        return flashCapacity;
    }
}
