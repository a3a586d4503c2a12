package dev.tinyj.boards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Malformed and incomplete profiles (under {@code src/test/resources/profiles}, which may include
 * the shipped files) fail with a message naming the file, line and field.
 */
class ProfileErrorsTest {
    private static final Path ROOT = Path.of("src/test/resources/profiles");
    private final BoardLoader loader = new BoardLoader(ProfileSource.overlay(ROOT));

    private String error(String id) {
        return assertThrows(BoardException.class, () -> loader.load(id)).getMessage();
    }

    @Test
    void aSmallBoardFileOfOnesOwnLoads() throws BoardException {
        Board board = loader.load("minimal");
        assertEquals(8_000_000L, board.clockHz());
        assertEquals("atmega328p", board.mcu());
        assertEquals(32_768, board.flash().size(), "no override: the MCU's whole flash");
        assertEquals("CR2032", board.power().powerSource().text());
        Battery cr2032 = board.power().battery().orElseThrow();
        assertEquals(225.0, cr2032.milliampHours());
        assertEquals(3.0, cr2032.volts());
        assertEquals(2430.0, cr2032.joules(), 1e-9, "BOARDS.md: about 2,430 J");
        assertEquals("225 mAh at 3.0 V", cr2032.label());
    }

    @Test
    void timedSleepModeMustBeASleepModeOfTheProfile(@TempDir Path dir) throws Exception {
        String message = overlayError(dir, "power.timed_sleep_mode = idle   # source: test\n");
        assertEquals("boards/x.board:2: field 'power.timed_sleep_mode': no sleep mode 'idle' (set "
                + "power.sleep_microamps.idle; modes given: power-down, power-down-wdt)", message);
    }

    @Test
    void batteryIsNoneOrCapacityAtVoltage(@TempDir Path dir) throws Exception {
        String message = overlayError(dir, "power.battery = CR2032   # source: test\n");
        assertEquals("boards/x.board:2: field 'power.battery': expected 'none' or 'N mAh at V V' "
                + "(e.g. '225 mAh at 3.0 V'), got 'CR2032'", message);
        assertEquals("boards/x.board:2: field 'power.battery': needs a source: add '# source: ...'",
                overlayError(dir, "power.battery = none\n"));
    }

    /** The error of {@code boards/x.board}: the test's minimal board plus {@code lines}. */
    private static String overlayError(Path dir, String lines) throws Exception {
        Files.createDirectories(dir.resolve("boards"));
        Files.writeString(dir.resolve("boards/x.board"), "include boards/minimal.board\n" + lines);
        Files.writeString(dir.resolve("boards/minimal.board"), Files.readString(ROOT.resolve("boards/minimal.board")));
        return assertThrows(BoardException.class, () -> new BoardLoader(ProfileSource.overlay(dir)).load("x"))
                .getMessage();
    }

    @Test
    void unknownFigureStaysUnknownWithItsReason() throws BoardException {
        Figure active = loader.load("minimal").power().activeMilliamps();
        assertFalse(active.known());
        assertTrue(Double.isNaN(active.value()));
        assertEquals("nobody measured it", active.source());
    }

    @Test
    void badNumberNamesFileLineAndField() {
        assertEquals("boards/bad-number.board:3: field 'clock_hz': expected a non-negative integer, got '16 MHz'",
                error("bad-number"));
    }

    @Test
    void badCostNamesTheCostFile() {
        assertEquals("cores/bad.costs:3: field 'op.iadd': expected a non-negative decimal number, got 'x'",
                error("bad-cost"));
    }

    @Test
    void missingFieldNamesTheBoardFile() {
        assertEquals("boards/missing-clock.board: missing required field 'clock_hz'", error("missing-clock"));
    }

    @Test
    void includeCycleNamesTheFiles() {
        assertEquals("mcus/cycle-b.mcu:2: include cycle: mcus/cycle-a.mcu -> mcus/cycle-b.mcu -> mcus/cycle-a.mcu",
                error("cycle"));
    }

    @Test
    void figureWithoutSourceIsRejected() {
        String message = error("no-source");
        assertTrue(message.startsWith("boards/no-source.board:6: field 'power.supply_volts': needs a source"),
                message);
    }

    @Test
    void unknownFieldIsRejected() {
        assertEquals("boards/typo.board:4: field 'clock_hx': unknown field", error("typo"));
    }

    @Test
    void fieldSetTwiceInOneFileIsRejected() {
        assertEquals("boards/twice.board:3: field 'name': set twice in this file (first at line 2)", error("twice"));
    }

    @Test
    void missingIncludeNamesTheIncludingLine() {
        assertEquals("boards/missing-include.board:1: include 'mcus/nope.mcu': no such file",
                error("missing-include"));
    }

    @Test
    void freeMustBeZero() {
        assertEquals("boards/free-not-zero.board:2: field 'extra.free': must be 0, got '1'", error("free-not-zero"));
    }

    @Test
    void unknownIdListsTheBoardsOfTheSource() {
        String message = error("nope");
        assertTrue(message.startsWith("unknown board 'nope'; known boards: bad-cost, bad-number, cycle"), message);
    }

    @Test
    void opcodeOutsideTheSubsetIsRejected(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("boards"));
        Files.writeString(dir.resolve("boards/x.board"), "include boards/minimal.board\nop.aaload = 3\n");
        Files.writeString(dir.resolve("boards/minimal.board"), Files.readString(ROOT.resolve("boards/minimal.board")));
        BoardException e = assertThrows(BoardException.class,
                () -> new BoardLoader(ProfileSource.overlay(dir)).load("x"));
        assertEquals("boards/x.board:2: field 'op.aaload': opcode 'aaload' is not in the TinyJ subset "
                + "(see CostKeys.OPCODES)", e.getMessage());
    }

    @Test
    void decimalFigureRejectsJavaSuffixes(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("boards"));
        Files.writeString(dir.resolve("boards/x.board"),
                "include boards/minimal.board\npower.supply_volts = 3.3f  # source: test\n");
        Files.writeString(dir.resolve("boards/minimal.board"), Files.readString(ROOT.resolve("boards/minimal.board")));
        BoardException e = assertThrows(BoardException.class,
                () -> new BoardLoader(ProfileSource.overlay(dir)).load("x"));
        assertEquals("boards/x.board:2: field 'power.supply_volts': expected a non-negative decimal number, got '3.3f'",
                e.getMessage());
    }

    @Test
    void malformedLineIsRejected(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("boards"));
        Files.writeString(dir.resolve("boards/x.board"), "# comment\n\nclock_hz 16\n");
        BoardException e = assertThrows(BoardException.class,
                () -> new BoardLoader(ProfileSource.directory(dir)).load("x"));
        assertEquals("boards/x.board:3: expected 'key = value' or 'include FILE', got 'clock_hz 16'", e.getMessage());
    }
}
