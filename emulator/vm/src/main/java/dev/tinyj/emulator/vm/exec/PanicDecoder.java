package dev.tinyj.emulator.vm.exec;

/**
 * Turns the arguments of a guest {@code Mcu.panic(code, arg)} into the sentence a PANIC fault
 * shows. The VM knows no runtime's codes: the host that links the firmware supplies its table
 * (the inference runtime's is {@code dev.tinyj.emulator.toolchain.image.PanicMessages}).
 */
@FunctionalInterface
public interface PanicDecoder {
    /** Decodes nothing: the code in hex and the argument, for firmware whose codes the host does not know. */
    PanicDecoder RAW = (code, arg) -> String.format("panic code 0x%04x (unknown to this toolchain), arg %d", code, arg);

    /** The message for {@code Mcu.panic(code, arg)}. */
    String describe(int code, int arg);
}
