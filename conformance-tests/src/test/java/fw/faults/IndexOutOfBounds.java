package fw.faults;

/** Faults: iaload one past the end. */
public class IndexOutOfBounds {
    static int[] table;
    static int sum;

    public static void setup() {
        table = new int[4];
    }

    public static void loop() {
        for (int i = 0; i <= table.length; i++) {
            sum += table[i]; // FAULT
        }
    }
}
