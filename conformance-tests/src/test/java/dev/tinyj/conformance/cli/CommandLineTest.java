package dev.tinyj.conformance.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tinyj.conformance.faults.SourceLines;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code tinyj firmware} and {@code tinyj verify} in-process: exit codes, output bytes, messages. */
class CommandLineTest {
    @TempDir
    Path tmp;

    private static void assertContains(Cli r, String text) {
        assertTrue(r.stderr().contains(text), "stderr lacks '" + text + "':\n" + r);
    }

    @Test
    void missingClassIsBadInput() {
        Cli r = Cli.firmware("arduino-uno", "fw.cli.NoSuchFirmware");
        assertEquals(2, r.exit(), r.toString());
        assertContains(r, "fw.cli.NoSuchFirmware not found");
    }

    @Test
    void unknownBoardIsBadInputListingTheKnownBoards() {
        Cli r = Cli.firmware("arduino-unobtainium", "fw.cli.Hello");
        assertEquals(2, r.exit(), r.toString());
        assertContains(r, "arduino-unobtainium");
        assertContains(r, "arduino-uno");
        assertContains(r, "nucleo-l4r5zi");
    }

    @Test
    void firmwareWithoutLoopIsBadInput() {
        Cli r = Cli.firmware("arduino-uno", "fw.cli.NoLoop");
        assertEquals(2, r.exit(), r.toString());
        assertContains(r, "no public static void loop()");
    }

    @Test
    void firmwareOutsideTheSubsetListsEveryViolationInJavacForm() {
        Cli r = Cli.firmware("arduino-uno", "fw.cli.OutsideSubset");
        assertEquals(2, r.exit(), r.toString());
        assertViolations(r);
    }

    @Test
    void verifyOutsideTheSubsetFailsWithTheSameList() {
        Cli r = Cli.run("verify", "--classpath", Cli.classpath(), "--main", "fw.cli.OutsideSubset");
        assertEquals(2, r.exit(), r.toString());
        assertViolations(r);
    }

    private static void assertViolations(Cli r) {
        int doubleLine = SourceLines.marked(fw.cli.OutsideSubset.class, "// DOUBLE");
        int objectLine = SourceLines.marked(fw.cli.OutsideSubset.class, "// OBJECT");
        assertTrue(Pattern.compile("(?m)^fw/cli/OutsideSubset\\.java:" + doubleLine
                + ": error: double .*\\(OutsideSubset\\.loop\\(\\)V, bytecode \\d+\\)$").matcher(r.stderr()).find(), r.toString());
        assertTrue(Pattern.compile("(?m)^fw/cli/OutsideSubset\\.java:" + objectLine
                + ": error: object instance .*\\(OutsideSubset\\.loop\\(\\)V, bytecode \\d+\\)$").matcher(r.stderr()).find(), r.toString());
    }

    @Test
    void verifyInsideTheSubsetSucceeds() {
        Cli r = Cli.run("verify", "--classpath", Cli.classpath(), "--main", "fw.cli.Hello");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("inside the subset"), r.toString());
    }

    @Test
    void faultExitsWithThreeAndReportsKindStackCyclesAndSram() {
        Cli r = Cli.firmware("arduino-uno", "fw.cli.Crash");
        assertEquals(3, r.exit(), r.toString());
        assertEquals("before\n", r.out(), "the Serial bytes before the fault still reach stdout");
        assertContains(r, "fault: array index out of bounds");
        assertContains(r, "at Crash.loop()V (fw/cli/Crash.java:" + SourceLines.marked(fw.cli.Crash.class, "// FAULT"));
        assertTrue(Pattern.compile("at [\\d,]+ cycles").matcher(r.stderr()).find(), r.toString());
        assertContains(r, "SRAM ");
        assertContains(r, "stack peak");
    }

    @Test
    void successPrintsExactlyTheSerialBytesAndASummary() throws IOException {
        Path serial = tmp.resolve("serial.txt");
        Cli r = Cli.firmware("nucleo-l4r5zi", "fw.cli.Hello", "--serial", serial.toString());
        assertEquals(0, r.exit(), r.toString());
        byte[] expected = "hello\nloop 1\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertArrayEquals(expected, r.stdout(), r.toString());
        assertArrayEquals(expected, Files.readAllBytes(serial), "--serial file");
        assertTrue(Pattern.compile("[\\d,]+ cycles \\([\\d.]+ ms at 120 MHz\\)").matcher(r.stderr()).find(), r.toString());
        assertContains(r, "SRAM ");
        assertContains(r, "flash ");
        assertContains(r, "1 loop");
    }

    @Test
    void loopsFlagRunsLoopThatManyTimes() {
        Cli r = Cli.firmware("arduino-uno", "fw.cli.Hello", "--loops", "3");
        assertEquals(0, r.exit(), r.toString());
        assertEquals("hello\nloop 1\nloop 2\nloop 3\n", r.out());
        assertContains(r, "3 loops");
    }

    @Test
    void missingFlashSegmentFileIsBadInput() {
        Cli r = Cli.firmware("arduino-uno", "fw.cli.SegmentReader", "--flash-segment",
                "0=" + tmp.resolve("absent.bin"));
        assertEquals(2, r.exit(), r.toString());
        assertContains(r, "absent.bin");
        assertContains(r, "does not exist");
    }

    @ParameterizedTest
    @ValueSource(strings = {"arduino-uno", "nucleo-l4r5zi"})
    void firmwareReadsABoundFlashSegment(String board) throws IOException {
        Path seg = tmp.resolve("seg.bin");
        Files.write(seg, new byte[] {0x78, 0x56, 0x34, 0x12, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0x80,
            (byte) 0xFE, (byte) 0xFF, 9});
        Cli r = Cli.firmware(board, "fw.cli.SegmentReader", "--flash-segment", "0=" + seg);
        assertEquals(0, r.exit(), r.toString());
        assertEquals(0x1234_5678 + "\n" + 0x80FF_FFFF + "\n-2\n11\n", r.out());
    }

    @Test
    void adcTraceFeedsAdcReadInOrderAndWraps() throws IOException {
        Path trace = tmp.resolve("adc.txt");
        Files.writeString(trace, "# samples\n512, 1023\n0\n");
        Cli r = Cli.firmware("arduino-uno", "fw.cli.AdcEcho", "--adc", trace.toString(), "--loops", "4");
        assertEquals(0, r.exit(), r.toString());
        assertEquals("512\n1023\n0\n512\n", r.out());
    }

    @Test
    void unknownFlagIsBadInputListingTheKnownFlags() {
        Cli r = Cli.firmware("arduino-uno", "fw.cli.Hello", "--turbo");
        assertEquals(2, r.exit(), r.toString());
        assertContains(r, "unknown flag --turbo");
        assertContains(r, "--loops");
    }

    @ParameterizedTest
    @ValueSource(strings = {"firmware", "verify", "run", "boards"})
    void helpOfEveryCommandExitsZero(String command) {
        Cli r = Cli.run(command, "--help");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("usage: tinyj " + command), r.toString());
    }

    @Test
    void topLevelHelpListsTheCommands() {
        Cli r = Cli.run("--help");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("firmware") && r.out().contains("verify"), r.toString());
    }
}
