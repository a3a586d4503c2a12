package dev.tinyj.hal;

import java.io.ByteArrayOutputStream;

/**
 * Host-fed input and host-taken output, as ARM semihosting does: the host supplies the input
 * tensor and collects the output, outside the measured window.
 *
 * <p>Host implementation: {@link #bindInput(byte[])} supplies input bytes; {@link #output()}
 * returns everything written since the last {@link #reset()}.
 */
public final class Semihost {
    private static byte[] input = new byte[0];
    private static int inputPos;
    private static ByteArrayOutputStream output = new ByteArrayOutputStream();

    private Semihost() {
    }

    /**
     * Reads up to {@code len} input bytes into {@code buf} at {@code off}.
     *
     * @return the number of bytes read, 0 at the end of the input
     */
    public static int read(byte[] buf, int off, int len) {
        int n = Math.min(len, input.length - inputPos);
        System.arraycopy(input, inputPos, buf, off, n);
        inputPos += n;
        return n;
    }

    /** Writes {@code len} bytes of {@code buf} from {@code off} to the host. */
    public static void write(byte[] buf, int off, int len) {
        output.write(buf, off, len);
    }

    /** Host only: the input the firmware will read, from its start. */
    public static void bindInput(byte[] bytes) {
        input = bytes.clone();
        inputPos = 0;
    }

    /** Host only: the bytes written so far. */
    public static byte[] output() {
        return output.toByteArray();
    }

    /** Host only: forgets input and output. */
    public static void reset() {
        input = new byte[0];
        inputPos = 0;
        output = new ByteArrayOutputStream();
    }
}
