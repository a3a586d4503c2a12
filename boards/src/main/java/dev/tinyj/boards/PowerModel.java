package dev.tinyj.boards;

import java.util.Map;

/**
 * Electrical figures of a board, each with its source; an unknown figure is
 * {@link Figure#unknown}, never a guess.
 *
 * @param supplyVolts supply voltage, V
 * @param activeMilliamps current while running at the board clock, mA
 * @param sleepMicroamps current per sleep-mode name (e.g. {@code power-down}), µA
 * @param powerSource default power source (e.g. {@code USB 5 V}, {@code CR2032}) or unknown
 */
public record PowerModel(
        Figure supplyVolts,
        Figure activeMilliamps,
        Map<String, Figure> sleepMicroamps,
        Figure powerSource) {
}
