package dev.tinyj.conformance.calibrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tinyj.emulator.calibrate.CalibCore;
import dev.tinyj.emulator.calibrate.CalibrationSuite;
import dev.tinyj.emulator.calibrate.ErrorStats;
import dev.tinyj.emulator.calibrate.StackCheck;
import org.junit.jupiter.api.Test;

/**
 * The emulator's stack peak per calibration kernel on arduino-uno against avr-gcc -O2's stack for
 * the kernel function (docs/calibration.md "Stack"): pinned at what was measured, and on the safe
 * side for every kernel (the emulator never needs less stack than the C).
 */
class StackCheckTest {
    @Test
    void everyKernelIsOverestimatedAndTheErrorIsAtMostWhatWasMeasured() {
        StackCheck s = StackCheck.of(CalibrationSuite.shipped().run(CalibCore.AVR8.board()));
        assertEquals(21, s.rows().size());
        for (StackCheck.Row r : s.rows()) {
            assertTrue(r.emulatorBytes() >= r.avrChainBytes(), r.toString());
            assertTrue(r.avrChainBytes() >= r.avrOwnBytes(), r.toString());
        }
        ErrorStats e = s.errors();
        assertTrue(e.medianAbs() <= 72.3, "median |error| " + e.medianAbs());
        assertTrue(e.maxAbs() <= 1100.0, "max |error| " + e.maxAbs() + " (copy_u8_i32: 24 B vs a 2 B leaf)");
        assertEquals(210, s.deepestEmulated().emulatorBytes());
        assertEquals(121, s.deepestAvr().avrChainBytes());
        assertEquals(259, StackCheck.measuredWholeImageBytes());
    }
}
