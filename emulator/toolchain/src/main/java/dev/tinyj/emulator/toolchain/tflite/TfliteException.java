package dev.tinyj.emulator.toolchain.tflite;

/**
 * A {@code .tflite} file that cannot be read: malformed flatbuffer, wrong schema version, an
 * index out of range. A user error (exit code 2). The message names the file and the byte offset
 * where the problem was found: {@code model.tflite: byte offset 1234: vector of 4000000 int32 at
 * 1238 runs past the end of the file (size 5120)}.
 */
public final class TfliteException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final long offset;
    private final String detail;

    /**
     * @param file file name as the user gave it
     * @param offset byte offset in the file where the problem was found
     * @param detail what was expected and what was found
     */
    public TfliteException(String file, long offset, String detail) {
        super(file + ": byte offset " + offset + ": " + detail);
        this.file = file;
        this.offset = offset;
        this.detail = detail;
    }

    /** The file name. */
    public String file() {
        return file;
    }

    /** The byte offset of the problem. */
    public long offset() {
        return offset;
    }

    /** The message without the file and offset prefix. */
    public String detail() {
        return detail;
    }
}
