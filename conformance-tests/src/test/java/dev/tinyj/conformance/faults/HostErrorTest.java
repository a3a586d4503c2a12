package dev.tinyj.conformance.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tinyj.conformance.support.Emu;
import dev.tinyj.emulator.vm.exec.Machine;
import dev.tinyj.emulator.vm.exec.MachineOptions;
import java.io.OutputStream;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import probe.Valid;

/**
 * The interpreter's safety net (issue 12, part 5): a host exception the guest did not cause is not
 * a guest fault. {@code probe.Valid} prints in {@code setup()}; here the host's serial stream is
 * broken and throws while the interpreter runs the native. The exception must leave the machine
 * as it is (the CLI reports it as an internal error, exit 4), not be turned into a
 * {@code NULL_ARRAY} or {@code DIVIDE_BY_ZERO} guest fault (exit 3), as the interpreter used to do
 * with every {@code NullPointerException} and {@code ArithmeticException}.
 */
class HostErrorTest {
    private static Machine withBrokenSerial(Supplier<RuntimeException> failure) {
        OutputStream broken = new OutputStream() {
            @Override
            public void write(int b) {
                throw failure.get();
            }
        };
        return new Machine(Emu.build(Valid.class, "arduino-uno"), Emu.board("arduino-uno"),
                MachineOptions.defaults(broken));
    }

    @Test
    void aHostNullPointerExceptionIsNoGuestFault() {
        Machine m = withBrokenSerial(() -> new NullPointerException("host stream is broken"));
        m.runInitializers();
        NullPointerException e = assertThrows(NullPointerException.class, m::setup);
        assertEquals("host stream is broken", e.getMessage());
    }

    @Test
    void aHostArithmeticExceptionIsNoGuestFault() {
        Machine m = withBrokenSerial(() -> new ArithmeticException("host arithmetic failed"));
        m.runInitializers();
        ArithmeticException e = assertThrows(ArithmeticException.class, m::setup);
        assertEquals("host arithmetic failed", e.getMessage());
    }
}
