/**
 * The hardware abstraction layer TinyJ firmware compiles against.
 *
 * <p>A firmware is a class with {@code public static void setup()} and
 * {@code public static void loop()}, written in TinyJ's restricted Java subset
 * ({@code ../shared/docs/DESIGN.md}, "The restricted subset"). Every method here has a
 * deterministic host implementation so the same firmware also runs on a plain JVM; inside the
 * emulator ({@code dev.tinyj.emulator}) the same methods are bound as natives that charge cycles
 * from the board's cost table and act on the emulated board.
 *
 * <p>Host-side setters ({@code bind}, {@code reset}, ...) exist for tests and tools; firmware
 * must not call them (the subset verifier rejects calls to them).
 */
package dev.tinyj.hal;
