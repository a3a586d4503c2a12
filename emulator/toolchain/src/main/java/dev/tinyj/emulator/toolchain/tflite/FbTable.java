package dev.tinyj.emulator.toolchain.tflite;

/**
 * One validated flatbuffer table: field lookup through its vtable, scalar fields with their
 * schema defaults, and references to sub-tables, vectors, strings and inline structs. Fields are
 * named by their schema id (the order of declaration, a union taking two ids: its type, then its
 * value) and by their schema name, which only appears in messages. Every accessor checks that the
 * field lies inside the table and the file (see {@link FlatBuffer}).
 */
public final class FbTable {
    private final FlatBuffer fb;
    private final int pos;
    private final int vtable;
    private final int vtableSize;
    private final int tableSize;
    private final int depth;
    private final String path;

    FbTable(FlatBuffer fb, int pos, int vtable, int vtableSize, int tableSize, int depth, String path) {
        this.fb = fb;
        this.pos = pos;
        this.vtable = vtable;
        this.vtableSize = vtableSize;
        this.tableSize = tableSize;
        this.depth = depth;
        this.path = path;
    }

    /** Byte offset of the table in the file. */
    public int position() {
        return pos;
    }

    /** Path of the table for messages, e.g. {@code Model.subgraphs[0].tensors[3]}. */
    public String path() {
        return path;
    }

    /** The flatbuffer this table is in. */
    public FlatBuffer buffer() {
        return fb;
    }

    /** An error at this table's position. */
    public TfliteException error(String detail) {
        return fb.error(pos, detail);
    }

    /** Whether field {@code id} is present. */
    public boolean has(int id) throws TfliteException {
        return slot(id) != 0;
    }

    private int slot(int id) throws TfliteException {
        int entry = 4 + 2 * id;
        if (entry + 2 > vtableSize) {
            return 0;
        }
        return fb.uint16(vtable + entry, "the vtable entry of field " + id + " of " + path);
    }

    /**
     * The file position of field {@code id}, {@code size} bytes wide, or -1 when absent.
     * The field must lie after the table's vtable offset and inside the table.
     */
    public int field(int id, int size, String name) throws TfliteException {
        int off = slot(id);
        if (off == 0) {
            return -1;
        }
        if (off < 4 || off + size > tableSize) {
            throw fb.error(vtable + 4 + 2 * id, "expected field " + path + "." + name + " (" + size
                    + " bytes at table offset " + off + ") inside the table's " + tableSize + " bytes");
        }
        return pos + off;
    }

    /** A {@code bool} field. */
    public boolean bool(int id, String name, boolean def) throws TfliteException {
        int p = field(id, 1, name);
        return p < 0 ? def : fb.uint8(p, path + "." + name) != 0;
    }

    /** A {@code byte} field. */
    public int int8(int id, String name, int def) throws TfliteException {
        int p = field(id, 1, name);
        return p < 0 ? def : fb.int8(p, path + "." + name);
    }

    /** A {@code ubyte} field (also a union's type). */
    public int uint8(int id, String name, int def) throws TfliteException {
        int p = field(id, 1, name);
        return p < 0 ? def : fb.uint8(p, path + "." + name);
    }

    /** An {@code int} field. */
    public int int32(int id, String name, int def) throws TfliteException {
        int p = field(id, 4, name);
        return p < 0 ? def : fb.int32(p, path + "." + name);
    }

    /** A {@code uint} field. */
    public long uint32(int id, String name, long def) throws TfliteException {
        int p = field(id, 4, name);
        return p < 0 ? def : fb.uint32(p, path + "." + name);
    }

    /** A {@code long} (or {@code ulong}, as raw bits) field. */
    public long int64(int id, String name, long def) throws TfliteException {
        int p = field(id, 8, name);
        return p < 0 ? def : fb.int64(p, path + "." + name);
    }

    /** A {@code float} field. */
    public float float32(int id, String name, float def) throws TfliteException {
        int p = field(id, 4, name);
        return p < 0 ? def : fb.float32(p, path + "." + name);
    }

    /** The file position of an inline struct field of {@code size} bytes, or -1 when absent. */
    public int struct(int id, String name, int size) throws TfliteException {
        return field(id, size, name);
    }

    /** A sub-table field, or null when absent. */
    public FbTable table(int id, String name) throws TfliteException {
        int p = field(id, 4, name);
        if (p < 0) {
            return null;
        }
        String sub = path + "." + name;
        return fb.table(fb.reference(p, sub), sub, depth + 1);
    }

    /** A vector field of {@code elemSize}-byte elements ({@code elemName} for messages), or null when absent. */
    public FbVector vector(int id, String name, int elemSize, String elemName) throws TfliteException {
        int p = field(id, 4, name);
        if (p < 0) {
            return null;
        }
        String sub = path + "." + name;
        return fb.vector(fb.reference(p, sub), elemSize, elemName, sub, depth + 1);
    }

    /** A string field, or null when absent. */
    public String string(int id, String name) throws TfliteException {
        int p = field(id, 4, name);
        if (p < 0) {
            return null;
        }
        String sub = path + "." + name;
        return fb.string(fb.reference(p, sub), sub);
    }
}
