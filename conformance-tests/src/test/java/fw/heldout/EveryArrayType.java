package fw.heldout;

import dev.tinyj.hal.Serial;

/** Held-out firmware: one array of every primitive type, updated and printed every loop, with arraycopy. */
public class EveryArrayType {
    static final int N = 6;
    static boolean[] flags;
    static byte[] bytes;
    static char[] chars;
    static short[] shorts;
    static int[] ints;
    static long[] longs;
    static float[] floats;
    static int tick;

    public static void setup() {
        flags = new boolean[N];
        bytes = new byte[N];
        chars = new char[N];
        shorts = new short[N];
        ints = new int[N];
        longs = new long[N];
        floats = new float[N];
        tick = 0;
        for (int i = 0; i < N; i++) {
            chars[i] = (char) ('a' + i);
            floats[i] = 1.0f / (i + 1);
        }
        Serial.println("every array type");
    }

    public static void loop() {
        tick++;
        for (int i = 0; i < N; i++) {
            flags[i] ^= (tick + i) % 3 == 0;
            bytes[i] += (byte) (tick * 37 + i);
            chars[i] += (char) tick;
            shorts[i] -= (short) (tick * 4_099);
            ints[i] = ints[i] * 31 + bytes[i] * shorts[i];
            longs[i] += (long) ints[i] << (tick + i);
            floats[i] = floats[i] * -1.5f + tick;
        }
        System.arraycopy(longs, 0, longs, 1, N - 1);
        System.arraycopy(chars, 1, chars, 0, 2);
        for (int i = 0; i < N; i++) {
            Serial.print(flags[i] ? 'T' : 'F');
            Serial.print(' ');
            Serial.print(bytes[i]);
            Serial.print(' ');
            Serial.print(chars[i]);
            Serial.print(' ');
            Serial.print(shorts[i]);
            Serial.print(' ');
            Serial.print(ints[i]);
            Serial.print(' ');
            Serial.print(longs[i]);
            Serial.print(' ');
            Serial.println(floats[i]);
        }
    }
}
