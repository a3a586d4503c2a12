package dev.tinyj.conformance.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tinyj.boards.Boards;
import dev.tinyj.emulator.run.JsonReader;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Energy on the command line: {@code run}'s duty cycle and battery life (text and JSON),
 * {@code firmware}'s energy, battery life and budgets, and {@code boards}. Expected figures are
 * computed here from the board's figures and the cycles the command reports.
 */
class EnergyCommandsTest {
    private static Map<?, ?> json(Cli r) throws Exception {
        assertEquals(0, r.exit(), r.toString());
        return (Map<?, ?>) JsonReader.parse(r.out());
    }

    private static double num(Map<?, ?> m, String key) {
        return ((Number) m.get(key)).doubleValue();
    }

    @Test
    void runReportsSleepEnergyAndBatteryLifeAtTheDutyCycle() throws Exception {
        Map<?, ?> root = json(Cli.run("run", "--board", "arduino-nano-33-ble", "--inferences-per-second", "2",
                "--battery-mah", "225", "--battery-v", "3.0", "--format", "json"));
        long cycles = (Long) root.get("cycles");
        double active = cycles / 64e6; // s
        double activeUj = active * 3.3 * 3.3 * 1000;
        double sleepUj = (0.5 - active) * 3.3 * 3.16;
        Map<?, ?> duty = (Map<?, ?>) root.get("duty_cycle");
        assertEquals(2.0, num(duty, "inferences_per_second"));
        assertEquals(500.0, num(duty, "period_ms"), 1e-9);
        assertEquals(active * 1000, num(duty, "active_ms"), 1e-9);
        assertEquals(Boolean.TRUE, duty.get("feasible"));
        assertEquals("system-on-rtc", duty.get("sleep_mode"));
        assertEquals(3.16, num(duty, "sleep_ua"));
        assertEquals(activeUj, num(root, "energy_uj"), 1e-9);
        assertEquals(sleepUj, num(duty, "sleep_uj"), 1e-9);
        assertEquals(activeUj + sleepUj, num(duty, "energy_uj"), 1e-9);
        double mw = (activeUj + sleepUj) / 1000 / 0.5;
        assertEquals(mw, num(duty, "average_mw"), 1e-12);
        assertNull(duty.get("note"));
        Map<?, ?> battery = (Map<?, ?>) root.get("battery");
        assertEquals("flags", battery.get("origin"));
        assertEquals(2430.0, num(battery, "energy_j"), 1e-9);
        double hours = 225 * 3.6 * 3.0 / (mw / 1000) / 3600;
        assertEquals(hours, num(battery, "life_hours"), 1e-6);
        assertEquals(hours / 24, num(battery, "life_days"), 1e-6);
        Map<?, ?> board = (Map<?, ?>) root.get("board");
        assertEquals(3.3, num(board, "supply_v"));
        assertEquals(3.3 * 3.3, num(board, "active_mw"), 1e-9);

        Cli text = Cli.run("run", "--board", "arduino-nano-33-ble", "--inferences-per-second", "2",
                "--battery-mah", "225", "--battery-v", "3.0");
        assertTrue(text.out().contains(String.format(Locale.ROOT, "duty cycle 2 inferences/s: %,.3f ms active + "
                + "%,.3f ms asleep in system-on-rtc at 3.3 V x 3.16 uA per 500.000 ms period", active * 1000,
                (0.5 - active) * 1000)), text.out());
        assertTrue(text.out().contains(String.format(Locale.ROOT, "battery    225 mAh at 3.0 V "
                + "(--battery-mah/--battery-v), 2,430 J: %,.0f h (%,.1f days) at 2 inferences/s", hours, hours / 24)),
                text.out());
    }

