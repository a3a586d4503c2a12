package probe;

import dev.tinyj.hal.Progmem;
import dev.tinyj.hal.Serial;

public final class Valid {
    @Progmem
    static final byte[] TABLE = {1, -2, 3, 0, 127};
    @Progmem
    static final float[] GAINS = {0.5f, -1f};
    static final int[] BUF = new int[8];
    static int count;

    public static void setup() {
        Serial.begin(9600);
        Serial.println("valid");
    }

    public static void loop() {
        int x = scale(count++, 3);
        switch (x & 3) {
            case 0 -> x += 1;
            case 1 -> x -= 2;
            case 2 -> x <<= 1;
            default -> x = 0;
        }
        switch (x) {
            case 7 -> x = 1;
            case 700 -> x = 2;
            case 70000 -> x = 3;
            default -> x++;
        }
        System.arraycopy(BUF, 0, BUF, 1, 7);
        BUF[0] = Math.min(x, TABLE[x % 5 < 0 ? 0 : x % 5]);
        float g = GAINS[count & 1] * x;
        long l = (long) x * 3L;
        Serial.print(g);
        Serial.print(l);
    }

    static int scale(int v, int k) {
        return v * k >> 1;
    }
}
