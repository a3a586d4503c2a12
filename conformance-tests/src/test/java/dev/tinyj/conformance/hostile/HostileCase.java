package dev.tinyj.conformance.hostile;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One named hostile input: class files for a classpath folder, the {@code --main} class, and
 * decoy files placed outside that folder (beside it, under the try's root), which no run may read.
 *
 * @param family the family (issue 12's twelve: stack, types, control, ...)
 * @param name the case within it, so a failure names {@code family/name}
 * @param maker builds the files; it is given the try's root folder, for absolute-path tricks
 */
record HostileCase(String family, String name, Maker maker) {
    /** Builds a case's files; the classpath folder is {@code root/cp}, decoys are relative to root. */
    interface Maker {
        Layout make(Path root);
    }

    /**
     * What one try writes and runs.
     *
     * @param main the {@code --main} argument
     * @param classes internal name → class file, written under the classpath folder
     * @param outside path relative to the root → bytes, written outside the classpath folder
     */
    record Layout(String main, Map<String, byte[]> classes, Map<String, byte[]> outside) {
        static Layout of(String main, Gen... gens) {
            Map<String, byte[]> classes = new LinkedHashMap<>();
            for (Gen g : gens) {
                classes.put(g.name(), g.bytes());
            }
            return new Layout(main, classes, Map.of());
        }
    }

    String id() {
        return family + "/" + name;
    }

    /** A case whose files do not depend on the root: the first class is {@code --main}. */
    static HostileCase of(String family, String name, Gen... gens) {
        return new HostileCase(family, name, root -> Layout.of(gens[0].name().replace('/', '.'), gens));
    }

    /** A case of one ready-made class file, which is {@code --main}. */
    static HostileCase bytes(String family, String name, String internalName, byte[] bytes) {
        return new HostileCase(family, name, root -> new Layout(internalName.replace('/', '.'),
                Map.of(internalName, bytes), Map.of()));
    }

    @Override
    public String toString() {
        return id();
    }
}
