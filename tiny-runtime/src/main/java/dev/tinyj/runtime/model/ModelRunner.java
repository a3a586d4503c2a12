package dev.tinyj.runtime.model;

import dev.tinyj.hal.Flash;
import dev.tinyj.hal.Mcu;
import dev.tinyj.hal.Profiler;

/**
 * Runs a validated model image: every op in table order through {@link OpResolver}, each
 * bracketed by {@code Profiler.begin/end(op index + 1)} (tag 0 is left to the caller's latency
 * window). Ops flagged {@link ModelImage#FLAG_IN_PLACE} are skipped (their output already aliases
 * their input). Allocates nothing: the caller owns the arena, sized {@link ModelImage#arenaBytes},
 * and resets its variable tensors once with {@link #resetVariables} before the first inference.
 */
public final class ModelRunner {
    private ModelRunner() {
    }

    /**
     * Resets every {@link ModelImage#VARIABLE} tensor as TFLM's {@code MicroInterpreter::Reset}
     * does at the end of {@code AllocateTensors} ({@code MicroInterpreterGraph::ResetTensorData},
     * tflite-micro 90b983c2b3f1480642e040bbd2ddb37b998f3424 {@code micro_interpreter_graph.cc}):
     * every byte of an INT8 tensor is set to the low byte of its zero point, of any other type to 0
     * (a {@code memset}). Call it once after allocating the arena, before the first
     * {@link #invoke}; the state then carries over from one inference to the next. Touches no
     * other arena byte.
     *
     * @param image a model image that passed {@link ModelImage#validate}
     * @param arena the arena, at least {@link ModelImage#arenaBytes} bytes
     */
    public static void resetVariables(byte[] image, byte[] arena) {
        int n = ModelImage.tensorCount(image);
        for (int t = 0; t < n; t++) {
            int e = ModelImage.tensorEntry(image, t);
            if (Flash.readInt(image, e + ModelImage.T_PLACEMENT) == ModelImage.VARIABLE) {
                byte value = 0;
                if (Flash.readInt(image, e + ModelImage.T_DTYPE) == TYPE_INT8) {
                    value = (byte) Flash.readInt(image, e + ModelImage.T_ZERO_POINT);
                }
                int off = Flash.readInt(image, e + ModelImage.T_OFFSET);
                int end = off + Flash.readInt(image, e + ModelImage.T_BYTES);
                for (int i = off; i < end; i++) {
                    arena[i] = value;
                }
            }
        }
    }

    /** TFLite's {@code TensorType_INT8}. */
    private static final int TYPE_INT8 = 9;

    /**
     * One inference. The model inputs must already be in {@code arena} at
     * {@link ModelImage#inputOffset}; the outputs are left at {@link ModelImage#outputOffset}.
     * Panics with {@link ModelImage#PANIC_ARENA_TOO_SMALL} (arg = arena length) when the arena is
     * shorter than the image asks for.
     *
     * @param image a model image that passed {@link ModelImage#validate}
     */
    public static void invoke(byte[] image, byte[] arena) {
        if (arena.length < ModelImage.arenaBytes(image)) {
            Mcu.panic(ModelImage.PANIC_ARENA_TOO_SMALL, arena.length);
        }
        int n = ModelImage.opCount(image);
        int e = ModelImage.opEntry(image, 0);
        for (int i = 0; i < n; i++) {
            if ((Flash.readInt(image, e + ModelImage.O_FLAGS) & ModelImage.FLAG_IN_PLACE) == 0) {
                Profiler.begin(i + 1);
                OpResolver.invoke(Flash.readInt(image, e + ModelImage.O_CODE), image, e, arena);
                Profiler.end(i + 1);
            }
            e += ModelImage.OP_ENTRY;
        }
    }
}
