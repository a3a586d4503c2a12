package dev.tinyj.emulator.toolchain.image;

import dev.tinyj.emulator.toolchain.ops.OpTable;
import dev.tinyj.runtime.model.ModelImage;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The host-side table of the runtime's {@code Mcu.panic(code, arg)} codes: code → message
 * template, {@code %d} and {@code %x} standing for the argument. The emulator turns a PANIC fault
 * into a sentence with {@link #format}. Codes 0x6000..0x60FF are the model image's and the
 * runner's ({@link ModelImage}, listed here), 0x7000..0x70FF the kernels' (each declared by its
 * operator, {@link dev.tinyj.emulator.toolchain.ops.OpSpec#panics()}, and gathered from
 * {@link OpTable}; a code declared twice with different wording is a TinyJ bug).
 */
public final class PanicMessages {
    private PanicMessages() {
    }

    private static final Map<Integer, String> IMAGE = Map.ofEntries(
            Map.entry(ModelImage.PANIC_NO_IMAGE, "model image: no image in flash segment (Flash.segment gave null)"),
            Map.entry(ModelImage.PANIC_TRUNCATED,
                    "model image: truncated: only %d bytes present, the header or its total size says more"),
            Map.entry(ModelImage.PANIC_BAD_MAGIC,
                    "model image: bad magic %08x at offset 0 (expected 4a594e54, \"TNYJ\"): not a TinyJ model image"),
            Map.entry(ModelImage.PANIC_BAD_VERSION,
                    "model image: format version %d is not supported (this runtime reads version "
                            + ModelImage.VERSION + ")"),
            Map.entry(ModelImage.PANIC_BAD_HEADER, "model image: header field at byte offset %d is inconsistent"),
            Map.entry(ModelImage.PANIC_CHECKSUM,
                    "model image: checksum mismatch (computed Adler-32 %08x differs from the stored one): "
                            + "corrupt image"),
            Map.entry(ModelImage.PANIC_BAD_TENSOR,
                    "model image: tensor %d: bad placement, type, dims, size or range"),
            Map.entry(ModelImage.PANIC_BAD_OP,
                    "model image: operator %d: bad flags, parameter block range or in-place aliasing"),
            Map.entry(ModelImage.PANIC_UNKNOWN_OP, "model image: operator %d: unknown op code"),
            Map.entry(ModelImage.PANIC_BAD_OPERAND,
                    "model image: operator %d: bad operand count, operand index or output tensor"),
            Map.entry(ModelImage.PANIC_BAD_INPUT, "model image: model input %d is not an arena tensor"),
            Map.entry(ModelImage.PANIC_BAD_OUTPUT, "model image: model output %d is not an arena tensor"),
            Map.entry(ModelImage.PANIC_ARENA_TOO_SMALL,
                    "model runner: the arena (%d bytes) is smaller than the image's arena size"),
            Map.entry(ModelImage.PANIC_OP_NOT_RESOLVED,
                    "model runner: op code %d has no case in this firmware's OpResolver"));

    private static final Map<Integer, String> MESSAGES = gather();

    private static Map<Integer, String> gather() {
        Map<Integer, String> all = new HashMap<>(IMAGE);
        for (OpTable.Entry e : OpTable.entries()) {
            e.spec().panics().forEach((code, text) -> {
                String before = all.putIfAbsent(code, text);
                if (before != null && !before.equals(text)) {
                    throw new IllegalStateException("panic code " + code + " is declared twice: " + before + " / "
                            + text);
                }
            });
        }
        return Map.copyOf(all);
    }

    /** The template of {@code code}, if known. */
    public static Optional<String> template(int code) {
        return Optional.ofNullable(MESSAGES.get(code));
    }

    /** Every known code. */
    public static Map<Integer, String> all() {
        return MESSAGES;
    }

    /** The message for {@code Mcu.panic(code, arg)}; unknown codes say so and show both numbers. */
    public static String format(int code, int arg) {
        String t = MESSAGES.get(code);
        if (t == null) {
            return String.format("panic code 0x%04x (unknown to this toolchain), arg %d", code, arg);
        }
        return String.format(t, arg) + String.format(" [panic 0x%04x]", code);
    }
}
