package dev.tinyj.emulator.cli;

import dev.tinyj.boards.Board;
import dev.tinyj.emulator.run.Inference;
import dev.tinyj.emulator.run.ModelBuild;
import dev.tinyj.emulator.vm.decode.Program;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether a model's firmware fits a board before it runs: SRAM (VM base + statics + arena) and
 * flash (VM base + code + constants + model image) against capacity. The stack comes on top and is
 * checked while running (an SRAM-overflow fault).
 *
 * @param fits both fit
 * @param problems one sentence per ceiling exceeded, with the figures
 * @param extraSramBytes hypothetical SRAM to add for {@code --ignore-limits}, bytes
 * @param sramNeeded SRAM before the stack (VM base + statics + arena), bytes
 * @param flashNeeded flash (VM base + code + constants + model image), bytes
 */
record RunFit(boolean fits, List<String> problems, long extraSramBytes, long sramNeeded, long flashNeeded) {
    /** Whether the SRAM needed before the stack fits. */
    boolean sramFits(Board board) {
        return sramNeeded <= board.sram().size();
    }

    /** Whether the flash needed fits. */
    boolean flashFits(Board board) {
        return flashNeeded <= board.flash().size();
    }

    static RunFit check(ModelBuild build, Program program, Board board) {
        List<String> problems = new ArrayList<>();
        long sram = Inference.sramNeeded(build, program, board);
        long free = board.sram().size() - board.vmSramBytes() - program.staticBytes();
        long extra = 0;
        if (sram > board.sram().size()) {
            problems.add("arena needs " + RunReport.n(build.model().arenaBytes() + board.memory().arrayHeaderBytes())
                    + " B; " + board.id() + " has " + RunReport.n(board.sram().size()) + " B SRAM, " + RunReport.n(free)
                    + " B free after the VM base and statics (" + RunReport.n(sram - board.sram().size()) + " B short)");
            extra = sram - board.sram().size() + 64 * 1024;
        }
        long flash = Inference.flashNeeded(build, program, board);
        if (flash > board.flash().size()) {
            problems.add("flash needs " + RunReport.n(flash) + " B (code " + RunReport.n(board.vmFlashBytes()
                    + program.codeBytes()) + " B + model image " + RunReport.n(build.image().length) + " B); "
                    + board.id() + " has " + RunReport.n(board.flash().size()) + " B for firmware ("
                    + RunReport.n(flash - board.flash().size()) + " B short)");
        }
        return new RunFit(problems.isEmpty(), problems, extra, sram, flash);
    }
}
