package dev.tinyj.emulator.vm.exec;

import java.io.OutputStream;
import java.util.Map;

/**
 * How a machine runs.
 *
 * @param watchdogCycles cycles one {@code <clinit>}, {@code setup()} or {@code loop()} call may take before a
 *     {@link FaultKind#WATCHDOG} fault (the watchdog is fed when each call returns)
 * @param serial where the firmware's Serial bytes go
 * @param flashSegments bytes of each flash segment id ({@code Flash.segment(id)})
 * @param adcTrace samples returned by {@code Adc.read}, in order, wrapping (empty: reads 0)
 * @param semihostInput bytes {@code Semihost.read} returns
 * @param extraSramBytes hypothetical SRAM added above the real end ({@code --ignore-limits}), 0 normally
 * @param panics how a guest {@code Mcu.panic(code, arg)} is worded in the fault ({@link PanicDecoder#RAW}
 *     when the host does not know the firmware's codes)
 */
public record MachineOptions(
        long watchdogCycles,
        OutputStream serial,
        Map<Integer, byte[]> flashSegments,
        int[] adcTrace,
        byte[] semihostInput,
        long extraSramBytes,
        PanicDecoder panics) {

    /** Options whose panics are worded by {@link PanicDecoder#RAW}. */
    public MachineOptions(long watchdogCycles, OutputStream serial, Map<Integer, byte[]> flashSegments, int[] adcTrace,
            byte[] semihostInput, long extraSramBytes) {
        this(watchdogCycles, serial, flashSegments, adcTrace, semihostInput, extraSramBytes, PanicDecoder.RAW);
    }

    /** A generous default watchdog: 10^10 cycles (over 10 minutes of a 16 MHz AVR). */
    public static final long DEFAULT_WATCHDOG_CYCLES = 10_000_000_000L;

    /** Defaults: default watchdog, no segments, no ADC trace, no input. */
    public static MachineOptions defaults(OutputStream serial) {
        return new MachineOptions(DEFAULT_WATCHDOG_CYCLES, serial, Map.of(), new int[0], new byte[0], 0);
    }

    public MachineOptions withWatchdog(long cycles) {
        return new MachineOptions(cycles, serial, flashSegments, adcTrace, semihostInput, extraSramBytes, panics);
    }

    /** These options with panics worded by {@code decoder}. */
    public MachineOptions withPanics(PanicDecoder decoder) {
        return new MachineOptions(watchdogCycles, serial, flashSegments, adcTrace, semihostInput, extraSramBytes,
                decoder);
    }
}
