package dev.tinyj.boards;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Pattern;

/**
 * Loads boards from one {@link ProfileSource}: finds {@code boards/<id>.board}, resolves its
 * includes ({@link ProfileReader}) and builds the {@link Board} ({@link BoardAssembler}). Loaded
 * boards are cached; the cache is safe to share between threads (a race loads a board twice and
 * keeps the first result, which is equal).
 */
final class BoardLoader {
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9\\-]*");

    private final ProfileSource source;
    private final ConcurrentMap<String, Board> cache = new ConcurrentHashMap<>();
    private volatile List<String> ids;

    BoardLoader(ProfileSource source) {
        this.source = source;
    }

    /** Ids of the boards in the source, sorted. */
    List<String> ids() throws BoardException {
        List<String> known = ids;
        if (known == null) {
            List<String> sorted = new ArrayList<>(source.boardIds());
            sorted.sort(null);
            known = List.copyOf(sorted);
            ids = known;
        }
        return known;
    }

    /** Board {@code id}, loaded once. */
    Board load(String id) throws BoardException {
        Board board = cache.get(id);
        if (board != null) {
            return board;
        }
        if (id == null || !ID.matcher(id).matches() || !ids().contains(id)) {
            throw new BoardException("unknown board '" + id + "'; known boards: " + String.join(", ", ids()));
        }
        String file = "boards/" + id + ProfileSource.BOARD_SUFFIX;
        board = BoardAssembler.assemble(id, new ProfileReader(source).read(file));
        Board raced = cache.putIfAbsent(id, board);
        return raced != null ? raced : board;
    }

    /**
     * Board {@code id} with its cost table replaced by the one in {@code costsFile} (a path under the
     * profile root, e.g. {@code cores/avr8.prior}): every {@code op.*}, {@code extra.*} and
     * {@code costs.calibrated} field comes from that file. Not cached.
     */
    Board loadWithCosts(String id, String costsFile) throws BoardException {
        Board base = load(id);
        Profile board = new ProfileReader(source).read("boards/" + base.id() + ProfileSource.BOARD_SUFFIX);
        Profile costs = new ProfileReader(source).read(costsFile);
        java.util.Map<String, Profile.Entry> merged = new java.util.LinkedHashMap<>();
        board.entries().forEach((k, v) -> {
            if (!isCostKey(k)) {
                merged.put(k, v);
            }
        });
        merged.putAll(costs.entries());
        return BoardAssembler.assemble(id, new Profile(board.file(), merged));
    }

    private static boolean isCostKey(String key) {
        return key.startsWith(BoardAssembler.OP) || key.startsWith(BoardAssembler.EXTRA) || key.equals("costs.calibrated");
    }
}
