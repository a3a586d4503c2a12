package dev.tinyj.emulator.cli;

import dev.tinyj.boards.Board;
import dev.tinyj.boards.DutyCycle;
import dev.tinyj.emulator.run.Inference;
import dev.tinyj.emulator.run.ModelBuild;
import dev.tinyj.emulator.run.TensorFiles;

/**
 * Everything one {@code tinyj run} measured and decided, for the text and JSON reports.
 *
 * @param build the model as compiled
 * @param result the inference
 * @param board the board
 * @param modelPath {@code --model} as given, or null for the bundled model
 * @param inputPath {@code --input} as given, or null for a seeded random input
 * @param seed the random input's seed, or null with {@code --input}
 * @param fit the fit check before running (its problems; not fitting means every figure is hypothetical)
 * @param expect the {@code --expect} comparison, or null
 * @param inferencesPerSecond {@code --inferences-per-second}, the duty cycle of the energy and battery-life figures
 * @param battery the battery of the battery-life estimate (flags, the board's, or none)
 */
record RunOutcome(ModelBuild build, Inference.Result result, Board board, String modelPath, String inputPath,
        Long seed, RunFit fit, TensorFiles.Comparison expect, double inferencesPerSecond, BatteryChoice battery) {

    /** One inference per period of 1 ÷ {@code inferencesPerSecond} s, asleep the rest of it. */
    DutyCycle dutyCycle() {
        return DutyCycle.perSecond(board, result.cycles(), inferencesPerSecond);
    }

    boolean hypothetical() {
        return !fit.fits();
    }

    /** Peak SRAM, bytes. */
    long sramTotal() {
        return result.machine().memory().sramPeakBytes();
    }

    /** Flash: code (VM base + firmware) + constants + model image, bytes. */
    long flashTotal() {
        return Inference.flashNeeded(build, result.machine().program(), board);
    }

    /** Fits the board: not hypothetical, and peak SRAM and flash within capacity. */
    boolean fits() {
        return !hypothetical() && sramTotal() <= board.sram().size() && flashTotal() <= board.flash().size();
    }

    /** The exit code: 0 fits and (if asked) the outputs match, else 1. */
    int exitCode() {
        return fits() && (expect == null || expect.match()) ? 0 : 1;
    }

    /** How the input was made, for the report's first line. */
    String inputNote() {
        return inputPath != null ? "input " + inputPath : "random input, seed " + seed;
    }
}
