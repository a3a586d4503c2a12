package dev.tinyj.emulator.cli;

import dev.tinyj.boards.Board;
import dev.tinyj.boards.BoardException;
import dev.tinyj.boards.Boards;
import java.io.PrintStream;
import java.util.Set;

/** {@code tinyj boards}: the shipped board profiles with clock, SRAM, flash and core. */
final class BoardsCommand {
    private static final String HELP = """
            usage: tinyj boards

            Lists every board profile: id, MCU, core, clock, SRAM and flash for firmware.
            Profiles are data files in boards/src/main/resources/dev/tinyj/boards (see boards/README.md).
            """;

    private final PrintStream out;
    private final PrintStream err;

    BoardsCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(String[] argv) throws UsageException {
        if (Main.wantsHelp(argv)) {
            out.print(HELP);
            return 0;
        }
        Args.parse("boards", argv, Set.of(), Set.of());
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
