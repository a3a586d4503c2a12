package probe.bad;

public final class Recursion {
    static int n;

    public static void setup() {
    }

    public static void loop() {
        n = even(n) + fact(5);
    }

    static int even(int v) {
        return v == 0 ? 1 : odd(v - 1);
    }

    static int odd(int v) {
        return v == 0 ? 0 : even(v - 1);
    }

    static int fact(int v) {
        return v <= 1 ? 1 : v * fact(v - 1);
    }
}