    @Test
    void runWithoutABatteryNamesTheBoardsPowerSourceAndUnknownSleep() throws Exception {
        Cli text = Cli.run("run");
        assertTrue(text.out().contains("\nbattery    no battery: arduino-uno's default power source is USB 5 V, no "
                + "battery; --battery-mah X [--battery-v V] estimates one\n"), text.out());
        assertTrue(text.out().contains("asleep unknown (power-down-wdt current not sourced: Atmel-8271D Table 29-9 "
                + "gives power-down with the WDT at VCC = 3 V only (4.2 uA typ))"), text.out());
        Map<?, ?> root = json(Cli.run("run", "--format", "json"));
        Map<?, ?> duty = (Map<?, ?>) root.get("duty_cycle");
        assertEquals("power-down-wdt", duty.get("sleep_mode"));
        for (String k : List.of("sleep_ua", "sleep_uj", "energy_uj", "average_mw")) {
            assertTrue(duty.containsKey(k) && duty.get(k) == null, k + " is null: " + duty);
        }
        assertTrue(((String) duty.get("note")).contains("at 5 V only the graph"), duty.toString());
        Map<?, ?> battery = (Map<?, ?>) root.get("battery");
        assertEquals("none", battery.get("origin"));
        assertNull(battery.get("life_hours"));
        assertTrue(((String) battery.get("note")).startsWith("no battery: arduino-uno's default power source is USB"));
        assertEquals(50.0, num((Map<?, ?>) root.get("board"), "active_mw"), 1e-9);
        Map<?, ?> f4 = json(Cli.run("run", "--board", "nucleo-f446re", "--format", "json"));
        assertNull(f4.get("energy_uj"));
        assertNull(((Map<?, ?>) f4.get("board")).get("active_mw"));
    }

    @Test
    void aRateTheInferenceCannotKeepUpWithIsInfeasible() throws Exception {
        Cli text = Cli.run("run", "--inferences-per-second", "1000");
        assertEquals(0, text.exit(), "informational, not a budget");
        Matcher m = Pattern.compile("infeasible: one inference takes ([0-9.]+) ms, longer than the 1\\.0000 ms period "
                + "\\(at most ([0-9.]+) per second\\)").matcher(text.out());
        assertTrue(m.find(), text.out());
        double most = 1000 / Double.parseDouble(m.group(1));
        assertEquals(most, Double.parseDouble(m.group(2)), most * 0.01, "at most, to 3 significant digits, rounded down");
        Map<?, ?> duty = (Map<?, ?>) json(Cli.run("run", "--inferences-per-second", "1000", "--format", "json"))
                .get("duty_cycle");
        assertEquals(Boolean.FALSE, duty.get("feasible"));
        assertNull(duty.get("sleep_ms"));
        assertTrue(((String) duty.get("note")).startsWith("infeasible: "));
    }

