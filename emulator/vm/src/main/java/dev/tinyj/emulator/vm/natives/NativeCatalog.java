package dev.tinyj.emulator.vm.natives;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every method outside the firmware image that firmware may call: the HAL
 * ({@code dev.tinyj.hal}) and the intrinsics DESIGN.md allows. The verifier rejects any other
 * call outside the image; the interpreter dispatches on {@link Native#id()}.
 *
 * <p>Each entry names the cost-table extra it is charged with (cost table {@code extras}); a
 * HAL call with no extra of its own is charged {@code native_call}; {@code Profiler} calls are
 * free.
 */
public final class NativeCatalog {
    /** Whether a native is a HAL call or a JDK intrinsic. */
    public enum Kind { HAL, INTRINSIC }

    /**
     * One allowed external method.
     *
     * @param id dense index, the interpreter's switch key
     * @param owner internal class name, e.g. {@code dev/tinyj/hal/Serial}
     * @param name method name
     * @param descriptor JVMS method descriptor
     * @param kind HAL or intrinsic
     * @param costExtra cost-table extra charged per call ({@code free} for none)
     */
    public record Native(int id, String owner, String name, String descriptor, Kind kind, String costExtra) {
        /** {@code Owner.name(desc)} with the simple class name, for messages. */
        public String display() {
            return owner.substring(owner.lastIndexOf('/') + 1) + "." + name + descriptor;
        }
    }

    // ids: keep in this order; the interpreter's natives switch uses these constants
    public static final int SERIAL_BEGIN = 0;
    public static final int SERIAL_PRINT_STRING = 1;
    public static final int SERIAL_PRINT_INT = 2;
    public static final int SERIAL_PRINT_LONG = 3;
    public static final int SERIAL_PRINT_FLOAT = 4;
    public static final int SERIAL_PRINT_CHAR = 5;
    public static final int SERIAL_PRINTLN = 6;
    public static final int SERIAL_PRINTLN_STRING = 7;
    public static final int SERIAL_PRINTLN_INT = 8;
    public static final int SERIAL_PRINTLN_LONG = 9;
    public static final int SERIAL_PRINTLN_FLOAT = 10;
    public static final int SERIAL_PRINTLN_CHAR = 11;
    public static final int SERIAL_WRITE_BYTE = 12;
    public static final int SERIAL_WRITE_BUFFER = 13;
    public static final int MCU_CYCLES = 14;
    public static final int MCU_MICROS = 15;
    public static final int MCU_MILLIS = 16;
    public static final int MCU_SLEEP_MICROS = 17;
    public static final int MCU_HALT = 18;
    public static final int MCU_PANIC = 19;
    public static final int GPIO_PIN_MODE = 20;
    public static final int GPIO_DIGITAL_WRITE = 21;
    public static final int GPIO_DIGITAL_READ = 22;
    public static final int ADC_READ = 23;
    public static final int FLASH_SEGMENT = 24;
    public static final int FLASH_READ_SHORT = 25;
    public static final int FLASH_READ_INT = 26;
    public static final int PROFILER_BEGIN = 27;
    public static final int PROFILER_END = 28;
    public static final int SEMIHOST_READ = 29;
    public static final int SEMIHOST_WRITE = 30;
    public static final int ARRAYCOPY = 31;
    public static final int MATH_MIN_INT = 32;
    public static final int MATH_MAX_INT = 33;
    public static final int MATH_ABS_INT = 34;
    public static final int MATH_MIN_LONG = 35;
    public static final int MATH_MAX_LONG = 36;
    public static final int MATH_ABS_LONG = 37;
    public static final int MATH_MIN_FLOAT = 38;
    public static final int MATH_MAX_FLOAT = 39;
    public static final int MATH_ABS_FLOAT = 40;
    public static final int INTEGER_NUMBER_OF_LEADING_ZEROS = 41;
    public static final int FLOAT_TO_RAW_INT_BITS = 42;
    public static final int INT_BITS_TO_FLOAT = 43;
    public static final int GPIO_ANALOG_WRITE = 44;

    private static final String SERIAL = "dev/tinyj/hal/Serial";
    private static final String MCU = "dev/tinyj/hal/Mcu";
    private static final String GPIO = "dev/tinyj/hal/Gpio";
    private static final String ADC = "dev/tinyj/hal/Adc";
    private static final String FLASH = "dev/tinyj/hal/Flash";
    private static final String PROFILER = "dev/tinyj/hal/Profiler";
    private static final String SEMIHOST = "dev/tinyj/hal/Semihost";

    private static final List<Native> ALL = List.of(
            hal(SERIAL_BEGIN, SERIAL, "begin", "(J)V", "native_call"),
            hal(SERIAL_PRINT_STRING, SERIAL, "print", "(Ljava/lang/String;)V", "serial_print"),
            hal(SERIAL_PRINT_INT, SERIAL, "print", "(I)V", "serial_print"),
            hal(SERIAL_PRINT_LONG, SERIAL, "print", "(J)V", "serial_print"),
            hal(SERIAL_PRINT_FLOAT, SERIAL, "print", "(F)V", "serial_print"),
            hal(SERIAL_PRINT_CHAR, SERIAL, "print", "(C)V", "serial_print"),
            hal(SERIAL_PRINTLN, SERIAL, "println", "()V", "serial_print"),
            hal(SERIAL_PRINTLN_STRING, SERIAL, "println", "(Ljava/lang/String;)V", "serial_print"),
            hal(SERIAL_PRINTLN_INT, SERIAL, "println", "(I)V", "serial_print"),
            hal(SERIAL_PRINTLN_LONG, SERIAL, "println", "(J)V", "serial_print"),
            hal(SERIAL_PRINTLN_FLOAT, SERIAL, "println", "(F)V", "serial_print"),
            hal(SERIAL_PRINTLN_CHAR, SERIAL, "println", "(C)V", "serial_print"),
            hal(SERIAL_WRITE_BYTE, SERIAL, "write", "(I)V", "serial_print"),
            hal(SERIAL_WRITE_BUFFER, SERIAL, "write", "([BII)V", "serial_print"),
            hal(MCU_CYCLES, MCU, "cycles", "()J", "native_call"),
            hal(MCU_MICROS, MCU, "micros", "()J", "native_call"),
            hal(MCU_MILLIS, MCU, "millis", "()J", "native_call"),
            hal(MCU_SLEEP_MICROS, MCU, "sleepMicros", "(I)V", "native_call"),
            hal(MCU_HALT, MCU, "halt", "()V", "native_call"),
            hal(MCU_PANIC, MCU, "panic", "(II)V", "native_call"),
            hal(GPIO_PIN_MODE, GPIO, "pinMode", "(II)V", "native_call"),
            hal(GPIO_DIGITAL_WRITE, GPIO, "digitalWrite", "(II)V", "native_call"),
            hal(GPIO_DIGITAL_READ, GPIO, "digitalRead", "(I)I", "native_call"),
            hal(ADC_READ, ADC, "read", "(I)I", "adc_read"),
            hal(FLASH_SEGMENT, FLASH, "segment", "(I)[B", "native_call"),
            intrinsic(FLASH_READ_SHORT, FLASH, "readShort", "([BI)I", "flash_read_short"),
            intrinsic(FLASH_READ_INT, FLASH, "readInt", "([BI)I", "flash_read_int"),
            hal(PROFILER_BEGIN, PROFILER, "begin", "(I)V", "free"),
            hal(PROFILER_END, PROFILER, "end", "(I)V", "free"),
            hal(SEMIHOST_READ, SEMIHOST, "read", "([BII)I", "free"),
            hal(SEMIHOST_WRITE, SEMIHOST, "write", "([BII)V", "free"),
            intrinsic(ARRAYCOPY, "java/lang/System", "arraycopy", "(Ljava/lang/Object;ILjava/lang/Object;II)V", "arraycopy"),
            intrinsic(MATH_MIN_INT, "java/lang/Math", "min", "(II)I", "math_min_max_abs"),
            intrinsic(MATH_MAX_INT, "java/lang/Math", "max", "(II)I", "math_min_max_abs"),
            intrinsic(MATH_ABS_INT, "java/lang/Math", "abs", "(I)I", "math_min_max_abs"),
            intrinsic(MATH_MIN_LONG, "java/lang/Math", "min", "(JJ)J", "math_min_max_abs_long"),
            intrinsic(MATH_MAX_LONG, "java/lang/Math", "max", "(JJ)J", "math_min_max_abs_long"),
            intrinsic(MATH_ABS_LONG, "java/lang/Math", "abs", "(J)J", "math_min_max_abs_long"),
            intrinsic(MATH_MIN_FLOAT, "java/lang/Math", "min", "(FF)F", "math_min_max_abs_float"),
            intrinsic(MATH_MAX_FLOAT, "java/lang/Math", "max", "(FF)F", "math_min_max_abs_float"),
            intrinsic(MATH_ABS_FLOAT, "java/lang/Math", "abs", "(F)F", "math_min_max_abs_float"),
            intrinsic(INTEGER_NUMBER_OF_LEADING_ZEROS, "java/lang/Integer", "numberOfLeadingZeros", "(I)I", "clz"),
            intrinsic(FLOAT_TO_RAW_INT_BITS, "java/lang/Float", "floatToRawIntBits", "(F)I", "free"),
            intrinsic(INT_BITS_TO_FLOAT, "java/lang/Float", "intBitsToFloat", "(I)F", "free"),
            hal(GPIO_ANALOG_WRITE, GPIO, "analogWrite", "(II)V", "native_call"));

    private static final Map<String, Native> BY_KEY = new LinkedHashMap<>();

    static {
        for (int i = 0; i < ALL.size(); i++) {
            Native n = ALL.get(i);
            if (n.id() != i) {
                throw new ExceptionInInitializerError("native ids out of order at " + n.display());
            }
            BY_KEY.put(key(n.owner(), n.name(), n.descriptor()), n);
        }
    }

    private NativeCatalog() {
    }

    private static Native hal(int id, String owner, String name, String desc, String cost) {
        return new Native(id, owner, name, desc, Kind.HAL, cost);
    }

    private static Native intrinsic(int id, String owner, String name, String desc, String cost) {
        return new Native(id, owner, name, desc, Kind.INTRINSIC, cost);
    }

    private static String key(String owner, String name, String desc) {
        return owner + '.' + name + desc;
    }

    /** The native for this call target, or empty when firmware may not call it. */
    public static Optional<Native> find(String owner, String name, String descriptor) {
        return Optional.ofNullable(BY_KEY.get(key(owner, name, descriptor)));
    }

    /** Every native, in id order. */
    public static List<Native> all() {
        return ALL;
    }

    /** Whether a Serial print call takes a constant string as its argument. */
    public static boolean takesString(Native n) {
        return n.descriptor().startsWith("(Ljava/lang/String;");
    }
}
