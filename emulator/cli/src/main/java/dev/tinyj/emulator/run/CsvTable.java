package dev.tinyj.emulator.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A CSV file with a header row (RFC 4180: fields may be double-quoted, a quote inside doubled;
 * no line breaks inside fields), as rows of header → field.
 */
public final class CsvTable {
    private CsvTable() {
    }

    /**
     * The rows of {@code file} in file order, each a map from the header's names to its fields
     * (in header order); blank lines are skipped.
     *
     * @throws IOException when the file cannot be read, is empty, or a row's field count differs
     *     from the header's (the message names the file and the line)
     */
    public static List<Map<String, String>> read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty() || lines.get(0).isBlank()) {
            throw new IOException(file + ": empty, expected a header row");
        }
        List<String> header = fields(lines.get(0));
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            List<String> f = fields(line);
            if (f.size() != header.size()) {
                throw new IOException(file + ": " + f.size() + " fields, header has " + header.size() + ": " + line);
            }
            Map<String, String> row = new LinkedHashMap<>();
            for (int k = 0; k < f.size(); k++) {
                row.put(header.get(k), f.get(k));
            }
            rows.add(row);
        }
        return rows;
    }

    private static List<String> fields(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    sb.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    sb.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(sb.toString());
                sb.setLength(0);
            } else {
                sb.append(c);
            }
        }
        out.add(sb.toString());
        return out;
    }
}