    @ParameterizedTest
    @ValueSource(strings = {"--inferences-per-second=0", "--inferences-per-second=-1", "--inferences-per-second=x",
        "--battery-mah=0", "--battery-v=3.0", "--battery-mah=abc", "--battery-mah=225 --battery-v=-3",
        "--battery-mah=1e308", "--inferences-per-second=1e9", "--battery-mah=225 --battery-v=1e6",
        "--inferences-per-second=1,5", "--battery-mah=2,5", "--battery-mah=1f", "--battery-mah=225 --battery-v=3,0"})
    void badEnergyFlagsAreBadInput(String flags) {
        String[] args = ("run " + flags).split(" ");
        Cli r = Cli.run(args);
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.stderr().startsWith("tinyj: run: --"), r.stderr());
        assertFalse(r.stderr().contains("Exception"), r.stderr());
        Cli fw = Cli.firmware("arduino-uno", "fw.cli.Hello", flags.split(" "));
        assertEquals(2, fw.exit(), "firmware too (it has no --inferences-per-second: its own loops set the duty cycle)"
                + fw);
    }

    @Test
    void firmwareSummaryHasSleepEnergyAndBatteryLifeOfItsOwnDutyCycle() {
        Cli r = Cli.firmware("arduino-nano-33-ble", "fw.cli.Sleeper", "--loops", "4", "--battery-mah", "225",
                "--battery-v", "3.0");
        assertEquals(0, r.exit(), r.toString());
        assertEquals("tick\ntick\ntick\ntick\n", r.out());
        Matcher m = Pattern.compile("time:  ([0-9,]+) cycles").matcher(r.stderr());
        assertTrue(m.find(), r.stderr());
        long cycles = Long.parseLong(m.group(1).replace(",", ""));
        assertTrue(r.stderr().contains(" + 1,000,000 us asleep"), r.stderr());
        double activeUj = cycles / 64e6 * 3.3 * 3.3 * 1000;
        double sleepUj = 1.0 * 3.3 * 3.16; // 10.428 uJ
        double seconds = cycles / 64e6 + 1.0;
        double uw = (activeUj + sleepUj) / seconds;
        assertTrue(r.stderr().contains(String.format(Locale.ROOT, "energy: %,.2f uJ active (3.3 V x 3.3 mA) + 10.43 uJ "
                + "asleep (1.000 s in system-on-rtc at 3.3 V x 3.16 uA) = %,.2f uJ over %,.3f s: %,.2f uW average",
                activeUj, activeUj + sleepUj, seconds, uw)), r.stderr());
        double hours = 2430.0 / (uw * 1e-6) / 3600;
        assertTrue(r.stderr().contains(String.format(Locale.ROOT, "battery: 225 mAh at 3.0 V (--battery-mah/"
                + "--battery-v), 2,430 J: %,.0f h (%,.1f days) at this duty cycle (4 loops in %,.3f s)", hours,
                hours / 24, seconds)), r.stderr());

        Cli uno = Cli.firmware("arduino-uno", "fw.cli.Sleeper", "--loops", "2");
        assertEquals(0, uno.exit(), uno.toString());
        assertTrue(uno.stderr().contains("+ asleep 500.000 ms in power-down-wdt: unknown (power-down-wdt current not "
                + "sourced: "), uno.stderr());
        assertTrue(uno.stderr().contains("battery: no battery: arduino-uno's default power source is USB 5 V"),
                uno.stderr());
    }

    @Test
    void firmwareBudgetsExceededExitOneNamingTheFigureAndTheLimit() {
        Cli within = Cli.firmware("arduino-uno", "fw.cli.Hello", "--loops", "2", "--max-cycles", "1000000",
                "--max-latency-ms", "100", "--max-energy-uj", "10000", "--max-sram", "2048", "--max-flash", "32256");
        assertEquals(0, within.exit(), within.toString());
        for (String name : List.of("max-cycles", "max-latency-ms", "max-energy-uj", "max-sram", "max-flash")) {
            assertTrue(within.stderr().contains("PASS  " + name), name + "\n" + within);
        }
        assertTrue(within.stderr().contains("PASS  fits-flash"), within.stderr());
        assertTrue(within.stderr().contains("tinyj firmware: all 6 checks passed"), within.stderr());
        assertEquals("hello\nloop 1\nloop 2\n", within.out(), "the checks go to standard error, not into Serial");

        Cli over = Cli.firmware("arduino-uno", "fw.cli.Hello", "--loops", "2", "--max-cycles", "100",
                "--max-sram", "100", "--max-flash", "32256", "--max-energy-uj", "1");
        assertEquals(1, over.exit(), over.toString());
        Matcher cycles = Pattern.compile("time:  ([0-9,]+) cycles").matcher(over.stderr());
        assertTrue(cycles.find());
        assertTrue(over.stderr().contains("FAIL  max-cycles           " + cycles.group(1)
                + " cycles exceeds --max-cycles 100 cycles by "), over.stderr());
        assertTrue(over.stderr().matches("(?s).*FAIL  max-sram +SRAM [0-9,]+ B exceeds --max-sram 100 B by .*"),
                over.stderr());
        assertTrue(over.stderr().matches("(?s).*FAIL  max-energy-uj +energy [0-9.,]+ uJ exceeds --max-energy-uj "
                + "1\\.0+ uJ by .*"), over.stderr());
        assertTrue(over.stderr().contains("PASS  max-flash"), over.stderr());
        assertTrue(over.stderr().contains("tinyj firmware: 3 of 5 checks FAILED"), over.stderr());

        Cli unknown = Cli.firmware("arduino-uno", "fw.cli.Sleeper", "--max-energy-uj", "1000000");
        assertEquals(1, unknown.exit(), "an energy budget that cannot be shown to hold fails");
        assertTrue(unknown.stderr().contains("FAIL  max-energy-uj        the run's energy is unknown on arduino-uno "
                + "(power-down-wdt current not sourced: "), unknown.stderr());
        assertTrue(unknown.stderr().contains("--max-energy-uj 1,000,000.0 uJ cannot be shown to hold"),
                unknown.stderr());

        Cli bad = Cli.firmware("arduino-uno", "fw.cli.Hello", "--max-cycles", "lots");
        assertEquals(2, bad.exit(), bad.toString());
        assertEquals("tinyj: firmware: --max-cycles expects a whole number, got 'lots'\n", bad.stderr());
    }

    @Test
    void boardsListsPowerFiguresAsTextAndJson() throws Exception {
        Cli text = Cli.run("boards");
        assertEquals(0, text.exit(), text.toString());
        String[] lines = text.out().split("\n");
        assertTrue(lines[0].startsWith("board ") && lines[0].contains("supply") && lines[0].contains("active mW")
                && lines[0].contains("timed sleep") && lines[0].contains("default source"), lines[0]);
        assertEquals(1 + Boards.ids().size(), lines.length, text.out());
        String l4 = java.util.Arrays.stream(lines).filter(l -> l.startsWith("nucleo-l4r5zi ")).findFirst()
                .orElseThrow();
        assertTrue(l4.matches("nucleo-l4r5zi +stm32l4r5zi +cortex-m4 +120 MHz +2,097,152 +655,360 +1\\.8 V +41\\.04 +"
                + "stop2-rtc unknown +external 1\\.8 V supply, no battery"), l4);
        assertTrue(text.out().contains("system-on-rtc 3.16 uA"), text.out());

        Cli json = Cli.run("boards", "--format", "json");
        assertEquals(0, json.exit(), json.toString());
        List<?> boards = (List<?>) JsonReader.parse(json.out());
        assertEquals(Boards.ids().size(), boards.size());
        for (Object o : boards) {
            Map<?, ?> b = (Map<?, ?>) o;
            for (String k : List.of("id", "name", "mcu", "core", "clock_hz", "flash_bytes", "sram_bytes", "supply_v",
                    "active_ma", "active_mw", "sleep_ua", "timed_sleep_mode", "power_source", "battery")) {
                assertTrue(b.containsKey(k), k + " in " + b);
            }
            assertTrue(((Map<?, ?>) b.get("sleep_ua")).containsKey(b.get("timed_sleep_mode")), b.toString());
            assertNull(b.get("battery"), "no shipped board has a default battery");
        }
        Map<?, ?> uno = (Map<?, ?>) boards.stream().filter(b -> ((Map<?, ?>) b).get("id").equals("arduino-uno"))
                .findFirst().orElseThrow();
        assertEquals("atmega328p", uno.get("mcu"));
        assertEquals(16_000_000L, uno.get("clock_hz"));
        assertEquals(32_256L, uno.get("flash_bytes"));
        assertEquals(2_048L, uno.get("sram_bytes"));
        assertEquals(5.0, ((Map<?, ?>) uno.get("supply_v")).get("value"));
        assertEquals(50.0, (Double) ((Map<?, ?>) uno.get("active_mw")).get("value"), 1e-9);
        Map<?, ?> wdt = (Map<?, ?>) ((Map<?, ?>) uno.get("sleep_ua")).get("power-down-wdt");
        assertNull(wdt.get("value"));
        assertTrue(((String) wdt.get("source")).contains("VCC = 3 V only"), wdt.toString());
        assertEquals("USB 5 V, no battery", ((Map<?, ?>) uno.get("power_source")).get("value"));
        assertEquals(2, Cli.run("boards", "--format", "xml").exit());
    }

    @Test
    void firmwareWhoseFlashExceedsTheBoardsFailsFitsFlashWithoutAnyBudget() throws Exception {
        java.nio.file.Path big = java.nio.file.Files.createTempFile("tinyj-big", ".bin");
        try {
            java.nio.file.Files.write(big, new byte[40_000]);
            Cli r = Cli.firmware("arduino-uno", "fw.cli.Hello", "--loops", "1", "--flash-segment", "0=" + big);
            assertEquals(1, r.exit(), r.toString());
            assertTrue(r.stderr().contains("FAIL  fits-flash           flash needs 40,5"), r.stderr());
            assertTrue(r.stderr().contains("; arduino-uno has 32,256 B ("), r.stderr());
            Cli fits = Cli.firmware("arduino-uno", "fw.cli.Hello", "--loops", "1");
            assertEquals(0, fits.exit(), fits.toString());
            assertFalse(fits.stderr().contains("fits-flash"), "nothing to say when it fits and no budget is given");
        } finally {
            java.nio.file.Files.deleteIfExists(big);
        }
    }

    @Test
    void thousandsSeparatorsAreReadButADecimalCommaIsRefused() {
        Cli ok = Cli.run("run", "--max-cycles", "1,000,000", "--max-latency-ms", "1_000");
        assertEquals(0, ok.exit(), ok.toString());
        assertTrue(ok.out().contains("--max-cycles 1,000,000 cycles"), ok.out());
        Cli comma = Cli.run("run", "--max-latency-ms", "0,05");
        assertEquals(2, comma.exit(), "a decimal comma must not become 5 ms: " + comma);
        assertTrue(comma.stderr().contains("--max-latency-ms expects a number, got '0,05'"), comma.stderr());
    }
}
