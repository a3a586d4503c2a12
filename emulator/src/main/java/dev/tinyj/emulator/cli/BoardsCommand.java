package dev.tinyj.emulator.cli;

import dev.tinyj.boards.Board;
import dev.tinyj.boards.BoardException;
import dev.tinyj.boards.Boards;
import java.io.PrintStream;
import java.util.Set;

/** {@code tinyj boards}: the shipped board profiles with clock, SRAM, flash and core. */
final class BoardsCommand extends Command {
    private static final String HELP = """
            usage: tinyj boards

            Lists every board profile: id, MCU, core, clock, SRAM and flash for firmware.
            Profiles are data files in boards/src/main/resources/dev/tinyj/boards (see boards/README.md).
            """;

    BoardsCommand(PrintStream out, PrintStream err) {
        super(out, err);
    }

    @Override
    String name() {
        return "boards";
    }

    @Override
    String help() {
        return HELP;
    }

    @Override
    Set<String> valueFlags() {
        return Set.of();
    }

    @Override
    int execute(Args a) throws UsageException {
        out.printf("%-22s %-12s %-10s %9s %12s %12s%n", "board", "mcu", "core", "clock", "SRAM B", "flash B");
        for (String id : Boards.ids()) {
            try {
                Board b = Boards.load(id);
                out.printf("%-22s %-12s %-10s %9s %12s %12s%n", b.id(), b.mcu(), b.core(), RunReport.mhz(b.clockHz()),
                        RunReport.n(b.sram().size()), RunReport.n(b.flash().size()));
            } catch (BoardException e) {
                err.println("tinyj: " + e.getMessage());
                return 2;
            }
        }
        return 0;
    }
}
