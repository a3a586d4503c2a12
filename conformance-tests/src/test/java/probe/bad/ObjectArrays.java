package probe.bad;

public final class ObjectArrays {
    public static void setup() {
    }

    public static void loop() {
        int[][] grid = new int[2][3];
        int[][] rows = new int[2][];
        rows[0] = grid[1];
    }
}
