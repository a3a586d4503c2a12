package fw.heldout;

import dev.tinyj.hal.Serial;

/** Held-out firmware: insertion sort and heapsort on int[] and short[], fresh pseudo-random data each loop. */
public class Sorting {
    static final int N = 24;
    static int[] ints;
    static short[] shorts;
    static int seed;

    public static void setup() {
        ints = new int[N];
        shorts = new short[N];
        seed = 2024;
        Serial.println("sorting");
    }

    static int next() {
        seed = seed * 1_103_515_245 + 12_345;
        return seed;
    }

    static void insertion(int[] a) {
        for (int i = 1; i < a.length; i++) {
            int v = a[i];
            int j = i - 1;
            while (j >= 0 && a[j] > v) {
                a[j + 1] = a[j];
                j--;
            }
            a[j + 1] = v;
        }
    }

    static void insertion(short[] a) {
        for (int i = 1; i < a.length; i++) {
            short v = a[i];
            int j = i - 1;
            while (j >= 0 && a[j] > v) {
                a[j + 1] = a[j];
                j--;
            }
            a[j + 1] = v;
        }
    }

    static void siftDown(int[] a, int start, int end) {
        int root = start;
        while (2 * root + 1 < end) {
            int child = 2 * root + 1;
            if (child + 1 < end && a[child] < a[child + 1]) {
                child++;
            }
            if (a[root] >= a[child]) {
                return;
            }
            int t = a[root];
            a[root] = a[child];
            a[child] = t;
            root = child;
        }
    }

    static void heapsort(int[] a) {
        for (int s = a.length / 2 - 1; s >= 0; s--) {
            siftDown(a, s, a.length);
        }
        for (int end = a.length - 1; end > 0; end--) {
            int t = a[0];
            a[0] = a[end];
            a[end] = t;
            siftDown(a, 0, end);
        }
    }

    static void siftDown(short[] a, int start, int end) {
        int root = start;
        while (2 * root + 1 < end) {
            int child = 2 * root + 1;
            if (child + 1 < end && a[child] < a[child + 1]) {
                child++;
            }
            if (a[root] >= a[child]) {
                return;
            }
            short t = a[root];
            a[root] = a[child];
            a[child] = t;
            root = child;
        }
    }

    static void heapsort(short[] a) {
        for (int s = a.length / 2 - 1; s >= 0; s--) {
            siftDown(a, s, a.length);
        }
        for (int end = a.length - 1; end > 0; end--) {
            short t = a[0];
            a[0] = a[end];
            a[end] = t;
            siftDown(a, 0, end);
        }
    }

    static void fill() {
        for (int i = 0; i < N; i++) {
            ints[i] = next() >> (i & 7);
            shorts[i] = (short) next();
        }
        ints[0] = Integer.MIN_VALUE;
        ints[1] = Integer.MAX_VALUE;
        shorts[2] = Short.MIN_VALUE;
    }

    static void print(int[] a) {
        for (int v : a) {
            Serial.print(v);
            Serial.print(' ');
        }
        Serial.println();
    }

    static void print(short[] a) {
        for (short v : a) {
            Serial.print(v);
            Serial.print(' ');
        }
        Serial.println();
    }

    public static void loop() {
        fill();
        insertion(ints);
        insertion(shorts);
        print(ints);
        print(shorts);
        fill();
        heapsort(ints);
        heapsort(shorts);
        print(ints);
        print(shorts);
    }
}
