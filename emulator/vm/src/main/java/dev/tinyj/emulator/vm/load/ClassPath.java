package dev.tinyj.emulator.vm.load;

import java.io.IOException;
import java.io.UncheckedIOException;
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
     * has it.
     *
     * @throws UncheckedIOException when an entry exists but cannot be read
     */
    public Optional<byte[]> read(String internalName) {
        byte[] gen = generated.get(internalName);
        if (gen != null) {
            return Optional.of(gen.clone());
        }
        String file = internalName + ".class";
        try {
            for (Path folder : folders) {
                Path p = folder.resolve(file);
                if (Files.isRegularFile(p)) {
                    return Optional.of(Files.readAllBytes(p));
                }
            }
            for (ZipFile jar : jars) {
                ZipEntry e = jar.getEntry(file);
                if (e != null) {
                    try (var in = jar.getInputStream(e)) {
                        return Optional.of(in.readAllBytes());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + " from " + description, e);
        }
        return Optional.empty();
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
