package dev.tinyj.boards;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where profile files come from: names are relative to a root, e.g. {@code boards/arduino-uno.board},
 * {@code mcus/atmega328p.mcu}, {@code cores/avr8.costs}. The shipped profiles are read from the
 * classpath (this module's jar); tests read small profiles from a directory. Never the network.
 */
interface ProfileSource {
    /** Resource root of the shipped profiles on the classpath. */
    String CLASSPATH_ROOT = "dev/tinyj/boards/";

    /**
     * Name of the file, under {@code boards/}, that lists the shipped board ids one per line: a jar's
     * directory cannot be listed reliably, so the classpath source reads this list. It is generated
     * from the {@code boards/*.board} files (see {@code boards/README.md}, "Adding a board").
     */
    String INDEX = "boards/boards.index";

    /** File-name suffix of a board file: board {@code id} lives in {@code boards/<id>.board}. */
    String BOARD_SUFFIX = ".board";

    /** Text of file {@code name} (UTF-8), or {@code null} when there is no such file. */
    String read(String name) throws BoardException;

    /** Ids of the boards this source holds (unsorted). */
    List<String> boardIds() throws BoardException;

    /** The profiles shipped in this module, read from the classpath. */
    static ProfileSource classpath() {
        return new ProfileSource() {
            @Override
            public String read(String name) throws BoardException {
                ClassLoader loader = ProfileSource.class.getClassLoader();
                try (InputStream in = loader.getResourceAsStream(CLASSPATH_ROOT + name)) {
                    return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new BoardException(name + ": cannot read: " + e.getMessage());
                }
            }

            @Override
            public List<String> boardIds() throws BoardException {
                String index = read(INDEX);
                if (index == null) {
                    throw new BoardException(INDEX + ": missing from the classpath");
                }
                List<String> ids = new ArrayList<>();
                for (String line : index.split("\n")) {
                    String id = line.replaceFirst("#.*", "").strip();
                    if (!id.isEmpty()) {
                        ids.add(id);
                    }
                }
                return ids;
            }

            @Override
            public String toString() {
                return "classpath:" + CLASSPATH_ROOT;
            }
        };
    }

    /** Profiles under directory {@code root} (same layout); board ids are the {@code boards/*.board} files. */
    static ProfileSource directory(Path root) {
        return new ProfileSource() {
            @Override
            public String read(String name) throws BoardException {
                Path file = root.resolve(name).normalize();
                if (!file.startsWith(root.normalize()) || !Files.isRegularFile(file)) {
                    return null;
                }
                try {
                    return Files.readString(file, StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new BoardException(name + ": cannot read: " + e.getMessage());
                }
            }

            @Override
            public List<String> boardIds() throws BoardException {
                Path dir = root.resolve("boards");
                if (!Files.isDirectory(dir)) {
                    return List.of();
                }
                try (Stream<Path> files = Files.list(dir)) {
                    return files.map(p -> p.getFileName().toString())
                            .filter(n -> n.endsWith(BOARD_SUFFIX))
                            .map(n -> n.substring(0, n.length() - BOARD_SUFFIX.length()))
                            .toList();
                } catch (IOException | UncheckedIOException e) {
                    throw new BoardException(dir + ": cannot list: " + e.getMessage());
                }
            }

            @Override
            public String toString() {
                return root.toString();
            }
        };
    }

    /**
     * Profiles under {@code root} first, then the shipped ones: a board file of one's own can
     * {@code include mcus/atmega328p.mcu} from this module. Board ids are those under {@code root}.
     */
    static ProfileSource overlay(Path root) {
        ProfileSource own = directory(root);
        ProfileSource shipped = classpath();
        return new ProfileSource() {
            @Override
            public String read(String name) throws BoardException {
                String text = own.read(name);
                return text != null ? text : shipped.read(name);
            }

            @Override
            public List<String> boardIds() throws BoardException {
                return own.boardIds();
            }

            @Override
            public String toString() {
                return own + " (then " + shipped + ")";
            }
        };
    }
}
