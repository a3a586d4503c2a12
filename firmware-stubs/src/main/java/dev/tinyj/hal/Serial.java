package dev.tinyj.hal;

import java.io.PrintStream;

/**
 * The board's serial port (UART), Arduino-shaped: {@code print}/{@code println} of numbers and
 * constant strings, and raw {@code write}.
 *
 * <p>Text is ASCII; a number prints in decimal as {@link Integer#toString(int)},
 * {@link Long#toString(long)} and {@link Float#toString(float)} print it, on the host and in the
 * emulator alike, so both produce the same bytes. A string argument must be a constant (an
 * {@code ldc} operand): string building is outside the subset.
 *
 * <p>Host implementation: bytes go to {@link System#out} unless {@link #redirect} chose another
 * stream.
 */
public final class Serial {
    private static PrintStream out = System.out;

    private Serial() {
    }

    /** Opens the port at {@code baud} bits per second; nothing to do on the host or emulator. */
    public static void begin(long baud) {
    }

    /** Prints a constant string. */
    public static void print(String s) {
        out.print(s);
        out.flush();
    }

    /** Prints {@code v} in decimal. */
    public static void print(int v) {
        print(Integer.toString(v));
    }

    /** Prints {@code v} in decimal. */
    public static void print(long v) {
        print(Long.toString(v));
    }

    /** Prints {@code v} as {@link Float#toString(float)} formats it. */
    public static void print(float v) {
        print(Float.toString(v));
    }

    /** Prints the character {@code c} (its low 8 bits, as a UART sends it). */
    public static void print(char c) {
        write(c);
    }

    /** Prints a line end ({@code "\n"}). */
    public static void println() {
        print("\n");
    }

    /** Prints a constant string and a line end. */
    public static void println(String s) {
        print(s);
        println();
    }

    /** Prints {@code v} in decimal and a line end. */
    public static void println(int v) {
        print(v);
        println();
    }

    /** Prints {@code v} in decimal and a line end. */
    public static void println(long v) {
        print(v);
        println();
    }

    /** Prints {@code v} and a line end. */
    public static void println(float v) {
        print(v);
        println();
    }

    /** Prints the character {@code c} and a line end. */
    public static void println(char c) {
        print(c);
        println();
    }

    /** Sends one byte: the low 8 bits of {@code b}. */
    public static void write(int b) {
        out.write(b & 0xFF);
        out.flush();
    }

    /**
     * Sends {@code len} bytes of {@code buf} from {@code off}.
     *
     * @throws IndexOutOfBoundsException on the host when the range is outside {@code buf}
     *     (the emulator faults with an array-index fault instead)
     */
    public static void write(byte[] buf, int off, int len) {
        out.write(buf, off, len);
        out.flush();
    }

    /** Host only: sends later output to {@code stream} (tests capture it this way). */
    public static void redirect(PrintStream stream) {
        out = stream;
    }
}
