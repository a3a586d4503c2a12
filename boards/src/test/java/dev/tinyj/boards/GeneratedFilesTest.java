package dev.tinyj.boards;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The files derived from the board files are what the board files give: {@code boards/boards.index}
 * (the shipped ids, which the classpath loader reads because a jar's directory cannot be listed
 * reliably at run time) and the tables of {@code boards/README.md} ({@link ReadmeTables}). Both are
 * computed from the {@code boards/*.board} files present in {@code src/main/resources}, not from
 * the index. A stale file fails with the command that rewrites it: {@link #REGENERATE} (the same
 * run with {@code -Dtinyj.regenerate=true} writes the files instead of failing).
 */
class GeneratedFilesTest {
    /** Rewrites every generated file of this module from the board files (run in the repository root). */
    static final String REGENERATE = "mvn -o -q -pl boards test -Dtest=GeneratedFilesTest -Dtinyj.regenerate=true";

    /** The shipped profiles in the source tree (tests run in the module directory). */
    static final Path RESOURCES = Path.of("src/main/resources/dev/tinyj/boards");

    @Test
    void boardIndexListsEveryBoardFile() throws Exception {
        StringBuilder index = new StringBuilder("# The shipped board ids, one per line (boards/<id>.board), generated "
                + "from the board files; do not edit.\n# Regenerate: " + REGENERATE + "\n");
        fromSource().ids().forEach(id -> index.append(id).append('\n'));
        check(RESOURCES.resolve(ProfileSource.INDEX), index.toString());
    }

    @Test
    void readmeTablesAreTheBoardData() throws Exception {
        BoardLoader loader = fromSource();
        List<Board> boards = new ArrayList<>();
        for (String id : loader.ids()) {
            boards.add(loader.load(id));
        }
        Path readme = Path.of("README.md");
        check(readme, ReadmeTables.update(Files.readString(readme, StandardCharsets.UTF_8), boards));
    }

    /** The boards of the source tree: every {@code boards/*.board} file, whatever the index says. */
    private static BoardLoader fromSource() {
        return new BoardLoader(ProfileSource.directory(RESOURCES));
    }

    private static void check(Path file, String expected) throws IOException {
        String actual = Files.readString(file, StandardCharsets.UTF_8);
        if (!actual.equals(expected) && Boolean.getBoolean("tinyj.regenerate")) {
            Files.writeString(file, expected, StandardCharsets.UTF_8);
            System.out.println("[tinyj] regenerated boards/" + file);
            return;
        }
        assertEquals(expected, actual, "boards/" + file + " is stale (it is generated from the board files); "
                + "regenerate it in the repository root with: " + REGENERATE);
    }
}
