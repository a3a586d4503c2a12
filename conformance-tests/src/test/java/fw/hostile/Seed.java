package fw.hostile;

import dev.tinyj.hal.Serial;

/**
 * Seed firmware for the hostile-class fuzzer (dev.tinyj.conformance.hostile): small, inside the
 * subset, and touching static fields of every kind, a constant table, a byte array, a call, a
 * loop, a switch and long and float arithmetic, so that mutants of its class file hit many rules.
 */
public final class Seed {
    static int counter;
    static long total;
    static float gain = 1.5f;
    static final int[] TABLE = {3, 1, 4, 1, 5};
    static byte[] buffer;

    private Seed() {
    }

    public static void setup() {
        buffer = new byte[8];
        Serial.println("seed");
    }

    public static void loop() {
        counter++;
        int s = mix(counter, TABLE[counter % TABLE.length]);
        total += s;
        buffer[counter & 7] = (byte) s;
        switch (s & 3) {
            case 0 -> gain *= 2f;
            case 1 -> total--;
            default -> counter += 2;
        }
        Serial.println((int) (total + (long) gain));
    }

    static int mix(int a, int b) {
        int r = 0;
        for (int i = 0; i < b; i++) {
            r += a * i ^ b;
        }
        return r;
    }
}
