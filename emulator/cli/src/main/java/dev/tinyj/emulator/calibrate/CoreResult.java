package dev.tinyj.emulator.calibrate;

import dev.tinyj.boards.Board;
import dev.tinyj.boards.BoardException;
import dev.tinyj.boards.Boards;
import dev.tinyj.boards.CodeSizeModel;
import java.util.List;
import java.util.function.Consumer;

/**
 * Everything {@code tinyj calibrate} reports for one core: the cycle runs of every kernel on the
 * core's reference board, and the code-size rows with the board's model and a least-squares refit.
 *
 * @param core the core
 * @param board its reference board (the model in force: cost table, code-size model)
 * @param runs one per benchmark, in bench order
 * @param codeRows one per distinct C function ({@link CodeSizeFit#rows})
 * @param refit the least-squares code-size model for these rows ({@link CodeSizeFit#fit})
 * @param costs the cost-table fit on these runs, with its leave-one-family-out refits
 */
public record CoreResult(CalibCore core, Board board, List<KernelRun> runs, List<CodeSizeFit.Row> codeRows,
        CodeSizeModel refit, CostCalibration costs) {

    public CoreResult {
        runs = List.copyOf(runs);
        codeRows = List.copyOf(codeRows);
    }

    /** Runs the suite on {@code core}'s reference board; {@code progress} hears of each run. */
    public static CoreResult measure(CalibrationSuite suite, CalibCore core, Consumer<KernelRun> progress) {
        Board board;
        try {
            board = Boards.load(core.board());
        } catch (BoardException e) {
            throw new IllegalStateException("shipped board " + core.board() + " does not load: " + e.getMessage(), e);
        }
        List<KernelRun> runs = suite.run(board, progress);
        List<CodeSizeFit.Row> rows = CodeSizeFit.rows(suite.firmware(), suite.truth(), core);
        return new CoreResult(core, board, runs, rows, CodeSizeFit.fit(rows), CostCalibration.of(core, runs, suite.truth().source()));
    }

    /** Cycle errors over every kernel. */
    public ErrorStats cycleErrors() {
        return ErrorStats.ofRuns(runs);
    }

    /** Whether the shipped table and the leave-one-family-out fits both meet the core's targets. */
    public boolean meetsCycleTargets() {
        return core.meetsTargets(cycleErrors()) && core.meetsTargets(costs.leaveOneOutErrors());
    }

    /** Code-size errors of the board's model in force. */
    public ErrorStats codeErrors() {
        return CodeSizeFit.errors(codeRows, board.codeSize());
    }

    /** Code-size errors of the refit. */
    public ErrorStats refitErrors() {
        return CodeSizeFit.errors(codeRows, refit);
    }

    /** Runs whose outputs differ from the C's (none when the port is right). */
    public List<KernelRun> checksumMismatches() {
        return runs.stream().filter(r -> !r.checksumMatches()).toList();
    }
}
