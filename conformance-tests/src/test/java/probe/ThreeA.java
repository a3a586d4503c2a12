package probe;

final class ThreeA {
    static final int[] STATE = new int[4];
    static int base = ThreeB.start() + 1;

    private ThreeA() {
    }

    static void init() {
        STATE[0] = base;
    }

    static int step(int t) {
        return ThreeB.twice(t) + STATE[0];
    }
}
