package fw.diff;

import dev.tinyj.hal.Serial;

/**
 * Differential firmware: locals of every kind in slots 0..3 (the {@code xload_n}/{@code xstore_n}
 * forms) and above (the plain forms), array arguments, and results a caller discards
 * ({@code pop}, {@code pop2}). Pure functions: the arrays and the counter are reset first.
 */
public final class LocalOps {
    static int[] left;
    static int[] right;
    static int calls;

    private LocalOps() {
    }

    /** Array references in locals 0 and 1, as parameters (aload_0/1) and as locals (astore_0/1). */
    public static int arrays(int i, int v) {
        for (int k = 0; k < 4; k++) {
            left[k] = k;
            right[k] = -k;
        }
        return mix(left, right, i, v) * 7 + swapped();
    }

    static int mix(int[] a, int[] b, int i, int v) {
        a[i & 3] = v;
        b[(i + 1) & 3] = v * 3;
        int s = 0;
        for (int k = 0; k < a.length; k++) {
            s = s * 5 + a[k] - b[k];
        }
        return s;
    }

    static int swapped() {
        int[] x = right;
        int[] y = left;
        return x[0] * 3 + y[1] + x[2] - y[3];
    }

    /** Float locals: fstore_1 into a parameter, fstore_2/3 and the plain fstore/fload above slot 3. */
    public static float floatLocals(float a, float b) {
        b = b * 0.5f;
        float c = a - b;
        float d = c * c;
        float e = d + a;
        float f = e / 3;
        return f - e + d;
    }

    /** Results thrown away: an int (pop) and a long (pop2). */
    public static int discards(int a, int b) {
        calls = 0;
        tick(a);
        tickLong(b);
        tick(b);
        return calls;
    }

    static int tick(int x) {
        calls += x & 15;
        return x;
    }

    static long tickLong(int x) {
        calls += 100;
        return x * 3L;
    }

    public static void setup() {
        left = new int[4];
        right = new int[4];
        Serial.begin(9600);
    }

    public static void loop() {
        Serial.println(arrays(3, 7) + discards(5, 9));
        Serial.println(floatLocals(1.5f, 2.25f));
    }
}
