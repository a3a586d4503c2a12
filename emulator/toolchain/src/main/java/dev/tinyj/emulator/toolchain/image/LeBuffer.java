package dev.tinyj.emulator.toolchain.image;

/** A fixed-size little-endian byte buffer for writing and reading image fields. */
final class LeBuffer {
    private final byte[] bytes;

    LeBuffer(int size) {
        this.bytes = new byte[size];
    }

    LeBuffer(byte[] bytes) {
        this.bytes = bytes;
    }

    void putInt(int off, int v) {
        bytes[off] = (byte) v;
        bytes[off + 1] = (byte) (v >> 8);
        bytes[off + 2] = (byte) (v >> 16);
        bytes[off + 3] = (byte) (v >> 24);
    }

    int getInt(int off) {
        return (bytes[off] & 0xFF) | (bytes[off + 1] & 0xFF) << 8 | (bytes[off + 2] & 0xFF) << 16
                | bytes[off + 3] << 24;
    }

    void put(int off, byte[] src) {
        System.arraycopy(src, 0, bytes, off, src.length);
    }

    byte[] bytes() {
        return bytes;
    }
}
