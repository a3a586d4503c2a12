package fw.faults;

/**
 * Faults on arduino-uno: setup() takes most of the 2 KB SRAM for a buffer, then loop() calls
 * down a chain of methods with large frames until the stack meets the heap.
 */
public class DeepCallChain {
    static byte[] buffer;

    public static void setup() {
        buffer = new byte[1_720];
    }

    static long level4(long a) {
        long b = a * 3;
        long c = b ^ a;
        long d = c + b;
        long e = d - c;
        return a + b + c + d + e;
    }

    static long level3(long a) {
        long b = a * 5;
        long c = b ^ a;
        long d = c + b;
        return level4(b + c + d);
    }

    static long level2(long a) {
        long b = a * 7;
        long c = b ^ a;
        long d = c + b;
        return level3(b + c + d);
    }

    static long level1(long a) {
        long b = a * 11;
        long c = b ^ a;
        long d = c + b;
        return level2(b + c + d);
    }

    public static void loop() {
        buffer[0] = (byte) level1(buffer.length);
    }
}
