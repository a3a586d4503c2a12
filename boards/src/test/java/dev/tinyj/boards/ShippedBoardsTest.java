package dev.tinyj.boards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shipped boards: every one loads with sane, sourced figures (these tests iterate over the
 * shipped ids, so a new board file is covered without an edit), and each known board has its
 * datasheet values.
 */
class ShippedBoardsTest {

    /** The shipped ids, for the tests that hold for every board. */
    static List<String> shipped() {
        return Boards.ids();
    }

    @Test
    void idsAreSortedAndMatchTheBoardFiles() throws IOException {
        List<String> ids = Boards.ids();
        assertEquals(ids.stream().sorted().toList(), ids, "sorted");
        try (Stream<Path> files = Files.list(GeneratedFilesTest.RESOURCES.resolve("boards"))) {
            List<String> onDisk = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(ProfileSource.BOARD_SUFFIX))
                    .map(n -> n.substring(0, n.length() - ProfileSource.BOARD_SUFFIX.length()))
                    .sorted()
                    .toList();
            assertFalse(onDisk.isEmpty());
            assertEquals(onDisk, ids, "boards.index lists every boards/*.board file (regenerate: "
                    + GeneratedFilesTest.REGENERATE + ")");
        }
    }

    @ParameterizedTest
    @MethodSource("shipped")
    void everyBoardHasASaneMemoryMap(String id) throws BoardException {
        Board b = Boards.load(id);
        assertEquals(id, b.id());
        assertFalse(b.displayName().isBlank());
        assertTrue(b.clockHz() > 0);
        assertTrue(b.flash().size() > 0 && b.sram().size() > 0, id + ": flash and SRAM");
        assertTrue(b.vmSramBytes() < b.sram().size() && b.vmFlashBytes() < b.flash().size(),
                id + ": the VM/HAL leaves room for firmware");
        assertEquals(b.core(), b.costs().core());
        assertTrue(List.of(2, 4).contains(b.memory().pointerBytes()), id + ": pointer bytes");
    }

    @ParameterizedTest
    @MethodSource("shipped")
    void everyFigureHasASource(String id) throws BoardException {
        PowerModel p = Boards.load(id).power();
        Stream.concat(Stream.of(p.supplyVolts(), p.activeMilliamps(), p.timedSleepMode(), p.powerSource()),
                        p.sleepMicroamps().values().stream())
                .forEach(f -> assertFalse(f.source().isBlank(), id + ": " + f));
        assertTrue(p.sleepMicroamps().containsKey(p.timedSleepMode().text()),
                id + ": the timed-sleep mode has a current");
        assertTrue(p.powerSource().known(), id + ": every shipped board names its default power source");
        assertTrue(p.battery().map(bat -> !bat.source().isBlank()).orElse(true), id + ": battery source");
    }

    @Test
    void unoHasItsDatasheetValues() throws BoardException {
        Board uno = Boards.load("arduino-uno");
        assertEquals("arduino-uno", uno.id());
        assertEquals("atmega328p", uno.mcu());
        assertEquals("avr8", uno.core());
        assertEquals(16_000_000L, uno.clockHz());
        assertEquals(new Board.Region(0x100, 2048), uno.sram());
        assertEquals(0x900, uno.sram().end());
        assertEquals(new Board.Region(0, 32_256), uno.flash());
        assertEquals(157, uno.vmSramBytes());
        assertEquals(444, uno.vmFlashBytes());
        assertEquals(new MemoryModel(2, 2, 4, 2), uno.memory());
        assertEquals(new CodeSizeModel(2.92, 0, true), uno.codeSize());
        assertEquals("avr8", uno.costs().core());
        assertTrue(uno.costs().calibrated());
        assertTrue(uno.costs().cycles("op.iadd") > uno.costs().cycles("op.iadd.w8"), "32-bit add dearer than 8-bit");
    }

    @Test
    void unoPowerFiguresCarryTheirSources() throws BoardException {
        PowerModel power = Boards.load("arduino-uno").power();
        assertEquals(5.0, power.supplyVolts().value());
        assertEquals(10.0, power.activeMilliamps().value());
        assertTrue(power.activeMilliamps().source().startsWith("derived:"), power.activeMilliamps().source());
        assertTrue(power.activeMilliamps().source().contains("Atmel-8271"));
        assertEquals(50.0, power.activeMilliwatts().value(), 1e-9);
        assertEquals("power-down-wdt", power.timedSleepMode().text());
        for (String mode : List.of("power-down", "power-down-wdt")) {
            Figure at5V = power.sleepMicroamps().get(mode);
            assertFalse(at5V.known(), mode + " at 5 V is not in the DC table");
            assertTrue(Double.isNaN(at5V.value()));
            assertTrue(at5V.source().contains("VCC = 3 V only"), at5V.source());
        }
        Figure timed = power.timedSleepMicroamps();
        assertFalse(timed.known());
        assertTrue(timed.source().startsWith("power-down-wdt current not sourced: "), timed.source());
        assertTrue(power.powerSource().text().startsWith("USB 5 V"));
        assertTrue(power.battery().isEmpty(), "a 16 MHz Uno needs 5 V: no battery by default");
    }

    @Test
    void atmega328pSleepCurrentsAtThreeVoltsComeFromItsDcTable() throws BoardException {
        Board own = new BoardLoader(ProfileSource.overlay(Path.of("src/test/resources/profiles"))).load("minimal");
        Figure wdt = own.power().sleepMicroamps().get("power-down-wdt");
        assertEquals(4.2, wdt.value());
        assertTrue(wdt.source().contains("Table 29-9") && wdt.source().contains("WDT enabled, VCC = 3 V"),
                wdt.source());
        assertEquals(0.1, own.power().sleepMicroamps().get("power-down").value());
        assertEquals(4.2, own.power().timedSleepMicroamps().value());
    }

    @Test
    void megaSubtractsItsBootloader() throws BoardException {
        Board mega = Boards.load("arduino-mega2560");
        assertEquals("atmega2560", mega.mcu());
        assertEquals(new Board.Region(0, 253_952), mega.flash());
        assertEquals(new Board.Region(0x200, 8_192), mega.sram());
        assertEquals(16_000_000L, mega.clockHz());
        assertEquals(2, mega.memory().pointerBytes());
        assertEquals(20.0, mega.power().activeMilliamps().value(), "2 x 10 mA at 8 MHz (Atmel-2549)");
        assertTrue(mega.power().activeMilliamps().source().contains("Atmel-2549"));
        assertFalse(mega.power().timedSleepMicroamps().known());
        assertTrue(mega.power().battery().isEmpty());
    }

    @Test
    void nano33BleIsACortexM4() throws BoardException {
        Board nano = Boards.load("arduino-nano-33-ble");
        assertEquals("nrf52840", nano.mcu());
        assertEquals("cortex-m4", nano.core());
        assertEquals(64_000_000L, nano.clockHz());
        assertEquals(new Board.Region(0, 1_048_576), nano.flash());
        assertEquals(new Board.Region(0x2000_0000L, 262_144), nano.sram());
        assertEquals(3.3, nano.power().activeMilliamps().value());
        assertTrue(nano.power().activeMilliamps().source().contains("ICPU0"));
        assertEquals("system-on-rtc", nano.power().timedSleepMode().text());
        assertEquals(3.16, nano.power().timedSleepMicroamps().value(), "ION_RAMON_RTC: RAM kept, RTC wake");
        assertEquals(1.50, nano.power().sleepMicroamps().get("system-on-rtc-no-ram").value());
        assertTrue(nano.power().battery().isEmpty(), "USB or VIN 5-21 V: no battery by default");
        assertTrue(nano.power().powerSource().source().contains("ABX00030"));
    }

    @Test
    void l4r5ziUsesTheMeasuredMlperfPower() throws BoardException {
        Board l4 = Boards.load("nucleo-l4r5zi");
        assertEquals("stm32l4r5zi", l4.mcu());
        assertEquals("cortex-m4", l4.core());
        assertEquals(120_000_000L, l4.clockHz());
        assertEquals(655_360, l4.sram().size());
        assertEquals(0x2000_0000L, l4.sram().base());
        assertEquals(new Board.Region(0x0800_0000L, 2_097_152), l4.flash());
        assertEquals(new MemoryModel(4, 4, 8, 4), l4.memory());
        assertEquals(new CodeSizeModel(1.08, 0, true), l4.codeSize());
        assertEquals(1.8, l4.power().supplyVolts().value());
        double milliwatts = l4.power().supplyVolts().value() * l4.power().activeMilliamps().value();
        assertEquals(41.0, milliwatts, 0.5, "MLPerf Tiny v0.5 measured 40.5-41.5 mW");
        assertTrue(l4.power().activeMilliamps().source().contains("MLPerf Tiny"));
        assertEquals("stop2-rtc", l4.power().timedSleepMode().text());
        assertFalse(l4.power().timedSleepMicroamps().known(), "DS12023's Stop 2 table was not sourced");
        assertTrue(l4.power().battery().isEmpty());
    }

    @Test
    void f446reLeavesUnsourcedFiguresUnknown() throws BoardException {
        Board f4 = Boards.load("nucleo-f446re");
        assertEquals(180_000_000L, f4.clockHz());
        assertEquals(new Board.Region(0x0800_0000L, 524_288), f4.flash());
        assertEquals(new Board.Region(0x2000_0000L, 131_072), f4.sram());
        Figure active = f4.power().activeMilliamps();
        assertFalse(active.known());
        assertEquals("unknown", active.text());
        assertTrue(active.source().contains("DS10693"), active.source());
        assertFalse(f4.power().activeMilliwatts().known());
        assertTrue(f4.power().activeMilliwatts().source().startsWith("active current not sourced: "));
        assertTrue(f4.power().powerSource().source().contains("UM1724"));
        assertTrue(f4.power().battery().isEmpty());
    }

    @Test
    void loadedBoardsAreCached() throws BoardException {
        assertSame(Boards.load("arduino-uno"), Boards.load("arduino-uno"));
    }

    @Test
    void concurrentLoadsAgreeOnOneBoard() throws Exception {
        BoardLoader fresh = new BoardLoader(ProfileSource.classpath());
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<Future<Board>> loads = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                loads.add(pool.submit(() -> fresh.load("nucleo-f446re")));
            }
            Board first = loads.get(0).get();
            for (Future<Board> load : loads) {
                assertSame(first, load.get());
            }
        }
    }

    @Test
    void unknownIdListsTheKnownBoards() {
        BoardException e = assertThrows(BoardException.class, () -> Boards.load("foo"));
        assertEquals("unknown board 'foo'; known boards: " + String.join(", ", Boards.ids()), e.getMessage());
        assertTrue(Boards.ids().contains("arduino-uno"));
        assertThrows(BoardException.class, () -> Boards.load("../boards/arduino-uno"));
    }
}
