package dev.tinyj.emulator.vm.exec;

import static dev.tinyj.emulator.vm.natives.NativeCatalog.*;

import dev.tinyj.emulator.vm.memory.ArrayTable;
import dev.tinyj.emulator.vm.memory.GuestArray;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The HAL and intrinsics as the emulated board runs them: one method per
 * {@link dev.tinyj.emulator.vm.natives.NativeCatalog} id, operating on the interpreter's slots.
 * Output bytes equal those of the host implementation in {@code dev.tinyj.hal} for the same calls.
 * Extra cycles beyond the call's table cost (e.g. {@code arraycopy_per_byte}) are added here.
 */
final class HalBridge {
    /**
     * One {@code Profiler} mark.
     *
     * @param tag the span tag
     * @param begin true for begin, false for end
     * @param cycles cycle count at the mark
     */
    record Mark(int tag, boolean begin, long cycles) {
    }

    private final Machine machine;
    private final OutputStream serial;
    private final PanicDecoder panics;
    private final int[] adc;
    private int adcNext;
    private final byte[] input;
    private int inputPos;
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final int[] segmentHandles = new int[16];
    private final int[] pins = new int[64];
    private final int[] duty = new int[64];
    private long sleptMicros;
    private final int arraycopyPerByte;
    final List<Mark> marks = new ArrayList<>();

    HalBridge(Machine machine, MachineOptions options, int arraycopyPerByte) {
        this.machine = machine;
        this.serial = options.serial();
        this.panics = options.panics();
        this.adc = options.adcTrace().clone();
        this.input = options.semihostInput().clone();
        this.arraycopyPerByte = arraycopyPerByte;
        for (Map.Entry<Integer, byte[]> e : options.flashSegments().entrySet()) {
            GuestArray seg = GuestArray.flashBytes(e.getValue());
            seg.address = (int) machine.memory().placeFlashData(seg.dataBytes());
            segmentHandles[e.getKey()] = machine.arrays().add(seg);
        }
    }

    byte[] semihostOutput() {
        return output.toByteArray();
    }

    int duty(int pin) {
        return pin >= 0 && pin < duty.length ? duty[pin] : 0;
    }

    long sleptMicros() {
        return sleptMicros;
    }

