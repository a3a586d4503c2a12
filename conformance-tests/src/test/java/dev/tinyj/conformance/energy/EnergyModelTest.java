package dev.tinyj.conformance.energy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tinyj.boards.Battery;
import dev.tinyj.boards.Board;
import dev.tinyj.boards.BoardException;
import dev.tinyj.boards.Boards;
import dev.tinyj.boards.DutyCycle;
import dev.tinyj.boards.Energy;
import dev.tinyj.boards.Figure;
import org.junit.jupiter.api.Test;

/**
 * The energy model (DESIGN.md "Energy") on the shipped boards, every expected number worked out by
 * hand from the board's figures: active energy, sleep energy in the timed-sleep mode, average power,
 * battery life, the MLPerf Tiny anchor, and unknown figures reported as unknown.
 */
class EnergyModelTest {
    /** BOARDS.md: CR2032, 225 mAh at 3.0 V nominal, about 2,430 J. */
    private static final Battery CR2032 = new Battery(225, 3.0, "BOARDS.md");

    @Test
    void l4r5ziActivePowerIsWithinFifteenPercentOfMlperfTinysMeasuredPower() throws BoardException {
        Figure mw = Boards.load("nucleo-l4r5zi").power().activeMilliwatts();
        assertTrue(mw.known(), mw.source());
        assertTrue(mw.value() >= 0.85 * 40.5 && mw.value() <= 1.15 * 41.5, mw.value() + " mW");
        assertEquals(1.8 * 22.8, mw.value(), 1e-9);
    }

    @Test
    void l4r5ziEnergyPerInferenceMatchesMlperfTinysFourReferenceRuns() throws BoardException {
        Board l4 = Boards.load("nucleo-l4r5zi");
        // BOARDS.md: energy / latency of MLPerf Tiny v0.5's reference run at 120 MHz, 1.8 V
        double[][] runs = {{7_374, 181.9}, {24_313, 600.6}, {29_207, 704.2}, {416, 10.1}};
        for (double[] run : runs) {
            long cycles = Math.round(run[1] / 1000 * 120_000_000L);
            double uj = Energy.active(l4, cycles).value();
            assertEquals(run[0], uj, 0.15 * run[0], run[1] + " ms: " + uj + " uJ vs measured " + run[0]);
        }
    }

    @Test
    void activeEnergyIsCyclesOverClockTimesSupplyTimesCurrent() throws BoardException {
        Board uno = Boards.load("arduino-uno");
        // 16,000 cycles at 16 MHz = 1 ms; 5.0 V x 10 mA = 50 mW; 1 ms x 50 mW = 50 uJ
        assertEquals(50.0, Energy.active(uno, 16_000).value(), 1e-9);
        assertEquals(50.0, Energy.activeMicrojoules(uno, 16_000).getAsDouble(), 1e-9);
    }

    @Test
    void sleepEnergyUsesTheTimedSleepModesCurrentAtTheBoardsSupply() throws BoardException {
        Board nano = Boards.load("arduino-nano-33-ble");
        // 64,000 cycles at 64 MHz = 1 ms active: 1 ms x 3.3 V x 3.3 mA = 10.89 uJ
        // 0.5 s in system-on-rtc: 0.5 s x 3.3 V x 3.16 uA = 5.214 uJ
        DutyCycle run = DutyCycle.measured(nano, 64_000, 0.5);
        assertEquals(0.501, run.periodSeconds(), 1e-12);
        assertEquals(10.89, run.activeMicrojoules().value(), 1e-9);
        assertEquals(5.214, run.sleepMicrojoules().value(), 1e-9);
        assertEquals(16.104, run.microjoules().value(), 1e-9);
        assertEquals(16.104 / 0.501 / 1000, run.averageMilliwatts().value(), 1e-12);
        assertEquals(5.214, Energy.timedSleep(nano, 0.5).value(), 1e-9);
    }

    @Test
    void batteryLifeAtADutyCycleWorkedOutByHand() throws BoardException {
        Board nano = Boards.load("arduino-nano-33-ble");
        // 640,000 cycles = 10 ms at 64 MHz, twice a second: period 0.5 s, 0.49 s asleep
        DutyCycle twice = DutyCycle.perSecond(nano, 640_000, 2);
        assertTrue(twice.feasible());
        assertEquals(0.49, twice.sleepSeconds(), 1e-12);
        double active = 0.010 * 3.3 * 3.3 * 1000; // 108.9 uJ
        double asleep = 0.49 * 3.3 * 3.16; // 5.10972 uJ
        assertEquals(108.9, active, 1e-9);
        assertEquals(114.00972, twice.microjoules().value(), 1e-9);
        double watts = (active + asleep) * 1e-6 / 0.5; // 228.01944 uW
        assertEquals(watts * 1000, twice.averageMilliwatts().value(), 1e-12);
        assertEquals(2430.0, CR2032.joules(), 1e-9);
        double hours = 2430.0 / watts / 3600; // 2,960.3 h, 123.3 days
        assertEquals(hours, twice.batteryHours(CR2032).value(), 1e-6);
        assertEquals(2960.27, hours, 0.01);
    }

    @Test
    void anInferenceLongerThanThePeriodIsInfeasible() throws BoardException {
        Board nano = Boards.load("arduino-nano-33-ble");
        DutyCycle tooFast = DutyCycle.perSecond(nano, 640_000, 200); // 10 ms of work every 5 ms
        assertFalse(tooFast.feasible());
        assertEquals(100.0, tooFast.maxPerSecond(), 1e-9);
        Figure life = tooFast.batteryHours(CR2032);
        assertFalse(life.known());
        assertEquals("infeasible: one burst takes 10.0000 ms, longer than the 5.0000 ms period (at most 100 per "
                + "second)", life.source());
        assertTrue(DutyCycle.perSecond(nano, 640_000, 100).feasible(), "exactly back to back still fits");
    }

    @Test
    void unknownFiguresGiveUnknownResultsWithTheReason() throws BoardException {
        Board uno = Boards.load("arduino-uno");
        Figure asleep = DutyCycle.measured(uno, 16_000, 1.0).microjoules();
        assertFalse(asleep.known(), "the Uno's power-down-wdt current at 5 V is not sourced");
        assertTrue(Double.isNaN(asleep.value()));
        assertTrue(asleep.source().startsWith("power-down-wdt current not sourced: Atmel-8271D Table 29-9"),
                asleep.source());
        assertFalse(DutyCycle.perSecond(uno, 16_000, 1).batteryHours(CR2032).known());
        Figure awake = DutyCycle.measured(uno, 16_000, 0).microjoules();
        assertTrue(awake.known(), "a run that never slept needs no sleep figure");
        assertEquals(50.0, awake.value(), 1e-9);

        Board f4 = Boards.load("nucleo-f446re");
        Figure active = Energy.active(f4, 180_000);
        assertFalse(active.known());
        assertTrue(active.source().startsWith("active current not sourced: "), active.source());
        assertTrue(Energy.activeMicrojoules(f4, 180_000).isEmpty());
        assertFalse(Boards.load("nucleo-l4r5zi").power().timedSleepMicroamps().known());
    }
}
