package dev.tinyj.runtime.model;

import dev.tinyj.hal.Flash;
import dev.tinyj.hal.Mcu;
import dev.tinyj.hal.Profiler;

/**
 * Runs a validated model image: every op in table order through {@link OpResolver}, each
 * bracketed by {@code Profiler.begin/end(op index + 1)} (tag 0 is left to the caller's latency
 * window). Ops flagged {@link ModelImage#FLAG_IN_PLACE} are skipped (their output already aliases
 * their input). Allocates nothing: the caller owns the arena, sized {@link ModelImage#arenaBytes}.
 */
public final class ModelRunner {
    private ModelRunner() {
    }

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
