package dev.tinyj.hal;

/**
 * The analog-to-digital converter. Samples come from a trace (the emulator's {@code --adc FILE},
 * or {@link #bind(int[])} on the host), one per {@link #read(int)} call whatever the channel,
 * wrapping around at the trace's end; with no trace every read returns 0.
 *
 * <p>Values are raw converter codes (0..1023 on a 10-bit AVR ADC, 0..4095 on a 12-bit STM32 ADC);
 * the trace is not range-checked.
 */
public final class Adc {
    private static int[] trace = new int[0];
    private static int next;

    private Adc() {
    }

    /** Reads one sample on {@code channel}. */
    public static int read(int channel) {
        if (trace.length == 0) {
            return 0;
        }
        int v = trace[next];
        next = (next + 1) % trace.length;
        return v;
    }

    /** Host only: replaces the trace and rewinds it. */
    public static void bind(int[] samples) {
        trace = samples.clone();
        next = 0;
    }
}
