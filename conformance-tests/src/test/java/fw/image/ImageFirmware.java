package fw.image;

import dev.tinyj.hal.Flash;
import dev.tinyj.hal.Mcu;
import dev.tinyj.hal.Profiler;
import dev.tinyj.hal.Semihost;
import dev.tinyj.runtime.model.ModelImage;
import dev.tinyj.runtime.model.ModelRunner;

/**
 * Firmware that runs the model image in flash segment 0: setup() validates it and allocates the
 * arena; each loop() reads every model input from the host (Semihost), runs one inference inside
 * the latency window (Profiler tag 0; ops are tags 1..n), writes every output back and halts.
 */
public final class ImageFirmware {
    private ImageFirmware() {
    }

    static byte[] image;
    static byte[] arena;

    public static void setup() {
        image = Flash.segment(0);
        ModelImage.validate(image);
        arena = new byte[ModelImage.arenaBytes(image)];
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
        Mcu.halt();
    }
}
