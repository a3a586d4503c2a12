package dev.tinyj.hal;

/**
 * The microcontroller itself: cycle counter, time, sleep, halt and panic.
 *
 * <p>Host implementation: deterministic. {@link #cycles()} counts nothing and returns 0;
 * {@link #micros()} and {@link #millis()} return only the time slept through
 * {@link #sleepMicros(int)}; {@link #halt()} and {@link #panic(int, int)} throw
 * {@link McuStop} so a host test can see them.
 */
public final class Mcu {
    private static long sleptMicros;

    private Mcu() {
    }

    /** Core clock cycles since reset; always 0 on the host. */
    public static long cycles() {
        return 0;
    }

    /** Microseconds since reset: cycles at the board clock plus time slept. */
    public static long micros() {
        return sleptMicros;
    }

    /** Milliseconds since reset ({@link #micros()} / 1000). */
    public static long millis() {
        return sleptMicros / 1000;
    }

    /**
     * Sleeps {@code us} microseconds in the board's timed-wake sleep mode (on AVR, power-down
     * with the watchdog running). A negative value is treated as 0.
     */
    public static void sleepMicros(int us) {
        if (us > 0) {
            sleptMicros += us;
        }
    }

    /** Stops the firmware normally: no further {@code loop()} call. */
    public static void halt() {
        throw new McuStop(McuStop.HALT, 0);
    }

    /**
     * Stops the firmware with an error: the runtime's only error channel. The emulator turns it
     * into a {@code PANIC} fault (exit code 3) whose message comes from a host-side table keyed
     * by {@code code}; {@code arg} gives detail (an index, a byte offset).
     *
     * @param code a {@code PANIC_*} code (see the runtime's table); any int is accepted
     * @param arg detail for the message
     */
    public static void panic(int code, int arg) {
        throw new McuStop(code, arg);
    }

    /** Host only: forgets time slept, as a reset would. */
    public static void reset() {
        sleptMicros = 0;
    }
}
