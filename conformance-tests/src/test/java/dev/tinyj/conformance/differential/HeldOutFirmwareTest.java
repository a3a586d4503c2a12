package dev.tinyj.conformance.differential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tinyj.conformance.support.Emu;
import java.util.zip.CRC32;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Complete firmware programs not written against the emulator's tests ({@code fw.heldout}): the
 * Serial bytes in the emulator equal the host JVM's on arduino-uno and nucleo-l4r5zi, and two
 * emulator runs of the same image take the same number of cycles.
 */
class HeldOutFirmwareTest {
    static final int LOOPS = 4;

    static Class<?>[] firmware() {
        return new Class<?>[] {fw.heldout.IntegerEdges.class, fw.heldout.Sorting.class, fw.heldout.FixedPoint.class,
            fw.heldout.Checksums.class, fw.heldout.EveryArrayType.class};
    }

    @ParameterizedTest
    @MethodSource("firmware")
    void serialBytesEqualTheHostJvmOnEveryBoard(Class<?> firmware) {
        String host = Emu.runHost(firmware, LOOPS);
        assertTrue(host.length() > 20, "the host run printed too little: " + host);
        for (String board : Twin.BOARDS) {
            assertEquals(host, Runs.emulate(firmware, board, LOOPS).serial(), firmware.getSimpleName() + " on " + board);
        }
    }

    @ParameterizedTest
    @MethodSource("firmware")
    void twoEmulatorRunsTakeTheSameCycles(Class<?> firmware) {
        for (String board : Twin.BOARDS) {
            Runs.Result first = Runs.emulate(firmware, board, LOOPS);
            Runs.Result second = Runs.emulate(firmware, board, LOOPS);
            assertTrue(first.cycles() > 0, firmware.getSimpleName() + " on " + board + " ran no cycles");
            assertEquals(first, second, firmware.getSimpleName() + " on " + board + ": same image, same run");
        }
    }

    @Test
    void crcFirmwareAgreesWithJavaUtilZip() {
        CRC32 crc = new CRC32();
        crc.update("123456789".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        String expected = (int) crc.getValue() + "\n" + (int) crc.getValue() + "\n";
        String emulated = Runs.emulate(fw.heldout.Checksums.class, "arduino-uno", 1).serial();
        assertTrue(emulated.startsWith("checksums\n" + expected), emulated);
        assertTrue(emulated.contains(" same "), emulated);
    }

    @Test
    void haltStopsTheLoopsNormally() {
        Runs.Result r = Runs.emulate(fw.heldout.IntegerEdges.class, "nucleo-l4r5zi", 10);
        assertEquals(2, r.loops(), "loop() calls that returned before the one that halted");
        assertTrue(r.serial().endsWith("done\n"), r.serial());
    }
}
