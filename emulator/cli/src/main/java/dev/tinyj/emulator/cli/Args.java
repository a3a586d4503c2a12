package dev.tinyj.emulator.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Command-line flags of one command: {@code --name value}, {@code --name=value}, and boolean
 * {@code --name}. Flags not declared by the command are errors that list the known ones.
 */
final class Args {
    /** Flags that may be given more than once (each value kept). */
    private static final Set<String> REPEATABLE = Set.of("flash-segment");

    private final Map<String, List<String>> values = new LinkedHashMap<>();

    private Args() {
    }

    /**
     * Parses {@code argv} against the command's flags.
     *
     * @param withValue flags that take a value
     * @param booleans flags that take none
     * @throws UsageException on an unknown flag, a missing value or a stray argument
     */
    static Args parse(String command, String[] argv, Set<String> withValue, Set<String> booleans)
            throws UsageException {
        Args a = new Args();
        for (int k = 0; k < argv.length; k++) {
            String arg = argv[k];
            if (!arg.startsWith("--")) {
                throw new UsageException(command + ": unexpected argument '" + arg + "' (flags start with --; see "
                        + "./tinyj " + command + " --help)");
            }
            String name = arg.substring(2);
            String value = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (booleans.contains(name)) {
                if (value != null) {
                    throw new UsageException(command + ": --" + name + " takes no value");
                }
                a.values.computeIfAbsent(name, x -> new ArrayList<>()).add("true");
            } else if (withValue.contains(name)) {
                if (value == null) {
                    if (k + 1 >= argv.length || argv[k + 1].startsWith("--")) {
                        throw new UsageException(command + ": --" + name + " needs a value");
                    }
                    value = argv[++k];
                }
                if (a.values.containsKey(name) && !REPEATABLE.contains(name)) {
                    throw new UsageException(command + ": --" + name + " is given twice ('"
                            + a.values.get(name).get(0) + "' and '" + value + "'); give it once");
                }
                a.values.computeIfAbsent(name, x -> new ArrayList<>()).add(value);
            } else {
                List<String> known = new ArrayList<>();
                withValue.forEach(f -> known.add("--" + f));
                booleans.forEach(f -> known.add("--" + f));
                known.sort(null);
                throw new UsageException(command + ": unknown flag --" + name + (known.isEmpty()
                        ? " (" + command + " takes no flags)" : " (known: " + String.join(", ", known) + ")"));
            }
        }
        return a;
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    /** The last value of a flag, or {@code fallback}. */
    String get(String name, String fallback) {
        List<String> v = values.get(name);
        return v == null ? fallback : v.get(v.size() - 1);
    }

    /** Every value of a repeatable flag. */
    List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }

    /** A required flag's value. */
    String require(String command, String name) throws UsageException {
        String v = get(name, null);
        if (v == null) {
            throw new UsageException(command + ": --" + name + " is required (see ./tinyj " + command + " --help)");
        }
        return v;
    }

    /** A non-negative long flag (digits, optional _ or , separators), or {@code fallback}. */
    long getLong(String command, String name, long fallback, long min) throws UsageException {
        String v = get(name, null);
        if (v == null) {
            return fallback;
        }
        try {
            long n = Long.parseLong(digits(v));
            if (n < min) {
                throw new UsageException(command + ": --" + name + " must be at least " + min + ", got " + v);
            }
            return n;
        } catch (NumberFormatException e) {
            String digits = v.replace("_", "").replace(",", "");
            throw new UsageException(command + ": --" + name + (digits.matches("-?\\d+") && digits(v).equals(digits)
                    ? " is too large: " + v : " expects a whole number, got '" + v + "'"));
        }
    }

    /**
     * A number as typed with its separators removed: {@code _} between digits, and {@code ,} only as a
     * thousands separator ({@code 1,000,000}); any other comma (a decimal comma, {@code 0,05}) is left
     * in, so the number is refused rather than read 100 times too large.
     */
    static String digits(String v) {
        String s = v.strip();
        if (s.matches("[+-]?\\d{1,3}(,\\d{3})+(\\.\\d*)?([eE][+-]?\\d+)?")) {
            s = s.replace(",", "");
        }
        return s.replaceAll("(?<=\\d)_+(?=\\d)", "");
    }
}
