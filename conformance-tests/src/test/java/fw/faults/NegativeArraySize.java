package fw.faults;

/** Faults: newarray with a negative count in setup(). */
public class NegativeArraySize {
    static int count = -3;
    static long[] values;

    public static void setup() {
        values = new long[count]; // FAULT
    }

    public static void loop() {
    }
}
