package dev.tinyj.conformance.differential;

import dev.tinyj.conformance.support.Emu;
import dev.tinyj.emulator.vm.exec.Machine;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Whole-firmware runs in the emulator that keep what a test compares: the Serial text and cycles. */
final class Runs {
    /**
     * One emulated run.
     *
     * @param serial the Serial bytes as ISO-8859-1 text
     * @param cycles cycles at the end of the run
     * @param loops loop() calls made before the count or a halt
     */
    record Result(String serial, long cycles, int loops) {
    }

    private Runs() {
    }

    /** Initialisers, setup() and up to {@code loops} loop()s of {@code firmware} on {@code board}. */
    static Result emulate(Class<?> firmware, String board, int loops) {
        ByteArrayOutputStream serial = new ByteArrayOutputStream();
        Machine m = Emu.machine(Emu.build(firmware, board), board, serial);
        m.runInitializers();
        m.setup();
        int n = 0;
        while (n < loops && m.loop()) {
            n++;
        }
        return new Result(serial.toString(StandardCharsets.ISO_8859_1), m.cycles(), n);
    }
}
