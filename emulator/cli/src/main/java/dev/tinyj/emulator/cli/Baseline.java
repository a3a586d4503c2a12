package dev.tinyj.emulator.cli;

import dev.tinyj.emulator.run.InputException;
import dev.tinyj.emulator.run.JsonReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * A saved {@code tinyj run --format json} report, the reference of {@code tinyj check --baseline}:
 * the model and board it was made for and the four gated figures.
 *
 * @param path {@code --baseline} as given
 * @param model {@code model.name}
 * @param board {@code board.id}
 * @param cycles {@code cycles}
 * @param energyUj {@code energy_uj}, or null when the board's energy is not known
 * @param sram {@code sram.total}, bytes
 * @param flash {@code flash.total}, bytes
 */
record Baseline(String path, String model, String board, long cycles, Double energyUj, long sram, long flash) {

    /** Reads and validates a baseline report; every problem is a usage error (exit 2) naming the file. */
    static Baseline read(String path) throws UsageException {
        byte[] bytes = FirmwareRunner.readFile(Path.of(path), "--baseline");
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new UsageException("--baseline " + path + ": not a JSON report (not UTF-8 text)");
        }
        Object root;
        try {
            root = JsonReader.parse(text);
        } catch (InputException e) {
            throw new UsageException("--baseline " + path + ": " + e.getMessage()
                    + " (save a report with: tinyj run --format json --out FILE.json)");
        }
        if (!(root instanceof Map<?, ?> m)) {
            throw bad(path, "the top level is not a JSON object");
        }
        Object schema = m.get("schema");
        if (!(schema instanceof Long s) || s != RunJson.SCHEMA) {
            throw bad(path, "key \"schema\" is " + show(schema) + ", expected " + RunJson.SCHEMA
                    + " (a report of tinyj run --format json)");
        }
        return new Baseline(path, text(path, m, "model", "name"), text(path, m, "board", "id"),
                whole(path, m, "cycles", null), energy(path, m), whole(path, m, "sram", "total"),
                whole(path, m, "flash", "total"));
    }

    /** A usage error when this baseline was made for another model or board. */
    void requireSame(String modelName, String boardId) throws UsageException {
        if (!model.equals(modelName) || !board.equals(boardId)) {
            throw new UsageException("--baseline " + path + " is a report of model '" + model + "' on board '"
                    + board + "', but this check runs model '" + modelName + "' on board '" + boardId
                    + "': save a baseline for this model and board (tinyj run --format json --out PATH)");
        }
    }

    private static UsageException bad(String path, String what) {
        return new UsageException("--baseline " + path + ": " + what);
    }

    private static Object at(String path, Map<?, ?> root, String key, String sub) throws UsageException {
        if (!root.containsKey(key)) {
            throw bad(path, "key \"" + key + "\" is missing (not a tinyj run JSON report?)");
        }
        Object v = root.get(key);
        if (sub == null) {
            return v;
        }
        if (!(v instanceof Map<?, ?> inner) || !inner.containsKey(sub)) {
            throw bad(path, "key \"" + key + "." + sub + "\" is missing (not a tinyj run JSON report?)");
        }
        return inner.get(sub);
    }

    private static String text(String path, Map<?, ?> root, String key, String sub) throws UsageException {
        Object v = at(path, root, key, sub);
        if (!(v instanceof String s)) {
            throw bad(path, "key \"" + key + "." + sub + "\" is " + show(v) + ", expected a string");
        }
        return s;
    }

    private static long whole(String path, Map<?, ?> root, String key, String sub) throws UsageException {
        Object v = at(path, root, key, sub);
        if (!(v instanceof Long n) || n < 0) {
            throw bad(path, "key \"" + (sub == null ? key : key + "." + sub) + "\" is " + show(v)
                    + ", expected a whole number at least 0");
        }
        return n;
    }

    private static Double energy(String path, Map<?, ?> root) throws UsageException {
        Object v = at(path, root, "energy_uj", null);
        if (v == null) {
            return null;
        }
        if (!(v instanceof Number n) || n.doubleValue() < 0 || !Double.isFinite(n.doubleValue())) {
            throw bad(path, "key \"energy_uj\" is " + show(v) + ", expected a number at least 0 or null");
        }
        return n.doubleValue();
    }

    private static String show(Object v) {
        return switch (v) {
            case null -> "null";
            case String s -> "the string \"" + s + "\"";
            case Map<?, ?> x -> "an object";
            case java.util.List<?> x -> "an array";
            default -> String.valueOf(v);
        };
    }
}
