package fw;

import dev.tinyj.hal.Serial;

public class Smoke {
    static int counter;
    static long acc;
    static byte[] buf;

    static int mac(byte[] a, byte[] b, int n) {
        int s = 0;
        for (int i = 0; i < n; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    static long fact(int n) {
        long r = 1;
        for (int i = 2; i <= n; i++) {
            r *= i;
        }
        return r;
    }

    static int sw(int k) {
        switch (k) {
            case 1: return 10;
            case 2: return 20;
            case 3: return 30;
            case 100: return 1000;
            default: return -1;
        }
    }

    static float fl(float x) {
        return x * 1.5f + (float) Math.abs(-2);
    }

    public static void setup() {
        buf = new byte[16];
        for (int i = 0; i < buf.length; i++) {
            buf[i] = (byte) (i * 17);
        }
        Serial.println("hello");
    }

    public static void loop() {
        counter++;
        acc += fact(20);
        Serial.print(mac(buf, buf, 16));
        Serial.print(' ');
        Serial.print(sw(counter));
        Serial.print(' ');
        Serial.print(sw(100));
        Serial.print(' ');
        Serial.println(acc);
        Serial.println(fl(3.25f));
        Serial.println(Integer.MIN_VALUE / -1);
        Serial.println(-7 >> 1);
        Serial.println(-7 >>> 28);
        Serial.println(1L << 65);
        Serial.println((int) 3.99e9f);
        Serial.println((byte) 200);
        Serial.println((char) -1);
    }
}
