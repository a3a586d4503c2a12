package fw.heldout;

import dev.tinyj.hal.Mcu;
import dev.tinyj.hal.Serial;

/** Held-out firmware: int and long arithmetic at the edges, printed line by line; halts after 3 loops. */
public class IntegerEdges {
    static int round;
    static long acc;

    public static void setup() {
        Serial.begin(115_200);
        round = 0;
        acc = 1;
        Serial.println("integer edges");
        Serial.println(Integer.MIN_VALUE / -1);
        Serial.println(Integer.MIN_VALUE % -1);
        Serial.println(Long.MIN_VALUE / -1L);
        Serial.println(-7 / 2);
        Serial.println(-7 % 2);
        Serial.println(7 % -2);
        Serial.println(-7L / 2L);
        Serial.println(Integer.MAX_VALUE + 1);
        Serial.println(Long.MAX_VALUE + 1L);
        Serial.println(Math.abs(Integer.MIN_VALUE));
        Serial.println(Math.abs(Long.MIN_VALUE));
    }

    static long mix(long x, int k) {
        x ^= x << 13;
        x ^= x >>> 7;
        x ^= x << 17;
        return x + k;
    }

    static int describe(int k) {
        switch (k) {
            case 0:
                return 'z';
            case 1:
                return 'o';
            case 2:
                return 't';
            default:
                return k < 0 ? '-' : '+';
        }
    }

    public static void loop() {
        round++;
        int shift = round * 13;
        Serial.print("round ");
        Serial.println(round);
        Serial.println(1 << shift);
        Serial.println(-1 >>> shift);
        Serial.println(1L << shift);
        Serial.println(Long.MIN_VALUE >> shift);
        acc = mix(acc, round);
        Serial.println(acc);
        Serial.println((int) acc);
        Serial.println((short) acc);
        Serial.println((byte) acc);
        Serial.println((char) (acc & 0x7F | 0x40));
        Serial.println(acc * acc);
        Serial.println(acc / (round - 2 == 0 ? 3 : round - 2));
        Serial.println(acc < -acc ? -1 : acc == -acc ? 0 : 1);
        Serial.println(Integer.numberOfLeadingZeros((int) acc));
        Serial.print((char) describe(round - 2));
        Serial.print((char) describe(round));
        Serial.println();
        if (round == 3) {
            Serial.println("done");
            Mcu.halt();
        }
    }
}
