package dev.tinyj.emulator.vm.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Where firmware class files come from: class folders and jars, searched in order, as
 * {@code java -cp} does.
 */
public final class ClassPath implements AutoCloseable {
    /**
     * Largest class file read, bytes (8 MiB): far above any firmware class (a class file holds at
     * most 65,535 constants and methods of at most 65,535 code bytes each, JVMS §4.1, §4.7.3) and
     * small enough that a huge file is refused before its bytes are held in host memory.
     */
    public static final int MAX_CLASS_FILE_BYTES = 8 << 20;

    private final java.util.Map<String, byte[]> generated = new java.util.HashMap<>();
    private final List<Path> folders = new ArrayList<>();
    private final List<ZipFile> jars = new ArrayList<>();
    private final String description;

    private ClassPath(String description) {
        this.description = description;
    }

    /**
     * Opens a classpath given as {@code entry[:entry...]} (the platform path separator).
     *
     * @throws ImageException when an entry does not exist or a jar cannot be opened
     */
    public static ClassPath parse(String spec) throws ImageException {
        List<Path> entries = new ArrayList<>();
        for (String s : spec.split(java.io.File.pathSeparator)) {
            if (!s.isBlank()) {
                entries.add(Path.of(s));
            }
        }
        return of(entries);
    }

    /**
     * Opens the given folders and jars.
     *
     * @throws ImageException when an entry does not exist or a jar cannot be opened
     */
    public static ClassPath of(List<Path> entries) throws ImageException {
        if (entries.isEmpty()) {
            throw new ImageException("empty classpath: give a classes folder or a jar");
        }
        ClassPath cp = new ClassPath(entries.toString());
        for (Path p : entries) {
            if (Files.isDirectory(p)) {
                cp.folders.add(p);
            } else if (Files.isRegularFile(p)) {
                try {
                    cp.jars.add(new ZipFile(p.toFile()));
                } catch (IOException e) {
                    cp.close();
                    throw new ImageException("classpath entry " + p + " is not a readable jar: " + e.getMessage());
                }
            } else {
                cp.close();
                throw new ImageException("classpath entry " + p + " does not exist");
            }
        }
        return cp;
    }

    /**
     * Adds generated classes (internal name → class file bytes) searched before every entry, as a
     * class folder first on the classpath would be (e.g. a per-model {@code OpResolver}).
     *
     * @return this classpath
     */
    public ClassPath withGenerated(java.util.Map<String, byte[]> classes) {
        generated.putAll(classes);
        return this;
    }

    /**
     * The bytes of class {@code internalName} (e.g. {@code probe/Multi}), or empty when no entry
     * has it. The name must be a class name in internal form ({@link Names#isClassName}: no
     * {@code ..}, leading {@code /}, backslash, NUL or drive colon), and a class folder's file must
     * resolve, symbolic links followed, to a regular file inside that folder: a class name never
     * reads a file outside the classpath.
     *
     * @throws ImageException when the name is not a safe class name, or its file in a class
     *     folder resolves outside that folder
     *     (or is a link that leaves it), or an entry exists but cannot be read
     */
    public Optional<byte[]> read(String internalName) throws ImageException {
        if (!Names.isClassName(internalName)) {
            throw new ImageException("class name " + printable(internalName)
                    + " is not a well-formed class name (JVMS §4.2.1): it cannot name a file inside the classpath");
        }
        byte[] gen = generated.get(internalName);
        if (gen != null) {
            return Optional.of(gen.clone());
        }
        String file = internalName + ".class";
        try {
            for (Path folder : folders) {
                Optional<Path> p = inside(folder, file);
                if (p.isPresent()) {
                    if (Files.size(p.get()) > MAX_CLASS_FILE_BYTES) {
                        throw tooLarge(file);
                    }
                    try (var in = Files.newInputStream(p.get())) {
                        return Optional.of(readBounded(in, file));
                    }
                }
            }
            for (ZipFile jar : jars) {
                ZipEntry e = jar.getEntry(file);
                if (e != null && !e.isDirectory()) {
                    if (e.getSize() > MAX_CLASS_FILE_BYTES) {
                        throw tooLarge(file);
                    }
                    try (var in = jar.getInputStream(e)) {
                        return Optional.of(readBounded(in, file));
                    }
                }
            }
        } catch (IOException e) {
            // an unreadable file or a corrupt jar entry is bad input, not a TinyJ bug
            throw new ImageException("cannot read " + file + " from " + description + ": " + e.getMessage()
                    + " (a corrupt jar or an unreadable file)");
        }
        return Optional.empty();
    }

    /**
     * {@code folder/file} when it is a regular file whose real path (links followed) lies inside
     * the folder's real path; empty when it does not exist.
     */
    private static Optional<Path> inside(Path folder, String file) throws ImageException, IOException {
        Path root = folder.toAbsolutePath().normalize();
        Path p = root.resolve(file).normalize();
        if (!p.startsWith(root)) {
            return Optional.empty();
        }
        Path realRoot = root.toRealPath();
        // links are judged by where they point, before anything is looked up through them, so the
        // answer (and the message, which never shows the target) does not depend on what exists outside
        Path at = root;
        for (Path part : root.relativize(p)) {
            at = at.resolve(part);
            if (Files.isSymbolicLink(at)) {
                Path target = at.getParent().resolve(Files.readSymbolicLink(at)).normalize();
                if (!target.startsWith(root) && !target.startsWith(realRoot)) {
                    throw leaves(folder, file);
                }
            }
        }
        if (!Files.isRegularFile(p)) {
            return Optional.empty();
        }
        Path real = p.toRealPath();
        if (!real.startsWith(realRoot)) {
            throw leaves(folder, file);
        }
        return Optional.of(real);
    }

    private static ImageException leaves(Path folder, String file) {
        return new ImageException("class file " + file + " in classpath entry " + folder
                + " is reached through a link that leaves the classpath: refused");
    }

    private static byte[] readBounded(java.io.InputStream in, String file) throws IOException, ImageException {
        byte[] bytes = in.readNBytes(MAX_CLASS_FILE_BYTES + 1);
        if (bytes.length > MAX_CLASS_FILE_BYTES) {
            throw tooLarge(file);
        }
        return bytes;
    }

    private static ImageException tooLarge(String file) {
        return new ImageException("class file " + file + " is larger than the limit of " + MAX_CLASS_FILE_BYTES
                + " bytes (8 MiB): refused before reading it");
    }

    /** {@code s} quoted, with control characters escaped, for a message. */
    static String printable(String s) {
        StringBuilder b = new StringBuilder("\"");
        s.codePoints().limit(200).forEach(c -> {
            if (c < 0x20 || c == 0x7F) {
                b.append(String.format("\\u%04x", c));
            } else {
                b.appendCodePoint(c);
            }
        });
        return b.append(s.length() > 200 ? "...\"" : "\"").toString();
    }

    @Override
    public String toString() {
        return description;
    }

    @Override
    public void close() {
        for (ZipFile z : jars) {
            try {
                z.close();
            } catch (IOException ignored) {
                // closing a read-only jar cannot lose data
            }
        }
    }
}
