package dev.tinyj.emulator.calibrate;

import dev.tinyj.boards.Board;
import dev.tinyj.boards.BoardException;
import dev.tinyj.boards.Boards;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The calibration suite: every ported kernel ({@link Benchmark#all()}) run in the emulator, each on
 * a fresh machine, beside its ground-truth row. This is the API {@code tinyj calibrate} uses;
 * fitting and hold-out analyses build on the {@link KernelRun}s it returns.
 *
 * <pre>
 * CalibrationSuite suite = CalibrationSuite.shipped();
 * for (KernelRun r : suite.run("arduino-uno")) {
 *     r.cycles(); r.truthCycles(); r.bytecodes(); r.checksumMatches(); r.machine().program();
 * }
 * </pre>
 */
public final class CalibrationSuite {
    private final GroundTruth truth;
    private final CalibFirmware firmware;

    private CalibrationSuite(GroundTruth truth, CalibFirmware firmware) {
        this.truth = truth;
        this.firmware = firmware;
    }

    /** The suite scored against the ground truth shipped with TinyJ. */
    public static CalibrationSuite shipped() {
        return with(GroundTruth.shipped());
    }

    /** The suite scored against {@code truth} (e.g. a re-measured results.csv). */
    public static CalibrationSuite with(GroundTruth truth) {
        return new CalibrationSuite(truth, CalibFirmware.load());
    }

    public GroundTruth truth() {
        return truth;
    }

    public CalibFirmware firmware() {
        return firmware;
    }

    /**
     * Runs every benchmark on a shipped board.
     *
     * @throws IllegalArgumentException for an unknown board, or one whose core has no ground truth
     */
    public List<KernelRun> run(String boardId) {
        try {
            return run(Boards.load(boardId), r -> { });
        } catch (BoardException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /**
     * Runs every benchmark on {@code board}, in {@link Benchmark#all()} order; {@code progress} is
     * told of each run as it finishes.
     *
     * @throws IllegalArgumentException when the board's core has no ground truth
     */
    public List<KernelRun> run(Board board, Consumer<KernelRun> progress) {
        List<KernelRun> runs = new ArrayList<>();
        for (Benchmark b : Benchmark.all()) {
            KernelRun r = run(b, board);
            progress.accept(r);
            runs.add(r);
        }
        return List.copyOf(runs);
    }

    /**
     * Runs one benchmark on a fresh machine for {@code board}.
     *
     * @throws IllegalArgumentException when the board's core has no ground truth
     */
    public KernelRun run(Benchmark b, Board board) {
        CalibCore core = coreOf(board);
        return BenchRunner.run(firmware, b, truth.row(b), board, core);
    }

    /** The ground-truth core of a board. */
    public static CalibCore coreOf(Board board) {
        return CalibCore.byId(board.core()).orElseThrow(() -> new IllegalArgumentException("board " + board.id()
                + " has core " + board.core() + ": the calibration ground truth covers avr8 and cortex-m4"));
    }
}
