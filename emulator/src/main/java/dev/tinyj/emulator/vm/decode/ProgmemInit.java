package dev.tinyj.emulator.vm.decode;

/**
 * A {@code @Progmem} table found by the verifier: its constant values and the bytecode range of
 * its initialiser in {@code <clinit>} (skipped at run time: the table is placed in flash at load).
 *
 * @param owner internal name of the class declaring the field
 * @param field field name
 * @param atype element type as a JVMS {@code newarray} atype code
 * @param values element values (float as raw int bits)
 * @param startBytecode offset of the first initialiser instruction (the length push)
 * @param endBytecode offset just past the {@code putstatic}
 */
public record ProgmemInit(String owner, String field, int atype, long[] values, int startBytecode, int endBytecode) {
}
