package dev.tinyj.boards;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a profile file and its includes into one {@link Profile}. The format (see
 * {@code boards/README.md}):
 *
 * <ol>
 *   <li>One statement per line; blank lines and lines starting with {@code #} are comments.
 *   <li>{@code include NAME} reads file {@code NAME} (relative to the profile root, e.g.
 *       {@code mcus/atmega328p.mcu}) at that point; its keys are defaults for this file.
 *   <li>{@code key = value} sets a field; a trailing {@code # source: TEXT} records where the
 *       figure comes from; any other trailing {@code # ...} is a plain comment.
 *   <li>A key set twice in one file is an error; a key set in a file overrides its includes.
 *   <li>An include cycle is an error naming the chain of files.
 * </ol>
 */
final class ProfileReader {
    private static final Pattern KEY = Pattern.compile("[a-z0-9_][a-z0-9_.\\-]*");
    private static final Pattern INCLUDE = Pattern.compile("include\\s+(\\S+)");
    private static final Pattern SOURCE = Pattern.compile("source:\\s*(.*)");

    private final ProfileSource source;

    ProfileReader(ProfileSource source) {
        this.source = source;
    }

    /** Reads {@code file} with its includes. */
    Profile read(String file) throws BoardException {
        return new Profile(file, readFile(file, new ArrayList<>(), null));
    }

    /**
     * Entries of {@code file} with its includes resolved. {@code chain} holds the files being read
     * (for cycle detection); {@code includedAt} is {@code file:line} of the include, or null.
     */
    private Map<String, Profile.Entry> readFile(String file, List<String> chain, String includedAt)
            throws BoardException {
        if (chain.contains(file)) {
            List<String> cycle = new ArrayList<>(chain.subList(chain.indexOf(file), chain.size()));
            cycle.add(file);
            throw new BoardException(includedAt + ": include cycle: " + String.join(" -> ", cycle));
        }
        String text = source.read(file);
        if (text == null) {
            throw new BoardException(includedAt == null
                    ? file + ": no such file in " + source
                    : includedAt + ": include '" + file + "': no such file");
        }
        chain.add(file);
        Map<String, Profile.Entry> into = new LinkedHashMap<>();
        Map<String, Integer> ownKeys = new HashMap<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int lineNo = i + 1;
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String comment = null;
            int hash = line.indexOf('#');
            if (hash >= 0) {
                comment = line.substring(hash + 1).strip();
                line = line.substring(0, hash).strip();
            }
            Matcher include = INCLUDE.matcher(line);
            if (include.matches()) {
                for (Profile.Entry e : readFile(include.group(1), chain, file + ":" + lineNo).values()) {
                    if (!ownKeys.containsKey(e.key())) {
                        into.remove(e.key()); // a later include overrides an earlier one
                        into.put(e.key(), e);
                    }
                }
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 0) {
                throw new BoardException(file + ":" + lineNo + ": expected 'key = value' or 'include FILE', got '"
                        + line + "'");
            }
            String key = line.substring(0, eq).strip();
            String value = line.substring(eq + 1).strip();
            if (!KEY.matcher(key).matches()) {
                throw new BoardException(file + ":" + lineNo + ": bad field name '" + key
                        + "' (lower-case letters, digits, '_', '.', '-')");
            }
            if (value.isEmpty()) {
                throw new BoardException(file + ":" + lineNo + ": field '" + key + "': empty value");
            }
            Integer first = ownKeys.putIfAbsent(key, lineNo);
            if (first != null) {
                throw new BoardException(file + ":" + lineNo + ": field '" + key
                        + "': set twice in this file (first at line " + first + ")");
            }
            String src = null;
            if (comment != null) {
                Matcher m = SOURCE.matcher(comment);
                if (m.matches()) {
                    src = m.group(1).strip().isEmpty() ? null : m.group(1).strip();
                }
            }
            into.remove(key); // an override moves the key to where this file sets it
            into.put(key, new Profile.Entry(key, value, src, file, lineNo));
        }
        chain.remove(chain.size() - 1);
        return into;
    }
}
