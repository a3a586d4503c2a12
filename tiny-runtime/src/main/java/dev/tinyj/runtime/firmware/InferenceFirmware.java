package dev.tinyj.runtime.firmware;

import dev.tinyj.hal.Flash;
import dev.tinyj.hal.Profiler;
import dev.tinyj.hal.Semihost;
import dev.tinyj.runtime.model.ModelImage;
import dev.tinyj.runtime.model.ModelRunner;

/**
 * TinyJ's default inference firmware. {@code setup()} maps the model image from flash segment 0,
 * validates it (a corrupt image stops with {@code Mcu.panic}), allocates the arena once and resets
 * its variable tensors (TFLM's {@code AllocateTensors}; their state then carries over); each
 * {@code loop()} reads every model input from the host ({@code Semihost.read}, outside the
 * measured window), runs one inference inside the latency window ({@code Profiler} tag 0; operator
 * i is tag i + 1), and writes every output back ({@code Semihost.write}). Allocation-free after
 * {@code setup()}.
 */
public final class InferenceFirmware {
    static byte[] image;
    static byte[] arena;

    private InferenceFirmware() {
    }

    public static void setup() {
        image = Flash.segment(0);
        ModelImage.validate(image);
        arena = new byte[ModelImage.arenaBytes(image)];
        ModelRunner.resetVariables(image, arena);
    }

    public static void loop() {
        int n = ModelImage.inputCount(image);
        for (int k = 0; k < n; k++) {
            Semihost.read(arena, ModelImage.inputOffset(image, k), ModelImage.inputBytes(image, k));
        }
        Profiler.begin(0);
        ModelRunner.invoke(image, arena);
        Profiler.end(0);
        n = ModelImage.outputCount(image);
        for (int k = 0; k < n; k++) {
            Semihost.write(arena, ModelImage.outputOffset(image, k), ModelImage.outputBytes(image, k));
        }
    }
}
