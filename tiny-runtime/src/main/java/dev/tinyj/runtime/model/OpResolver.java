package dev.tinyj.runtime.model;

import dev.tinyj.hal.Mcu;

/**
 * The op dispatcher {@link ModelRunner} calls, resolved at link time. The host generates the real
 * class from its operator table ({@code dev.tinyj.emulator.toolchain.image.ResolverGenerator}: one
 * {@code switch} over the op codes, each case calling its generated {@code OpBridges} method,
 * which resolves the op's operands from its op-table entry and calls the kernel) and puts it first
 * on the firmware classpath: the default resolver lists every operator, a firmware built for one
 * model only that model's (as TFLM's {@code MicroMutableOpResolver}), so only those kernels are
 * linked. This placeholder, which only lets the runtime compile, resolves nothing: every op code
 * panics with {@link ModelImage#PANIC_OP_NOT_RESOLVED} (arg = op code), as an op code missing from
 * a generated resolver does.
 */
public final class OpResolver {
    private OpResolver() {
    }

    /** Runs the op whose table entry is at image offset {@code opEntry} (here: panics, see the class comment). */
    public static void invoke(int opCode, byte[] image, int opEntry, byte[] arena) {
        Mcu.panic(ModelImage.PANIC_OP_NOT_RESOLVED, opCode);
    }
}
