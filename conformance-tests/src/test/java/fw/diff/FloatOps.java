package fw.diff;

import dev.tinyj.hal.Serial;

/**
 * Differential firmware: float arithmetic (IEEE 754, including {@code frem}), negation,
 * {@code fcmpl}/{@code fcmpg} through every relation, every conversion to and from float, the
 * float intrinsics and the raw bit casts. Pure functions.
 */
public final class FloatOps {
    private FloatOps() {
    }

    public static float add(float a, float b) {
        return a + b;
    }

    public static float sub(float a, float b) {
        return a - b;
    }

    public static float mul(float a, float b) {
        return a * b;
    }

    public static float div(float a, float b) {
        return a / b;
    }

    public static float rem(float a, float b) {
        return a % b;
    }

    public static float min(float a, float b) {
        return Math.min(a, b);
    }

    public static float max(float a, float b) {
        return Math.max(a, b);
    }

    /** javac compiles {@code <} and {@code <=} with fcmpg and {@code >}, {@code >=} with fcmpl. */
    public static int relations(float a, float b) {
        int r = 0;
        if (a == b) {
            r |= 1;
        }
        if (a != b) {
            r |= 2;
        }
        if (a < b) {
            r |= 4;
        }
        if (a >= b) {
            r |= 8;
        }
        if (a > b) {
            r |= 16;
        }
        if (a <= b) {
            r |= 32;
        }
        return r;
    }

    public static float neg(float a) {
        return -a;
    }

    public static float abs(float a) {
        return Math.abs(a);
    }

    /** fconst_0..2 and ldc of a float. */
    public static float constants(float a) {
        return a * 0.0f + 1.0f + 2.0f * a - 0.1f;
    }

    public static int toInt(float a) {
        return (int) a;
    }

    public static long toLong(float a) {
        return (long) a;
    }

    public static int rawBits(float a) {
        return Float.floatToRawIntBits(a);
    }

    public static float fromInt(int a) {
        return (float) a;
    }

    public static float fromBits(int a) {
        return Float.intBitsToFloat(a);
    }

    public static float fromLong(long a) {
        return (float) a;
    }

    /** A small polynomial: rounding happens at every step, as on the host. */
    public static float poly(float a, float b) {
        float acc = 0;
        for (int i = 0; i < 4; i++) {
            acc = acc * a + b * (i + 1);
        }
        return acc;
    }

    public static void setup() {
        Serial.begin(9600);
    }

    public static void loop() {
        float x = 1.25f;
        x = add(x, 7) + sub(x, 3) + mul(x, -9) + div(x, 5) + rem(x, 6) + min(x, -4) + max(x, 2);
        x += relations(x, 9) + neg(x) + abs(x) + constants(x) + toInt(x) + toLong(x) + rawBits(x);
        x += fromInt(3) + fromBits(0x3F80_0000) + fromLong(5L) + poly(x, 0.5f);
        Serial.println(x);
    }
}
