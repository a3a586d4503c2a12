package dev.tinyj.conformance.image;

import dev.tinyj.emulator.toolchain.image.HostLink;
import dev.tinyj.runtime.model.ModelImage;
import dev.tinyj.runtime.model.ModelRunner;
import java.io.ByteArrayOutputStream;

/** Runs a model image on the host JVM exactly as the firmware wrapper does in the emulator. */
final class HostRun {
    /** The runtime linked with every operator (generated bridges and default resolver). */
    private static final HostLink RUNTIME = HostLink.all();

    private HostRun() {
    }

    /**
     * validate, allocate the arena and reset its variable tensors (the firmware's setup()), then one
     * inference: fill the inputs from {@code input} in input order, invoke, concatenate the outputs.
     */
    static byte[] run(byte[] image, byte[] input) {
        return run(image, setup(image), input);
    }

    /** The firmware's setup(): validate, the arena, its variable tensors reset. */
    static byte[] setup(byte[] image) {
        ModelImage.validate(image);
        byte[] arena = new byte[ModelImage.arenaBytes(image)];
        ModelRunner.resetVariables(image, arena);
        return arena;
    }

    /** One inference in {@code arena} (the firmware's loop()): state left by earlier ones carries over. */
    static byte[] run(byte[] image, byte[] arena, byte[] input) {
        int pos = 0;
        for (int k = 0; k < ModelImage.inputCount(image); k++) {
            int n = ModelImage.inputBytes(image, k);
            System.arraycopy(input, pos, arena, ModelImage.inputOffset(image, k), n);
            pos += n;
        }
        if (pos != input.length) {
            throw new IllegalArgumentException("input has " + input.length + " bytes, the model takes " + pos);
        }
        RUNTIME.invoke(image, arena);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int k = 0; k < ModelImage.outputCount(image); k++) {
            out.write(arena, ModelImage.outputOffset(image, k), ModelImage.outputBytes(image, k));
        }
        return out.toByteArray();
    }
}
