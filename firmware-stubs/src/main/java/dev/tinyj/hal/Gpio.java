package dev.tinyj.hal;

/**
 * Digital pins, Arduino-shaped. Pins are numbered 0..63; a pin outside that range is ignored on
 * write and reads {@link #LOW}.
 *
 * <p>Host implementation: a pin reads back the last value written to it.
 */
public final class Gpio {
    /** Pin mode: input. */
    public static final int INPUT = 0;
    /** Pin mode: output. */
    public static final int OUTPUT = 1;
    /** Pin mode: input with the internal pull-up. */
    public static final int INPUT_PULLUP = 2;
    /** Logic level low. */
    public static final int LOW = 0;
    /** Logic level high. */
    public static final int HIGH = 1;
    /** Number of pins modelled. */
    public static final int PINS = 64;

    private static final int[] LEVEL = new int[PINS];
    private static final int[] DUTY = new int[PINS];

    private Gpio() {
    }

    /** Sets a pin's mode ({@link #INPUT}, {@link #OUTPUT}, {@link #INPUT_PULLUP}). */
    public static void pinMode(int pin, int mode) {
        if (pin >= 0 && pin < PINS && mode == INPUT_PULLUP) {
            LEVEL[pin] = HIGH;
        }
    }

    /** Drives a pin {@link #HIGH} (any non-zero value) or {@link #LOW}. */
    public static void digitalWrite(int pin, int value) {
        if (pin >= 0 && pin < PINS) {
            LEVEL[pin] = value != 0 ? HIGH : LOW;
        }
    }

    /** Reads a pin: {@link #HIGH} or {@link #LOW}. */
    public static int digitalRead(int pin) {
        return pin >= 0 && pin < PINS ? LEVEL[pin] : LOW;
    }

    /**
     * Writes a PWM duty cycle to a pin, Arduino's {@code analogWrite}: 0 (always low) .. 255
     * (always high), clamped to that range. The pin then reads {@link #HIGH} when the duty is above
     * 127. An LED on the pin shows it as brightness.
     */
    public static void analogWrite(int pin, int duty) {
        if (pin >= 0 && pin < PINS) {
            DUTY[pin] = Math.max(0, Math.min(255, duty));
            LEVEL[pin] = DUTY[pin] > 127 ? HIGH : LOW;
        }
    }

    /** Host only: the last duty written to {@code pin} with {@link #analogWrite} (0 when none). */
    public static int duty(int pin) {
        return pin >= 0 && pin < PINS ? DUTY[pin] : 0;
    }

    /** Host only: all pins low, as after reset. */
    public static void reset() {
        java.util.Arrays.fill(LEVEL, LOW);
        java.util.Arrays.fill(DUTY, 0);
    }
}
