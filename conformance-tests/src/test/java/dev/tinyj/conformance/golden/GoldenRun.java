package dev.tinyj.conformance.golden;

import dev.tinyj.emulator.run.HostInference;
import dev.tinyj.emulator.toolchain.compile.CompiledModel;

/**
 * One golden case through the device runtime on the host JVM ({@link HostInference}, which
 * {@code tinyj results --corpus} checks the corpus with too): the input bytes (every input tensor's,
 * concatenated in input order, as TFLM's golden files hold them) into a fresh arena, one run, the
 * output tensors' bytes concatenated in output order.
 */
final class GoldenRun {
    private GoldenRun() {
    }

    /**
     * The output bytes of one inference of {@code model} (image {@code image}) on {@code input}.
     *
     * @throws IllegalArgumentException when {@code input} is not exactly the inputs' total size
     */
    static byte[] outputs(CompiledModel model, byte[] image, byte[] input) {
        return HostInference.outputs(model, image, input);
    }
}
