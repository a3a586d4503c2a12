package probe.bad;

final class Helper {
    static int value;

    private Helper() {
    }

    static int twice(int v) {
        return v * 2;
    }
}
