package dev.tinyj.emulator.vm.decode;

import dev.tinyj.boards.CostTable;
import dev.tinyj.boards.MemoryModel;

/** What the {@link Predecoder} asks of the {@link Linker} while decoding one method. */
interface LinkContext {
    /** Static slot of a field, assigning one on first use. */
    StaticField staticField(String owner, String name, String descriptor);

    /** Id of a firmware method, or -1 when it is not in the image. */
    int methodId(String owner, String name, String descriptor);

    /** Index of a constant string. */
    int stringIndex(String s);

    /** Index of a newarray site, described for fault messages. */
    int allocationSite(String description);

    /** The @Progmem initialiser starting at {@code bytecode} in {@code owner.<clinit>}, or null. */
    dev.tinyj.emulator.vm.verify.ProgmemTable progmemAt(String owner, String method, int bytecode);

    /** Whether calls to this firmware method are inlined by the execution model (InlinePolicy). */
    boolean inlined(String owner, String name, String descriptor);

    CostTable costs();

    MemoryModel memory();
}