    private void print(String s) {
        try {
            serial.write(s.getBytes(StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(int b) {
        try {
            serial.write(b & 0xFF);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private GuestArray array(long handle) {
        GuestArray a = machine.arrays().get((int) handle);
        if (a == null) {
            throw new Trap(FaultKind.NULL_ARRAY, "null array passed to a HAL call");
        }
        return a;
    }

    private static void range(GuestArray a, int off, int len) {
        if (off < 0 || len < 0 || off > a.length - len) {
            throw new Trap(FaultKind.ARRAY_INDEX, "range [" + off + ", " + off + "+" + len + ") out of bounds for length "
                    + a.length);
        }
    }

    /** The bytes of a {@code (byte[] buf, int off, int len)} argument triple at {@code s[sp..]}. */
    private byte[] bytes(long[] s, int sp) {
        GuestArray a = array(s[sp]);
        int off = (int) s[sp + 1];
        int len = (int) s[sp + 2];
        range(a, off, len);
        byte[] out = new byte[len];
        for (int k = 0; k < len; k++) {
            out[k] = (byte) a.get(off + k);
        }
        return out;
    }

    private static float f(long slot) {
        return Float.intBitsToFloat((int) slot);
    }

    private static int fb(float v) {
        return Float.floatToRawIntBits(v);
    }

    /** Runs native {@code id} on the slots below {@code sp}; returns the new stack pointer. */
    int call(int id, long[] s, int sp) {
        switch (id) {
            case SERIAL_BEGIN -> sp -= 2;
            case SERIAL_PRINT_STRING -> print(machine.program.strings().get((int) s[--sp]));
            case SERIAL_PRINT_INT -> print(Integer.toString((int) s[--sp]));
            case SERIAL_PRINT_LONG -> { sp -= 2; print(Long.toString(s[sp])); }
            case SERIAL_PRINT_FLOAT -> print(Float.toString(f(s[--sp])));
            case SERIAL_PRINT_CHAR, SERIAL_WRITE_BYTE -> write((int) s[--sp]);
            case SERIAL_PRINTLN -> print("\n");
            case SERIAL_PRINTLN_STRING -> print(machine.program.strings().get((int) s[--sp]) + "\n");
            case SERIAL_PRINTLN_INT -> print((int) s[--sp] + "\n");
            case SERIAL_PRINTLN_LONG -> { sp -= 2; print(s[sp] + "\n"); }
            case SERIAL_PRINTLN_FLOAT -> print(f(s[--sp]) + "\n");
            case SERIAL_PRINTLN_CHAR -> { write((int) s[--sp]); print("\n"); }
            case SERIAL_WRITE_BUFFER -> {
                sp -= 3;
                for (byte b : bytes(s, sp)) {
                    write(b);
                }
            }
            case MCU_CYCLES -> { s[sp] = machine.interpreter().cycles(); s[sp + 1] = 0; sp += 2; }
            case MCU_MICROS -> { s[sp] = micros(); s[sp + 1] = 0; sp += 2; }
            case MCU_MILLIS -> { s[sp] = micros() / 1000; s[sp + 1] = 0; sp += 2; }
            case MCU_SLEEP_MICROS -> {
                int us = (int) s[--sp];
                if (us > 0) {
                    sleptMicros += us;
                }
            }
            case MCU_HALT -> throw Trap.halt();
            case MCU_PANIC -> {
                sp -= 2;
                throw new Trap(FaultKind.PANIC, panics.describe((int) s[sp],
                        (int) s[sp + 1]) + " (Mcu.panic(code=" + (int) s[sp] + ", arg=" + (int) s[sp + 1] + "))");
            }
            case GPIO_PIN_MODE -> {
                sp -= 2;
                int pin = (int) s[sp];
                if (pin >= 0 && pin < pins.length && (int) s[sp + 1] == 2) {
                    pins[pin] = 1;
                }
            }
            case GPIO_DIGITAL_WRITE -> {
                sp -= 2;
                int pin = (int) s[sp];
                if (pin >= 0 && pin < pins.length) {
                    pins[pin] = (int) s[sp + 1] != 0 ? 1 : 0;
                }
            }
            case GPIO_ANALOG_WRITE -> {
                sp -= 2;
                int pin = (int) s[sp];
                if (pin >= 0 && pin < pins.length) {
                    duty[pin] = Math.max(0, Math.min(255, (int) s[sp + 1]));
                    pins[pin] = duty[pin] > 127 ? 1 : 0;
                }
            }
            case GPIO_DIGITAL_READ -> {
                int pin = (int) s[sp - 1];
                s[sp - 1] = pin >= 0 && pin < pins.length ? pins[pin] : 0;
            }
            case ADC_READ -> {
                int v = 0;
                if (adc.length > 0) {
                    v = adc[adcNext];
                    adcNext = (adcNext + 1) % adc.length;
                }
                s[sp - 1] = v;
            }
            case FLASH_SEGMENT -> {
                int seg = (int) s[sp - 1];
                s[sp - 1] = seg >= 0 && seg < segmentHandles.length ? segmentHandles[seg] : 0;
            }
            case FLASH_READ_SHORT, FLASH_READ_INT -> {
                sp--;
                GuestArray a = array(s[sp - 1]);
                int off = (int) s[sp];
                int n = id == FLASH_READ_SHORT ? 2 : 4;
                range(a, off, n);
                if (a.b == null) {
                    throw new Trap(FaultKind.ARRAY_INDEX, "Flash.read on a " + GuestArray.typeName(a.type) + " array");
                }
                byte[] b = a.b;
                s[sp - 1] = n == 2 ? (short) ((b[off] & 0xFF) | (b[off + 1] << 8))
                        : (b[off] & 0xFF) | (b[off + 1] & 0xFF) << 8 | (b[off + 2] & 0xFF) << 16 | b[off + 3] << 24;
            }
            case PROFILER_BEGIN, PROFILER_END -> marks.add(new Mark((int) s[--sp], id == PROFILER_BEGIN,
                    machine.interpreter().cycles()));
            case SEMIHOST_READ -> {
                sp -= 2;
                GuestArray a = array(s[sp - 1]);
                int off = (int) s[sp];
                int len = (int) s[sp + 1];
                range(a, off, len);
                int n = Math.min(len, input.length - inputPos);
                for (int k = 0; k < n; k++) {
                    a.set(off + k, input[inputPos + k]);
                }
                inputPos += n;
                s[sp - 1] = n;
            }
            case SEMIHOST_WRITE -> {
                sp -= 3;
                output.writeBytes(bytes(s, sp));
            }
            case ARRAYCOPY -> { sp -= 5; arraycopy(s, sp); }
            case MATH_MIN_INT -> { sp--; s[sp - 1] = Math.min((int) s[sp - 1], (int) s[sp]); }
            case MATH_MAX_INT -> { sp--; s[sp - 1] = Math.max((int) s[sp - 1], (int) s[sp]); }
            case MATH_ABS_INT -> s[sp - 1] = Math.abs((int) s[sp - 1]);
            case MATH_MIN_LONG -> { sp -= 2; s[sp - 2] = Math.min(s[sp - 2], s[sp]); }
            case MATH_MAX_LONG -> { sp -= 2; s[sp - 2] = Math.max(s[sp - 2], s[sp]); }
            case MATH_ABS_LONG -> s[sp - 2] = Math.abs(s[sp - 2]);
            case MATH_MIN_FLOAT -> { sp--; s[sp - 1] = fb(Math.min(f(s[sp - 1]), f(s[sp]))); }
            case MATH_MAX_FLOAT -> { sp--; s[sp - 1] = fb(Math.max(f(s[sp - 1]), f(s[sp]))); }
            case MATH_ABS_FLOAT -> s[sp - 1] = fb(Math.abs(f(s[sp - 1])));
            case INTEGER_NUMBER_OF_LEADING_ZEROS -> s[sp - 1] = Integer.numberOfLeadingZeros((int) s[sp - 1]);
            case FLOAT_TO_RAW_INT_BITS, INT_BITS_TO_FLOAT -> s[sp - 1] = (int) s[sp - 1];
            default -> throw new IllegalStateException("unknown native id " + id);
        }
        return sp;
    }

    private long micros() {
        Interpreter in = machine.interpreter();
        return in.cycles() * 1_000_000L / machine.board().clockHz() + sleptMicros;
    }

    /** System.arraycopy with its JDK checks, as guest faults; charges arraycopy_per_byte. */
    private void arraycopy(long[] s, int sp) {
        GuestArray src = array(s[sp]);
        int srcPos = (int) s[sp + 1];
        GuestArray dst = array(s[sp + 2]);
        int dstPos = (int) s[sp + 3];
        int len = (int) s[sp + 4];
        if (src.type != dst.type) {
            throw new Trap(FaultKind.ARRAY_STORE, "System.arraycopy from " + GuestArray.typeName(src.type) + "[] to "
                    + GuestArray.typeName(dst.type) + "[]");
        }
        range(src, srcPos, len);
        range(dst, dstPos, len);
        if (dst.inFlash && len > 0) {
            throw new Trap(FaultKind.FLASH_WRITE, "System.arraycopy into a flash array");
        }
        System.arraycopy(src.data(), srcPos, dst.data(), dstPos, len);
        machine.interpreter().ticks += (long) arraycopyPerByte * len * GuestArray.elementBytes(src.type);
    }
}
