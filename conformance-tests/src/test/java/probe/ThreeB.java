package probe;

final class ThreeB {
    static int seed = 7;

    private ThreeB() {
    }

    static int start() {
        return seed;
    }

    static int twice(int v) {
        return v * 2;
    }
}
