package dev.tinyj.boards;

import java.util.Map;
import java.util.Optional;

/**
 * Electrical figures of a board, each with its source; an unknown figure is
 * {@link Figure#unknown}, never a guess. Sleep currents are per sleep mode, named as the MCU's
 * datasheet names the mode (with what keeps running, e.g. {@code power-down-wdt}: power-down with
 * the watchdog on).
 *
 * @param supplyVolts supply voltage, V
 * @param activeMilliamps current while running at the board clock, mA
 * @param sleepMicroamps current per sleep-mode name (e.g. {@code power-down}), µA, at {@code supplyVolts}
 * @param timedSleepMode the sleep mode {@code Mcu.sleepMicros} uses: one that keeps a wake timer
 *     running and the SRAM retained (a key of {@code sleepMicroamps}), with why that mode
 * @param powerSource default power source, as text (e.g. {@code USB 5 V, no battery}), or unknown
 * @param battery the default power source's battery, or empty when it is not a battery
 */
public record PowerModel(
        Figure supplyVolts,
        Figure activeMilliamps,
        Map<String, Figure> sleepMicroamps,
        Figure timedSleepMode,
        Figure powerSource,
        Optional<Battery> battery) {

    /** Power while running at the board clock, mW: V × I_active. */
    public Figure activeMilliwatts() {
        if (!supplyVolts.known() || !activeMilliamps.known()) {
            return Figure.unknown((supplyVolts.known() ? "active current" : "supply voltage") + " not sourced: "
                    + (supplyVolts.known() ? activeMilliamps : supplyVolts).source());
        }
        return Figure.derived(supplyVolts.value() * activeMilliamps.value(),
                "derived: supply " + supplyVolts.text() + " V x active " + activeMilliamps.text() + " mA");
    }

    /** The current of the timed-sleep mode, µA; unknown with the reason when it is not sourced. */
    public Figure timedSleepMicroamps() {
        if (!timedSleepMode.known()) {
            return Figure.unknown("timed-sleep mode not sourced: " + timedSleepMode.source());
        }
        Figure current = sleepMicroamps.get(timedSleepMode.text());
        if (!current.known()) {
            return Figure.unknown(timedSleepMode.text() + " current not sourced: " + current.source());
        }
        return current;
    }
}
