package dev.tinyj.emulator.toolchain.graph;

/**
 * Tensor element types, as the TFLite schema's {@code TensorType} names them, with their schema
 * codes ({@code schema.fbs}: FLOAT32 0, INT32 2, UINT8 3, INT64 4, INT16 7, INT8 9, ...).
 */
public enum DType {
    FLOAT32(0, 4),
    FLOAT16(1, 2),
    INT32(2, 4),
    UINT8(3, 1),
    INT64(4, 8),
    STRING(5, 0),
    BOOL(6, 1),
    INT16(7, 2),
    COMPLEX64(8, 8),
    INT8(9, 1),
    FLOAT64(10, 8),
    COMPLEX128(11, 16),
    UINT64(12, 8),
    RESOURCE(13, 0),
    VARIANT(14, 0),
    UINT32(15, 4),
    UINT16(16, 2),
    INT4(17, 0);

    private final int schemaCode;
    private final int bytes;

    DType(int schemaCode, int bytes) {
        this.schemaCode = schemaCode;
        this.bytes = bytes;
    }

    /** The schema's {@code TensorType} value. */
    public int schemaCode() {
        return schemaCode;
    }

    /** Bytes per element (0 where not fixed). */
    public int bytes() {
        return bytes;
    }

    /** The type of schema code {@code code}, or null when unknown. */
    public static DType ofSchemaCode(int code) {
        for (DType t : values()) {
            if (t.schemaCode == code) {
                return t;
            }
        }
        return null;
    }

    /** Lower-case name as kernel vectors and messages spell it, e.g. {@code int8}. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
