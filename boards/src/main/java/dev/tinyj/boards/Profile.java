package dev.tinyj.boards;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A board file with all its includes resolved: every key with its value, source and the file and
 * line that set it. A key set in a file overrides the same key from that file's includes.
 *
 * @param file the top-level file, e.g. {@code boards/arduino-uno.board}
 * @param entries entries by key, in the order they were first set
 */
record Profile(String file, Map<String, Entry> entries) {

    Profile {
        entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    /**
     * One {@code key = value  # source: ...} line.
     *
     * @param key the field name, e.g. {@code clock_hz}, {@code op.iadd}
     * @param value the text after {@code =}, trimmed, without the comment
     * @param source the text after {@code # source:}, or {@code null} when the line has none
     * @param file the file the line is in
     * @param line its 1-based line number
     */
    record Entry(String key, String value, String source, String file, int line) {
        /** {@code file:line: field 'key'}, the prefix of every error about this entry. */
        String where() {
            return file + ":" + line + ": field '" + key + "'";
        }
    }

    /** The entry for {@code key}, or {@code null}. */
    Entry get(String key) {
        return entries.get(key);
    }

    /** Every key. */
    Set<String> keys() {
        return entries.keySet();
    }
}
