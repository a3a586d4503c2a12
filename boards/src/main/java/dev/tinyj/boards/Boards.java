package dev.tinyj.boards;

import java.util.List;

/** Finds and loads board profiles shipped in this module. */
public final class Boards {
    private Boards() {
    }

    /** Ids of every shipped board, sorted. */
    public static List<String> ids() {
        throw new UnsupportedOperationException("boards loader not written yet");
    }

    /**
     * Loads board {@code id} with its MCU, core and cost table.
     *
     * @throws BoardException for an unknown id (the message lists the known ones) or a malformed
     *     file (file, line, field)
     */
    public static Board load(String id) throws BoardException {
        throw new UnsupportedOperationException("boards loader not written yet");
    }
}
