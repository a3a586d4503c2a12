package dev.tinyj.emulator.run;

import dev.tinyj.emulator.toolchain.compile.CompiledModel;
import dev.tinyj.emulator.toolchain.compile.CompiledTensor;
import dev.tinyj.emulator.toolchain.image.HostLink;
import dev.tinyj.runtime.model.ModelRunner;

/**
 * One inference through the device runtime on the host JVM (no emulator, no cycles): the input
 * bytes (every input tensor's, concatenated in input order, as TFLM's golden files hold them) are
 * copied into a fresh arena, the model image runs once through tiny-runtime's
 * {@code ModelRunner.invoke} linked with every operator ({@link HostLink#all()}), and the output
 * tensors' bytes come back concatenated in output order. A fresh arena per call, its variable
 * tensors reset as the firmware's {@code setup()} resets them, is TFLM's fresh interpreter per case. Seconds for models the emulator takes
 * minutes over, so golden cases can be checked in bulk.
 */
public final class HostInference {
    /** The runtime linked with every operator, on the host JVM (linked on first use). */
    private static final class Runtime {
        static final HostLink ALL = HostLink.all();
    }

    private HostInference() {
    }

    /**
     * The output bytes of one inference of {@code model} (image {@code image}) on {@code input}.
     *
     * @throws IllegalArgumentException when {@code input} is not exactly the inputs' total size
     * @throws dev.tinyj.hal.McuStop when the runtime panics (e.g. a corrupt image)
     */
    public static byte[] outputs(CompiledModel model, byte[] image, byte[] input) {
        byte[] arena = new byte[model.arenaBytes()];
        ModelRunner.resetVariables(image, arena);
        int at = 0;
        for (int t : model.inputs()) {
            CompiledTensor ct = model.tensors().get(t);
            if (at + ct.bytes() > input.length) {
                throw new IllegalArgumentException("input holds " + input.length + " bytes, the inputs need more");
            }
            System.arraycopy(input, at, arena, ct.arenaOffset(), ct.bytes());
            at += ct.bytes();
        }
        if (at != input.length) {
            throw new IllegalArgumentException("input holds " + input.length + " bytes, the inputs " + at);
        }
        Runtime.ALL.invoke(image, arena);
        int total = 0;
        for (int t : model.outputs()) {
            total += model.tensors().get(t).bytes();
        }
        byte[] out = new byte[total];
        at = 0;
        for (int t : model.outputs()) {
            CompiledTensor ct = model.tensors().get(t);
            System.arraycopy(arena, ct.arenaOffset(), out, at, ct.bytes());
            at += ct.bytes();
        }
        return out;
    }
}
