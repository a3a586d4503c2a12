package dev.tinyj.conformance.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tinyj.conformance.support.Emu;
import dev.tinyj.emulator.vm.exec.FaultKind;
import dev.tinyj.emulator.vm.exec.GuestFault;
import dev.tinyj.emulator.vm.exec.Machine;
import dev.tinyj.emulator.vm.exec.MachineOptions;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.function.UnaryOperator;

/** Runs {@code fw.faults} firmware to its fault and checks the fault's kind, message and guest stack. */
final class Faulting {
    /** The marker on the source line a fault must name. */
    static final String MARKER = "// FAULT";

    private Faulting() {
    }

    /** Initialisers, setup() and up to three loop()s; the fault they must raise. */
    static GuestFault run(Class<?> firmware, String board, UnaryOperator<MachineOptions> options) {
        Machine m = new Machine(Emu.build(firmware, board), Emu.board(board),
                options.apply(MachineOptions.defaults(new ByteArrayOutputStream())));
        return assertThrows(GuestFault.class, () -> {
            m.runInitializers();
            m.setup();
            for (int k = 0; k < 3; k++) {
                m.loop();
            }
        }, firmware.getSimpleName() + " on " + board + " ran without a fault");
    }

    static GuestFault run(Class<?> firmware, String board) {
        return run(firmware, board, o -> o);
    }

    /** Asserts the kind and that the message contains each of {@code parts}. */
    static void assertFault(GuestFault f, FaultKind kind, String... parts) {
        assertEquals(kind, f.kind(), "fault kind; message: " + f.getMessage());
        for (String p : parts) {
            assertTrue(f.getMessage().contains(p), "message '" + f.getMessage() + "' lacks '" + p + "'");
        }
        assertTrue(f.cycles() > 0, "a fault carries the cycle count");
    }

    /**
     * Asserts the innermost guest frame: method {@code Simple.name(desc)}, the firmware's source
     * path and the line marked {@value #MARKER}; and that the outermost frame is {@code outermost}.
     */
    static void assertStack(GuestFault f, Class<?> firmware, String innermost, String outermost) {
        List<GuestFault.Frame> stack = f.stack();
        assertTrue(!stack.isEmpty(), "a run-time fault has a guest stack");
        GuestFault.Frame top = stack.get(0);
        String simple = firmware.getSimpleName();
        assertEquals(simple + "." + innermost, top.method(), "innermost frame");
        assertEquals(sourcePath(firmware), top.source(), "innermost frame's source");
        assertEquals(markedLine(firmware), top.line(), "innermost frame's line: " + top.format());
        assertEquals(simple + "." + outermost, stack.get(stack.size() - 1).method(), "outermost frame");
    }

    /** {@code fw/faults/Name.java}. */
    static String sourcePath(Class<?> firmware) {
        return firmware.getName().replace('.', '/') + ".java";
    }

    /** The 1-based line of the firmware's source that carries {@value #MARKER}. */
    static int markedLine(Class<?> firmware) {
        return SourceLines.marked(firmware, MARKER);
    }

    /** Initialisers, setup() and three loop()s without a fault. */
    static void runsClean(Class<?> firmware, String board) {
        Machine m = new Machine(Emu.build(firmware, board), Emu.board(board),
                MachineOptions.defaults(new ByteArrayOutputStream()));
        m.runInitializers();
        m.setup();
        for (int k = 0; k < 3; k++) {
            m.loop();
        }
    }
}
