package dev.tinyj.boards;

import java.util.List;

/**
 * Finds and loads the board profiles shipped in this module (classpath resources under
 * {@code dev/tinyj/boards/}; the format is described in {@code boards/README.md}). Nothing is read
 * from the network. Loaded boards are cached; every method is thread-safe.
 */
public final class Boards {
    private static final BoardLoader SHIPPED = new BoardLoader(ProfileSource.classpath());

    private Boards() {
    }

    /**
     * Ids of every shipped board, sorted.
     *
     * @throws IllegalStateException when the module's board index is missing (a packaging bug)
     */
    public static List<String> ids() {
        try {
            return SHIPPED.ids();
        } catch (BoardException e) {
            throw new IllegalStateException("board index unreadable: " + e.getMessage(), e);
        }
    }

    /**
     * Loads board {@code id} with its MCU, core and cost table.
     *
     * @throws BoardException for an unknown id (the message lists the known ones) or a malformed
     *     file (file, line, field)
     */
    public static Board load(String id) throws BoardException {
        return SHIPPED.load(id);
    }

    /**
     * Loads board {@code id} with another shipped cost table, e.g. {@code cores/avr8.prior} (the
     * datasheet-derived starting point that calibration fits from; docs/cost-model.md).
     *
     * @throws BoardException for an unknown id, a missing file or a malformed table (file, line, field)
     */
    public static Board loadWithCosts(String id, String costsFile) throws BoardException {
        return SHIPPED.loadWithCosts(id, costsFile);
    }
}
